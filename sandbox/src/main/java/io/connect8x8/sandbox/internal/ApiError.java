package io.connect8x8.sandbox.internal;

/**
 * An error answer of the simulated API: HTTP status, 8x8 code and message. Thrown anywhere in request handling and
 * turned into the documented error body in one place ({@link Router}).
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;
    private final int retryAfterSeconds;

    /**
     * Creates an error.
     *
     * @param status the HTTP status
     * @param code the 8x8 code of the body
     * @param message the message of the body
     */
    public ApiError(int status, int code, String message) {
        this(status, code, message, -1);
    }

    private ApiError(int status, int code, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * A 400 error.
     *
     * @param code the 8x8 code
     * @param message the message
     * @return the error
     */
    public static ApiError badRequest(int code, String message) {
        return new ApiError(400, code, message);
    }

    /**
     * The live API's quota answer: 429, code 429 and a {@code Retry-After} header.
     *
     * @param retryAfterSeconds the seconds to wait, at least 1
     * @return the error
     */
    public static ApiError quotaExceeded(int retryAfterSeconds) {
        int seconds = Math.max(1, retryAfterSeconds);
        return new ApiError(429, 429, "Quota exceeded. Please try again in " + seconds + " second(s).", seconds);
    }

    /**
     * Returns the HTTP status.
     *
     * @return the HTTP status
     */
    public int status() {
        return status;
    }

    /**
     * Returns the 8x8 code.
     *
     * @return the 8x8 code
     */
    public int code() {
        return code;
    }

    /**
     * Returns the {@code Retry-After} seconds, or -1 for none.
     *
     * @return the {@code Retry-After} seconds, or -1 for none
     */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
