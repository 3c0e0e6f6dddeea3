package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.ApiError;
import io.connect8x8.ApiErrorException;
import io.connect8x8.AuthenticationException;
import io.connect8x8.BadRequestException;
import io.connect8x8.NotFoundException;
import io.connect8x8.PermissionDeniedException;
import io.connect8x8.RateLimitException;
import io.connect8x8.Region;
import io.connect8x8.ServerErrorException;
import java.time.Duration;

/**
 * The lenient reader of the API's answers, and the one place that turns an error answer into the exception type for
 * its status. Only the id that makes a result usable ({@code umid}, {@code batchId})
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

    /**
     * The exception for an error answer, with 8x8's error envelope read leniently from its body (another body, a
     * proxy's HTML page, gives the raw body only): 400, 401, 403, 404 and 429 have their own types, 5xx a server
     * error, any other status the base type.
     */
    static ApiErrorException failure(int status, String body, Duration retryAfter, Region region, int attempts) {
        ApiError error = new ApiError(status, null, null, null, null, body);
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject()) {
                JsonObject o = json.getAsJsonObject();
                error = new ApiError(status, integer(o, "code"), string(o, "message"), string(o, "errorId"),
                        string(o, "timestamp"), body);
            }
        } catch (RuntimeException notJson) {
            // Not the envelope: keep the raw body only.
        }
        return switch (status) {
            case 400 -> new BadRequestException(error, attempts);
            case 401 -> new AuthenticationException(error, attempts);
            case 403 -> new PermissionDeniedException(error, region, attempts);
            case 404 -> new NotFoundException(error, attempts);
            case 429 -> new RateLimitException(error, retryAfter, attempts);
            default -> status >= 500 ? new ServerErrorException(error, attempts)
                    : new ApiErrorException(error, attempts);
        };
    }
}
