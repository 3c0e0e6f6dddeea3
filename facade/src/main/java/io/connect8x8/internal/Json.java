package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Small lenient readers over Gson's tree. */
public final class Json {

    private Json() {
    }

    /**
     * Reads a string member leniently: the API's answers and webhooks may omit or change a field, and a reader
     * should not fail on one it only reports.
     *
     * @param o the object to read from
     * @param name the member's name
     * @return the member as a string, or null when absent, null or not a primitive
     */
    public static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    /**
     * Reads an integer member leniently, given as a number or a numeric string: a quoted number is still the number
     * a caller wants, and anything else is reported as absent rather than failing the whole read.
     *
     * @param o the object to read from
     * @param name the member's name
     * @return the member's value, or null when absent, null, not a primitive or not an integer
     */
    public static Integer integer(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            return null;
        }
        try {
            return e.getAsInt();
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }

    /**
     * Parses a body that must be a JSON object, such as an answer or a webhook's payload.
     *
     * @param body the JSON text
     * @return the parsed object
     * @throws com.google.gson.JsonParseException when the body is not JSON
     * @throws IllegalStateException when the body is JSON but not an object
     */
    public static JsonObject object(String body) {
        JsonElement element = JsonParser.parseString(body);
        if (!element.isJsonObject()) {
            throw new IllegalStateException("the body is not a JSON object");
        }
        return element.getAsJsonObject();
    }

    /**
     * Makes a shallow copy of an object without one member: what is left of a payload once that member is dealt
     * with separately. The members themselves are shared, not copied, so neither object may be changed afterwards.
     *
     * @param o the object to copy
     * @param name the member to leave out
     * @return a new object with every member of {@code o} but {@code name}, in the same order
     */
    public static JsonObject without(JsonObject o, String name) {
        JsonObject copy = new JsonObject();
        for (var entry : o.entrySet()) {
            if (!entry.getKey().equals(name)) {
                copy.add(entry.getKey(), entry.getValue());
            }
        }
        return copy;
    }
}
