package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The lenient reader of the API's answers. Only the id that makes a result usable ({@code umid}, {@code batchId})
 * and the counts' types are required, whatever the spec set, so the same answer reads the same with either;
 * everything else is read as text, so a value this version does not know arrives as spelled, and a reader never
 * fails on a field it only reports.
 */
public final class ResponseReader {

    private static final JsonObject EMPTY = new JsonObject();

    private ResponseReader() {
    }

    /** The id without which the result is useless; an {@code IllegalStateException} naming the field without it. */
    static String require(JsonObject json, String idField) {
        String id = string(json, idField);
        if (id == null) {
            throw new IllegalStateException("the required field " + idField + " is missing");
        }
        return id;
    }

    /**
     * {@return a member object, or an empty object when absent or not an object}
     *
     * @param o the object
     * @param name the member
     */
    public static JsonObject object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : EMPTY;
    }

    /**
     * {@return a string member, or null when absent, null or not a primitive}
     *
     * @param o the object
     * @param name the member
     */
    public static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    /** An integer member, given as a number or a numeric string; null when absent, null or not an integer. */
    static Integer integer(JsonObject o, String name) {
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

    /** A count: absent or null is 0; anything but an integer fails. */
    static int count(JsonObject o, String name) {
        JsonElement e = o.get(name);
        Integer value = integer(o, name);
        if (e != null && !e.isJsonNull() && (value == null || !e.getAsJsonPrimitive().isNumber())) {
            throw new IllegalStateException(name + " is not an integer");
        }
        return value == null ? 0 : value;
    }
}
