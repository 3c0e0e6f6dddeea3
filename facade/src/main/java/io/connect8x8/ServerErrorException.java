package io.connect8x8;

/**
 * The API, or a proxy in front of it, failed (HTTP 5xx). Except after a 503 the request may have been processed, so
 * it is retried only when the retry policy opts in.
 */
public class ServerErrorException extends ApiErrorException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception for a 5xx answer.
     *
     * @param error the parsed response
     * @param attempts the number of HTTP requests made
     */
    public ServerErrorException(ApiError error, int attempts) {
        super(error, attempts);
    }

    /** {@return whether the server may have processed the request: true for every 5xx but 503} */
    public boolean mayHaveBeenProcessed() {
        return httpStatus() != 503;
    }
}
