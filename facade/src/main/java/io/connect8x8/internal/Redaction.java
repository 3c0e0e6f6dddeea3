package io.connect8x8.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Map;
import java.util.Set;

/**
 * How personal data appears in logs, exception messages and {@code toString()}: phone numbers keep their country
 * code and last two digits, message text is replaced by its length.
 */
public final class Redaction {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** The members of the two APIs' requests that hold phone numbers. */
    private static final Set<String> PHONE_FIELDS = Set.of("destination", "destinations", "msisdn");

    private Redaction() {
    }

    /**
     * Masks a phone number: {@code +6512345678} becomes {@code +65******78}. A number without a recognisable country
     * code keeps only its last two digits.
     *
     * @param number the number as given, may be null
     * @return the masked form, or {@code null} for null
     */
    public static String maskPhone(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        int ccLength = countryCodeLength(digits);
        String tail = digits.substring(digits.length() - 2);
        String stars = "*".repeat(digits.length() - ccLength - 2);
        return (ccLength > 0 ? "+" + digits.substring(0, ccLength) : "") + stars + tail;
    }

    private static int countryCodeLength(String digits) {
        for (int length = 1; length <= 3 && length < digits.length() - 2; length++) {
            int code = Integer.parseInt(digits.substring(0, length));
            String region = PHONES.getRegionCodeForCountryCode(code);
            if (!"ZZ".equals(region)) {
                return length;
            }
        }
        return 0;
    }

    /**
     * Describes a message text without revealing it.
     *
     * @param text the text, may be null
     * @return {@code <N chars>}, or {@code null} for null
     */
    public static String describeText(String text) {
        return text == null ? null : "<" + text.length() + " chars>";
    }

    /**
     * A JSON request body with every phone number masked, for a debug log that the caller allowed to show message
     * content. A body that is not JSON is replaced by its length.
     *
     * @param json the body
     * @return the body, numbers masked
     */
    public static String maskPhonesInJson(String json) {
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
