package io.connect8x8;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests (HTTP 429). The client already waited and retried as its retry policy allowed; this is thrown
 * when the attempts ran out or the wait would pass the call's deadline. The request was not processed.
 */
public class RateLimitException extends ApiErrorException {

    private static final long serialVersionUID = 1L;

    /** The wait the server asked for in {@code Retry-After}; null when the response had no such header. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
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

    /**
     * The wait the server asked for in {@code Retry-After}.
     *
     * @return the wait, if the response had the header
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
