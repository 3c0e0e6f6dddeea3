package io.connect8x8;

import java.util.Optional;

/**
 * The API answered with an error status (400 or above): the status, 8x8's error envelope when the body had one, and
 * always the raw body (an HTML page from a proxy, say). Subclasses name the common statuses; others (413, 426, ...)
 * are thrown as this class.
 */
public class ApiErrorException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    /**
     * Makes the failure, its message {@link ApiError#describe()}.
     *
     * @param error the parsed response
     * @param attempts the number of HTTP requests made
     */
    public ApiErrorException(ApiError error, int attempts) {
        this(error, error.describe(), attempts);
    }

    /**
     * For subclasses that add a hint to the message.
     *
     * @param error the parsed response
     * @param message the message
     * @param attempts the number of HTTP requests made
     */
    protected ApiErrorException(ApiError error, String message, int attempts) {
        super(message, null, attempts);
        this.error = error;
    }

    /** {@return the HTTP status, 400 or above} */
    public int httpStatus() {
        return error.httpStatus();
    }

    /**
     * {@return 8x8's error code as a value to compare with {@link ErrorCode}'s constants, if the body had one} Its
     * number is {@code errorCode().map(ErrorCode::code)}, or {@code error().code()}.
     */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(error.code()).map(ErrorCode::of);
    }

    /** {@return the response body as received (possibly cut at the client's response size limit)} */
    public String rawBody() {
        return error.rawBody();
    }

    /** {@return the whole parsed error: 8x8's message, its errorId to quote to 8x8 support, its timestamp} */
    public ApiError error() {
        return error;
    }

    /**
     * Whether the message was sent, from the status: 429 and 503 say the API did not take the request; any other
     * 5xx may follow processing; every other status is a refusal. After an earlier attempt that may have been
     * processed (a 5xx retried under {@link RetryPolicy#retryAmbiguousFailures()}), the call may have sent it.
     *
     * @return {@link SendState#NOT_SENT}, {@link SendState#MAY_HAVE_BEEN_SENT} or {@link SendState#REJECTED}
     */
    @Override
    public SendState sendState() {
        int status = httpStatus();
        if (earlierAttemptMayHaveBeenSent()) {
            return SendState.MAY_HAVE_BEEN_SENT;
        }
        if (status == 429 || status == 503) {
            return SendState.NOT_SENT;
        }
        return status >= 500 ? SendState.MAY_HAVE_BEEN_SENT : SendState.REJECTED;
    }
}
