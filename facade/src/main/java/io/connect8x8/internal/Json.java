package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Small lenient readers over Gson's tree. */
public final class Json {

    private Json() {
    }

    /** A string member, or null when absent, null or not a primitive. */
    public static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    /** An integer member, given as a number or a numeric string; null when absent or not an integer. */
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

    /** Parses a body that must be a JSON object; throws IllegalStateException or JsonParseException otherwise. */
    public static JsonObject object(String body) {
        JsonElement element = JsonParser.parseString(body);
        if (!element.isJsonObject()) {
            throw new IllegalStateException("the body is not a JSON object");
        }
        return element.getAsJsonObject();
    }

    /** A shallow copy of {@code o} without member {@code name}: the members themselves are shared, not copied. */
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
