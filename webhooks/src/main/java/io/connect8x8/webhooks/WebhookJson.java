package io.connect8x8.webhooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lenient field readers over Gson's tree. An optional field of the wrong type, a number beyond
 * {@value #MAX_NUMBER_CHARS} characters or that scale, or a timestamp that is not ISO 8601, reads as absent, so a
 * format change in a field we do not depend on never rejects a webhook; a required field names its path when it is
 * missing.
 */
final class WebhookJson {

    /**
     * The longest number text, and the largest scale either way, read as a number: far beyond any price, coordinate,
     * count or code 8x8 sends. {@code new BigDecimal} takes time quadratic in the digits (20 s for the million digits a
     * 1 MiB body can hold) and {@code toPlainString()} of {@code 1e999999999} would fill the heap.
     */
    static final int MAX_NUMBER_CHARS = 64;

    /** The parser's logger: what it reads leniently is the parser's doing. */
    private static final Logger LOG = LoggerFactory.getLogger(WebhookParser.class);

    private WebhookJson() {
    }

    static JsonObject object(JsonObject parent, String name) {
        JsonElement element = parent == null ? null : parent.get(name);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    static JsonPrimitive primitive(JsonObject parent, String name) {
        JsonElement element = parent == null ? null : parent.get(name);
        return element != null && element.isJsonPrimitive() ? element.getAsJsonPrimitive() : null;
    }

    static String string(JsonObject parent, String name) {
        JsonPrimitive value = primitive(parent, name);
        return value == null ? null : value.getAsString();
    }

    static String requiredString(JsonObject parent, String name, String path) {
        JsonElement element = parent.get(name);
        if (element == null || element.isJsonNull()) {
            throw new WebhookParseException(path + " is missing");
        }
        if (!element.isJsonPrimitive()) {
            throw new WebhookParseException(path + " must be a string, not " + kind(element));
        }
        String value = element.getAsString();
        if (value.isBlank()) {
            throw new WebhookParseException(path + " is empty");
        }
        return value;
    }

    static Integer integer(JsonObject parent, String name) {
        BigDecimal value = decimal(parent, name);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException notAnInt) {
            return null;
        }
    }

    static BigDecimal decimal(JsonObject parent, String name) {
        JsonPrimitive value = primitive(parent, name);
        if (value == null || value.isBoolean()) {
            return null;
        }
        String text = value.getAsString().trim();
        if (text.length() > MAX_NUMBER_CHARS) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            return Math.abs((long) number.scale()) > MAX_NUMBER_CHARS ? null : number;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * Reads an ISO 8601 timestamp with 0 to 9 fractional digits and an offset such as {@code Z} or {@code +00:00}; one
     * without an offset is taken as UTC, which is what 8x8 documents all its times to be. A timestamp in any other
     * form reads as absent, like every optional field: refusing the body would lose the event for good once 8x8's
     * four retries are spent. A WARN line names the field and the message, not the value, which could be any text; the
     * umid, which the sender chose too, goes through {@link LogText}.
     */
    static Instant instant(JsonObject parent, String name, String path, String umid) {
        String text = string(parent, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notIso) {
                LOG.warn("Webhook field {} of message {} is not an ISO 8601 timestamp; read as absent", path,
                        LogText.of(umid));
                return null;
            }
        }
    }

    static String kind(JsonElement element) {
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        return primitive.isNumber() ? "a number" : primitive.isBoolean() ? "a boolean" : "a string";
    }
}
