package io.connect8x8;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * The JSON the API answered with (or a webhook carried), as received: every field, those this version does not model
 * included. Immutable.
 *
 * <pre>{@code
 * SmsResult result = client.sms().send(sms);
 * Optional<String> price = result.raw().string("price", "total");
 * }</pre>
 */
public final class RawJson {

    /** No JSON: a result built by hand, not read from a response. */
    public static final RawJson EMPTY = new RawJson(new JsonObject());

    private final JsonObject json;

    static {
        io.connect8x8.internal.Access.register(RawJson.class, RawJson::wrap);
    }

    private RawJson(JsonObject json) {
        this.json = json;
    }

    /**
     * A copy of a JSON object as raw JSON: for the webhooks module's events of types it does not model, and for
     * results built by hand (tests, fakes).
     *
     * @param json the object, copied; null gives {@link #EMPTY}
     * @return the raw JSON
     */
    public static RawJson of(JsonObject json) {
        return json == null ? EMPTY : new RawJson(json.deepCopy());
    }

    /** Wraps a parsed object, without a copy: the response reader hands over what it parsed. */
    static RawJson wrap(JsonObject json) {
        return json == null ? EMPTY : new RawJson(json);
    }

    /** {@return a deep copy of the object, for Gson's tree API} */
    public JsonObject asJsonObject() {
        return json.deepCopy();
    }

    /**
     * A string (or number, or boolean, as text) at a path of member names.
     *
     * @param path the member names from the top, such as {@code "status", "code"}
     * @return the value as text, or empty when a member is absent, null or not a primitive
     */
    public Optional<String> string(String... path) {
        JsonElement e = json;
        for (String name : path) {
            if (e == null || !e.isJsonObject()) {
                return Optional.empty();
            }
            e = e.getAsJsonObject().get(name);
        }
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }

    /** {@return the JSON text, written compactly} */
    @Override
    public String toString() {
        return json.toString();
    }

    /** Compares as JSON trees: member order does not matter. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson r && json.equals(r.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }
}
