package io.connect8x8.api;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import io.connect8x8.RawJson;
import io.connect8x8.UnexpectedResponseException;
import io.connect8x8.internal.Access;
import java.lang.reflect.Type;

/**
 * The 2xx answer of an operation called through {@link Operations}: its status, the body as received, the body as
 * JSON and as the typed model the generated code declares for it. The body is parsed at the first read, once; a
 * model that fails to read is an {@link UnexpectedResponseException} then, with the body kept. Thread-safe.
 */
public final class ApiResult {

    private final OperationInfo operation;
    private final int status;
    private final String body;
    private final int attempts;
    private final Type modelType;
    private final Gson gson;
    private volatile JsonElement json;
    private volatile Object model;

    ApiResult(OperationInfo operation, int status, String body, int attempts, Type modelType, Gson gson) {
        this.operation = operation;
        this.status = status;
        this.body = body;
        this.attempts = attempts;
        this.modelType = modelType;
        this.gson = gson;
    }

    /**
     * The operation called.
     *
     * @return the operation
     */
    public OperationInfo operation() {
        return operation;
    }

    /**
     * The HTTP status, 2xx.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The body as received; empty when the answer had none.
     *
     * @return the body text
     */
    public String body() {
        return body;
    }

    /**
     * The HTTP requests the call made, retries included.
     *
     * @return at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The body as JSON: a copy, so changing it changes nothing here.
     *
     * @return the JSON; {@code JsonNull} when the body is empty
     * @throws UnexpectedResponseException when the body is not JSON
     */
    public JsonElement json() {
        return tree().deepCopy();
    }

    /**
     * The body as {@link RawJson} when it is a JSON object, for reading fields by path.
     *
     * @return the raw JSON; {@link RawJson#EMPTY} when the body is empty or not an object
     * @throws UnexpectedResponseException when the body is not JSON
     */
    public RawJson raw() {
        JsonElement tree = tree();
        return tree.isJsonObject() ? Access.raw(tree.getAsJsonObject().deepCopy()) : RawJson.EMPTY;
    }

    /**
     * The body read into the generated model the operation declares for its answer (for example
     * {@code GetSmsMessageDetails200Response}), by the generated code's own JSON configuration.
     *
     * @return the model; null when the operation declares no answer body or the body is empty
     * @throws UnexpectedResponseException when the body does not fit the model
     */
    public Object model() {
        Object value = model;
        if (value == null && modelType != null && !tree().isJsonNull()) {
            try {
                value = gson.fromJson(tree(), modelType);
            } catch (RuntimeException e) {
                throw unusable("the answer does not fit " + modelType.getTypeName(), e);
            }
            model = value;
        }
        return value;
    }

    /**
     * The model as a given type.
     *
     * @param type the model's class (or a supertype)
     * @param <T> the model's type
     * @return the model, or null as for {@link #model()}
     * @throws ClassCastException when the model is of another type
     */
    public <T> T model(Class<T> type) {
        return type.cast(model());
    }

    private JsonElement tree() {
        JsonElement value = json;
        if (value == null) {
            try {
                value = body.isBlank() ? JsonNull.INSTANCE : JsonParser.parseString(body);
            } catch (RuntimeException e) {
                throw unusable("the answer is not JSON", e);
            }
            json = value;
        }
        return value;
    }

    private UnexpectedResponseException unusable(String problem, RuntimeException cause) {
        return new UnexpectedResponseException(operation.operationId() + ": " + problem, status, body, cause,
                attempts);
    }

    /** The operation and status; the body may hold personal data. */
    @Override
    public String toString() {
        return "ApiResult{" + operation.operationId() + ", status=" + status + '}';
    }
}
