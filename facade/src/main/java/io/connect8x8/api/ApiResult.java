package io.connect8x8.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import io.connect8x8.RawJson;
import io.connect8x8.UnexpectedResponseException;
import io.connect8x8.internal.Access;
import io.connect8x8.internal.HttpResponse;
import java.util.Optional;

/**
 * The 2xx answer of an operation: its status, its body as text, bytes, JSON and the generated model, parsed once at
 * the first read. A JSON or text answer is strict UTF-8; any other (a downloaded file) is binary: {@link #bytes()}.
 * Thread-safe.
 */
public final class ApiResult {

    /** The operation called, its answer's model type and the generated code's Gson. */
    private final Bound bound;
    private final HttpResponse response;
    private volatile JsonElement json;
    private volatile Object model;

    ApiResult(Bound bound, HttpResponse response) {
        this.bound = bound;
        this.response = response;
    }

    /** {@return the operation called} */
    public OperationInfo operation() {
        return bound.info();
    }

    /** {@return the HTTP status, 2xx (of the answer a followed redirect led to)} */
    public int status() {
        return response.status();
    }

    /** {@return the body as text; empty when the answer had none or is binary} */
    public String body() {
        return response.body();
    }

    /** {@return a copy of the body's bytes as received: a downloaded file's content} */
    public byte[] bytes() {
        return response.bytes().clone();
    }

    /** {@return the answer's Content-Type, such as {@code application/json} or a file's {@code image/png}} */
    public Optional<String> contentType() {
        return Optional.ofNullable(response.contentType());
    }

    /** {@return the HTTP requests the call made, retries included: at least 1} */
    public int attempts() {
        return response.attempts();
    }

    /**
     * {@return a copy of the body as JSON; {@code JsonNull} when the body is empty}
     *
     * @throws UnexpectedResponseException when the body is not JSON
     */
    public JsonElement json() {
        return tree().deepCopy();
    }

    /**
     * {@return the body as {@link RawJson}, for reading fields by path; {@link RawJson#EMPTY} when it is no object}
     *
     * @throws UnexpectedResponseException when the body is not JSON
     */
    public RawJson raw() {
        JsonElement tree = tree();
        // RawJson never changes the tree it wraps, nor does anything here: shared, not copied.
        return tree.isJsonObject() ? Access.raw(tree.getAsJsonObject()) : RawJson.EMPTY;
    }

    /**
     * {@return the body read by the generated code's Gson into the model the operation declares, such as
     * {@code GetSmsMessageDetails200Response}; null when it declares none or the body is empty}
     *
     * @throws UnexpectedResponseException when the body does not fit the model
     */
    public Object model() {
        Object value = model;
        if (value == null && bound.modelType() != null && !tree().isJsonNull()) {
            try {
                value = bound.gson().fromJson(tree(), bound.modelType());
            } catch (RuntimeException e) {
                throw unusable("the answer does not fit " + bound.modelType().getTypeName(), e);
            }
            model = value;
        }
        return value;
    }

    private JsonElement tree() {
        JsonElement value = json;
        if (value == null) {
            if (!HttpResponse.isText(response.contentType())) {
                throw unusable("the answer is binary (" + response.contentType() + "): read bytes()", null);
            }
            try {
                value = body().isBlank() ? JsonNull.INSTANCE : JsonParser.parseString(body());
            } catch (RuntimeException e) {
                throw unusable("the answer is not JSON", e);
            }
            json = value;
        }
        return value;
    }

    private UnexpectedResponseException unusable(String problem, RuntimeException cause) {
        return new UnexpectedResponseException(operation().operationId() + ": " + problem, status(), body(), cause,
                attempts());
    }

    /** The operation and status; the body may hold personal data. */
    @Override
    public String toString() {
        return "ApiResult{" + operation().operationId() + ", status=" + status() + '}';
    }
}
