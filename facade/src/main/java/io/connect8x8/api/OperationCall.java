package io.connect8x8.api;

import io.connect8x8.RequestOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call of an operation by its operationId: parameters by their names in the document, a body, options.
 * Immutable: each method returns a new call, so one can be a template for many.
 *
 * <pre>{@code
 * ApiResult status = client.api().call(OperationCall.of("get-sms-message-details").param("umid", umid));
 * }</pre>
 *
 * <p>A value is converted to what the generated method takes: text to a number, a boolean, an enum (by its wire
 * value) or a date-time; a list to a query array; a {@link java.nio.file.Path} or {@link java.io.File} to a file
 * part.
 */
public final class OperationCall {

    // Read by the generic path in this package only: the caller built them and knows them.
    final String operationId;
    final Map<String, Object> params;
    final Object body;
    final RequestOptions options;

    private OperationCall(String operationId, Map<String, Object> params, Object body, RequestOptions options) {
        this.operationId = operationId;
        this.params = params;
        this.body = body;
        this.options = options;
    }

    /**
     * {@return a call of an operation with no parameters set yet}
     *
     * @param operationId the id as written in the document ({@code get-sms-message-details}), or qualified by the
     *     document's key ({@code messaging-apps:cancel-scheduled-message-1})
     */
    public static OperationCall of(String operationId) {
        return new OperationCall(Objects.requireNonNull(operationId, "operationId"), Map.of(), null,
                RequestOptions.DEFAULT);
    }

    /**
     * {@return this call with one more parameter, or another value for it}
     *
     * @param name the parameter's name in the document (path, query, header or form)
     * @param value its value; null removes it
     */
    public OperationCall param(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        if (value == null) {
            copy.remove(Objects.requireNonNull(name, "name"));
        } else {
            copy.put(Objects.requireNonNull(name, "name"), value);
        }
        return new OperationCall(operationId, Collections.unmodifiableMap(copy), body, options);
    }

    /**
     * {@return this call with a request body}
     *
     * @param value JSON text, a Gson {@code JsonElement}, a {@code Map} or {@code List}, or the generated model the
     *     operation takes; null for none
     */
    public OperationCall body(Object value) {
        return new OperationCall(operationId, params, value, options);
    }

    /**
     * {@return this call with other options: deadline, retry policy, sub-account}
     *
     * @param value the options
     */
    public OperationCall options(RequestOptions value) {
        return new OperationCall(operationId, params, body, Objects.requireNonNull(value, "options"));
    }

    /** The operation and the parameters' names, never their values (they may be personal data). */
    @Override
    public String toString() {
        return "OperationCall{" + operationId + ", params=" + params.keySet() + (body == null ? "" : ", body") + '}';
    }
}
