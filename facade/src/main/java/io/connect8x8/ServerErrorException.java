package io.connect8x8;

/**
 * The API, or a proxy in front of it, failed (HTTP 5xx). Except for 503, the request may have been processed:
 * it is not retried automatically unless the call opted in, and {@link #mayHaveBeenProcessed()} says so.
 */
public class ServerErrorException extends ApiErrorException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the parsed response
     * @param attempts the number of HTTP requests made
     */
    public ServerErrorException(ApiError error, int attempts) {
        super(error, attempts);
    }

    /**
     * Whether the server may have processed the request before failing: true for every 5xx but 503, which says the
     * service did not take the request.
     *
     * @return whether the message may have been accepted
     */
    public boolean mayHaveBeenProcessed() {
        return httpStatus() != 503;
    }
}
