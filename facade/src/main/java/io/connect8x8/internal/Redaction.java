package io.connect8x8.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.connect8x8.Masking;
import java.util.Map;
import java.util.Set;

/** {@link Masking}'s forms, and the phone numbers of a request body masked for the debug log. */
public final class Redaction {

    /** The members of the two APIs' requests that hold phone numbers. */
    private static final Set<String> PHONE_FIELDS = Set.of("destination", "destinations", "msisdn");

    private Redaction() {
    }

    /**
     * Masks a phone number for logs.
     *
     * @param number the number as given, may be null
     * @return {@link Masking#maskPhone}'s form
     */
    public static String maskPhone(String number) {
        return Masking.maskPhone(number);
    }

    /**
     * Describes a message text for logs without its content.
     *
     * @param text the text, may be null
     * @return {@link Masking#describeText}'s form
     */
    public static String describeText(String text) {
        return Masking.describeText(text);
    }

    /** A request body with every phone number masked; for a body that is not JSON, its length. */
    static String maskPhonesInJson(String json) {
        try {
            return mask(JsonParser.parseString(json), false).toString();
        } catch (RuntimeException notJson) {
            return "<" + json.length() + " bytes, not JSON>";
        }
    }

    private static JsonElement mask(JsonElement element, boolean phone) {
        if (element.isJsonObject()) {
            JsonObject masked = new JsonObject();
            for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
                masked.add(e.getKey(), mask(e.getValue(), PHONE_FIELDS.contains(e.getKey())));
            }
            return masked;
        }
        if (element.isJsonArray()) {
            JsonArray masked = new JsonArray();
            element.getAsJsonArray().forEach(item -> masked.add(mask(item, phone)));
            return masked;
        }
        if (phone && element.isJsonPrimitive()) {
            return new JsonPrimitive(maskPhone(element.getAsString()));
        }
        return element;
    }
}
