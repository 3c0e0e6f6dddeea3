package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.connect8x8.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Request fields the facade does not model yet, set by a builder's {@code extra(name, value)} and sent as the
 * generated model's additional properties. A modelled name is refused, so that its own builder method checks it.
 */
public final class Extras {

    private Extras() {
    }

    /**
     * Checks one extra field as a builder takes it.
     *
     * @param modelled the wire names the builder models itself
     * @param name the field's wire name
     * @param value its value
     * @return the value as stored: a String, Number, Boolean or a copy of a JSON object or array
     * @throws ValidationException (field {@code extra}) for a blank or modelled name, or an unsupported value
     */
    public static Object check(Set<String> modelled, String name, Object value) {
        if (name == null || name.isBlank() || !name.strip().equals(name)) {
            throw new ValidationException("extra", "a field name must be non-blank, without surrounding spaces");
        }
        if (modelled.contains(name)) {
            throw new ValidationException(name, "is modelled by the builder: set it with its own method, not extra");
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof JsonPrimitive p) {
            return p.isBoolean() ? (Object) p.getAsBoolean() : p.isNumber() ? p.getAsNumber() : p.getAsString();
        }
        if (value instanceof JsonElement e && (e.isJsonObject() || e.isJsonArray())) {
            return e.deepCopy();
        }
        throw new ValidationException(name, "an extra value must be a String, Number, Boolean, or a Gson "
                + "JsonObject or JsonArray");
    }

    /**
     * Copies a builder's extras.
     *
     * @param extras the builder's map
     * @return an unmodifiable copy, JSON trees copied
     */
    public static Map<String, Object> copy(Map<String, Object> extras) {
        if (extras.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        extras.forEach((name, value) -> copy.put(name, value instanceof JsonElement e ? e.deepCopy() : value));
        return Collections.unmodifiableMap(copy);
    }
}
