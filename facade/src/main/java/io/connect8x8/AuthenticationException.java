package io.connect8x8;

/** The API key was missing or not accepted (HTTP 401, code 1200). */
public class AuthenticationException extends ApiErrorException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception for a 401 answer.
     *
     * @param error the parsed response
     * @param attempts the number of HTTP requests made
     */
    public AuthenticationException(ApiError error, int attempts) {
        super(error, attempts);
    }
}
