package io.connect8x8.api;

import io.connect8x8.RequestOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call of an operation by its operationId: its parameters by their names in the document, its body, and the
 * call's options. Immutable: every {@code with}-style method returns a new call, so one can be a template for many.
 *
 * <pre>{@code
 * ApiResult status = client.api().call(OperationCall.of("get-sms-message-details").param("umid", umid));
 * }</pre>
 *
 * <p>A parameter's value is converted to what the generated method takes: text to a number, a boolean, an enum (by
 * its wire value) or a date-time; a list to a query array; a {@link java.nio.file.Path} or {@link java.io.File} to
 * a file part. {@code subAccountId} and {@code accountId} path parameters default to the client's.
 */
public final class OperationCall {

    private final String operationId;
    private final Map<String, Object> params;
    private final Object body;
    private final RequestOptions options;

    private OperationCall(String operationId, Map<String, Object> params, Object body, RequestOptions options) {
        this.operationId = operationId;
        this.params = params;
        this.body = body;
        this.options = options;
    }

    /**
     * A call of an operation with no parameters set yet.
     *
     * @param operationId the id as written in the document ({@code get-sms-message-details}), or qualified by the
     *     document's key ({@code messaging-apps:cancel-scheduled-message-1})
     * @return the call
     * @throws NullPointerException when the id is null
     */
    public static OperationCall of(String operationId) {
        return new OperationCall(Objects.requireNonNull(operationId, "operationId"), Map.of(), null,
                RequestOptions.DEFAULT);
    }

    /**
     * This call with one more parameter (or another value for it).
     *
     * @param name the parameter's name in the document (path, query, header or form)
     * @param value its value; null removes it
     * @return a new call
     */
    public OperationCall param(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> copy = new LinkedHashMap<>(params);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new OperationCall(operationId, Collections.unmodifiableMap(copy), body, options);
    }

    /**
     * This call with more parameters.
     *
     * @param values parameters by name
     * @return a new call
     */
    public OperationCall params(Map<String, ?> values) {
        OperationCall call = this;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            call = call.param(e.getKey(), e.getValue());
        }
        return call;
    }

    /**
     * This call with a request body.
     *
     * @param value the body: JSON text, a Gson {@code JsonElement}, a {@code Map} or {@code List} of JSON values, or
     *     the generated model the operation takes; null for none
     * @return a new call
     */
    public OperationCall body(Object value) {
        return new OperationCall(operationId, params, value, options);
    }

    /**
     * This call with other options (deadline, retry policy, sub-account).
     *
     * @param value the options
     * @return a new call
     */
    public OperationCall options(RequestOptions value) {
        return new OperationCall(operationId, params, body, Objects.requireNonNull(value, "options"));
    }

    /**
     * The operation's id, as given.
     *
     * @return the id
     */
    public String operationId() {
        return operationId;
    }

    /**
     * The parameters set, by name.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> params() {
        return params;
    }

    /**
     * The body, or null.
     *
     * @return the body
     */
    public Object body() {
        return body;
    }

    /**
     * The call's options.
     *
     * @return the options
     */
    public RequestOptions options() {
        return options;
    }

    /** The operation and the parameters' names, never their values (they may be personal data). */
    @Override
    public String toString() {
        return "OperationCall{" + operationId + ", params=" + params.keySet() + (body == null ? "" : ", body") + '}';
    }
}
