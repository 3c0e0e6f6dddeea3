package io.connect8x8;

/**
 * An error response of the API: the HTTP status, the fields of 8x8's error envelope when present, and the raw body.
 *
 * @param httpStatus the HTTP status
 * @param code 8x8's error code, or null when the body had none
 * @param message 8x8's error message, or null
 * @param errorId 8x8's error id, or null
 * @param timestamp the error's timestamp as written, or null
 * @param rawBody the body as received, never null
 */
public record ApiError(int httpStatus, Integer code, String message, String errorId, String timestamp,
                       String rawBody) {

    /**
     * Makes an error; a null body becomes the empty string.
     *
     * @param httpStatus the HTTP status
     * @param code 8x8's error code, or null
     * @param message 8x8's error message, or null
     * @param errorId 8x8's error id, or null
     * @param timestamp the error's timestamp as written, or null
     * @param rawBody the body as received
     */
    public ApiError {
        rawBody = rawBody == null ? "" : rawBody;
    }

    /** {@return the status, the code and the message in a line: {@code HTTP 400, 8x8 code 1002: Invalid MSISDN}} */
    public String describe() {
        StringBuilder text = new StringBuilder("HTTP ").append(httpStatus);
        if (code != null) {
            text.append(", 8x8 code ").append(code);
        }
        if (message != null) {
            text.append(": ").append(message);
        } else if (code == null) {
            text.append(" with no 8x8 error body");
        }
        if (errorId != null) {
            text.append(" (errorId ").append(errorId).append(')');
        }
        return text.toString();
    }
}
