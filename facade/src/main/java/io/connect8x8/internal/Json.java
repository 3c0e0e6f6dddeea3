package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Small lenient readers over Gson's tree. */
public final class Json {

    private Json() {
    }

    /**
     * Reads a string member leniently: a reader should not fail on a field it only reports.
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
     * Reads an integer member leniently, given as a number or a numeric string.
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
}
