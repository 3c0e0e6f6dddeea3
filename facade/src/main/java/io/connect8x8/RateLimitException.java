package io.connect8x8;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests (HTTP 429), thrown once the retry policy's attempts ran out or the wait would pass the call's
 * deadline. The request was not processed.
 */
public class RateLimitException extends ApiErrorException {

    private static final long serialVersionUID = 1L;

    /** How long 8x8 asked to wait, or null. */
    private final Duration retryAfter;

    /**
     * Makes the exception for a 429 answer.
     *
     * @param error the parsed response
     * @param retryAfter the server's {@code Retry-After}, or null when absent
     * @param attempts the number of HTTP requests made
     */
    public RateLimitException(ApiError error, Duration retryAfter, int attempts) {
        super(error, retryAfter == null ? error.describe()
                : error.describe() + "; retry after " + retryAfter.toSeconds() + " s", attempts);
        this.retryAfter = retryAfter;
    }

    /** {@return the wait the server asked for in {@code Retry-After}, if the response had the header} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
