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

/** The one place that turns an error response into the exception type for its status. */
final class ErrorMapper {

    private ErrorMapper() {
    }

    /** 8x8's error envelope read from a body, leniently: another body (a proxy's HTML page) gives the raw body only. */
    static ApiError parse(int status, String body) {
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject()) {
                JsonObject o = json.getAsJsonObject();
                return new ApiError(status, ResponseReader.integer(o, "code"),
                        ResponseReader.string(o, "message"), ResponseReader.string(o, "errorId"),
                        ResponseReader.string(o, "timestamp"), body);
            }
        } catch (RuntimeException notJson) {
            // Not the envelope: keep the raw body only.
        }
        return new ApiError(status, null, null, null, null, body);
    }

    /** 400, 401, 403, 404 and 429 have their own types, 5xx a server error, any other status the base type. */
    static ApiErrorException toException(ApiError error, Duration retryAfter, Region region, int attempts) {
        return switch (error.httpStatus()) {
            case 400 -> new BadRequestException(error, attempts);
            case 401 -> new AuthenticationException(error, attempts);
            case 403 -> new PermissionDeniedException(error, region, attempts);
            case 404 -> new NotFoundException(error, attempts);
            case 429 -> new RateLimitException(error, retryAfter, attempts);
            default -> error.httpStatus() >= 500 ? new ServerErrorException(error, attempts)
                    : new ApiErrorException(error, attempts);
        };
    }
}
