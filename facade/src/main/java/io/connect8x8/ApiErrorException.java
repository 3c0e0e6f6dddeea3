package io.connect8x8;

import java.util.Optional;

/**
 * The API answered with an error status (400 or above). Carries the HTTP status and 8x8's error envelope
 * ({@code code}, {@code message}, {@code errorId}, {@code timestamp}) when the body had one, and always the raw body
 * (for an HTML page from a proxy, for instance).
 *
 * <p>Subclasses name the common statuses: {@link BadRequestException} (400), {@link AuthenticationException} (401),
 * {@link PermissionDeniedException} (403), {@link NotFoundException} (404), {@link RateLimitException} (429) and
 * {@link ServerErrorException} (5xx). Other statuses (413, 426, ...) are thrown as this class.
 */
public class ApiErrorException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    /**
     * Creates the exception for an error response.
     *
     * @param error the parsed response
     * @param attempts the number of HTTP requests made
     */
    public ApiErrorException(ApiError error, int attempts) {
        super(error.describe(), null, attempts);
        this.error = error;
    }

    /**
     * Creates the exception with a message of its own, for subclasses that add a hint.
     *
     * @param error the parsed response
     * @param message the message
     * @param attempts the number of HTTP requests made
     */
    protected ApiErrorException(ApiError error, String message, int attempts) {
        super(message, null, attempts);
        this.error = error;
    }

    /**
     * Returns the HTTP status, 400 or above.
     *
     * @return the HTTP status, 400 or above
     */
    public int httpStatus() {
        return error.httpStatus();
    }

    /**
     * Returns 8x8's error code from the body (for example 1002), if the body had one.
     *
     * @return 8x8's error code from the body (for example 1002), if the body had one
     */
    public Optional<Integer> code() {
        return Optional.ofNullable(error.code());
    }

    /**
     * Returns 8x8's error code as a value to compare with the constants of {@link ErrorCode}, if the body had one;
     * a code the table does not know still gives a value, with its number.
     *
     * @return 8x8's error code, if the body had one
     */
    public Optional<ErrorCode> errorCode() {
        return code().map(ErrorCode::of);
    }

    /**
     * Returns 8x8's error message from the body, if the body had one.
     *
     * @return 8x8's error message from the body, if the body had one
     */
    public Optional<String> apiMessage() {
        return Optional.ofNullable(error.message());
    }

    /**
     * Returns 8x8's errorId, to quote to 8x8 support, if the body had one.
     *
     * @return 8x8's errorId, to quote to 8x8 support, if the body had one
     */
    public Optional<String> errorId() {
        return Optional.ofNullable(error.errorId());
    }

    /**
     * Returns the error's timestamp as the API wrote it, if the body had one.
     *
     * @return the error's timestamp as the API wrote it, if the body had one
     */
    public Optional<String> timestamp() {
        return Optional.ofNullable(error.timestamp());
    }

    /**
     * Returns the response body as received (possibly truncated to the client's response size limit).
     *
     * @return the response body as received (possibly truncated to the client's response size limit)
     */
    public String rawBody() {
        return error.rawBody();
    }

    /**
     * Whether the message was sent, from the status: 429 and 503 say the API did not take the request
     * ({@link SendState#NOT_SENT}); any other 5xx may follow processing ({@link SendState#MAY_HAVE_BEEN_SENT}); every
     * other status is a refusal ({@link SendState#REJECTED}).
     *
     * @return the answer to "was it sent?"
     */
    @Override
    public SendState sendState() {
        int status = httpStatus();
        if (status == 429 || status == 503) {
            return SendState.NOT_SENT;
        }
        return status >= 500 ? SendState.MAY_HAVE_BEEN_SENT : SendState.REJECTED;
    }

    /**
     * Returns the whole parsed error.
     *
     * @return the whole parsed error
     */
    public ApiError error() {
        return error;
    }
}
