package io.connect8x8;

/** The API did not find the resource (HTTP 404), usually a wrong base URL or sub-account id. */
public class NotFoundException extends ApiErrorException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception for a 404 answer.
     *
     * @param error the parsed response
     * @param attempts the number of HTTP requests made
     */
    public NotFoundException(ApiError error, int attempts) {
        super(error, attempts);
    }
}
