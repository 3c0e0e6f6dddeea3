package io.connect8x8;

/** The request was invalid (HTTP 400); {@link #errorCode()} tells which rule it broke. */
public class BadRequestException extends ApiErrorException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception for a 400 answer.
     *
     * @param error the parsed response
     * @param attempts the number of HTTP requests made
     */
    public BadRequestException(ApiError error, int attempts) {
        super(error, attempts);
    }
}
