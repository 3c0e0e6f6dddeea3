package io.connect8x8;

/**
 * A success status with a body the client cannot use: not JSON (cut-off JSON included), too large, or missing a
 * required field. The request was most likely processed: do not resend blindly. (A body that stops short of its
 * Content-Length is a {@link TransportException}: the connection broke.)
 */
public class UnexpectedResponseException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The answer's HTTP status. */
    private final int httpStatus;
    /** The answer's body as received. */
    private final String rawBody;

    /**
     * Makes the exception for an answer the client cannot use.
     *
     * @param message what is wrong with the response
     * @param httpStatus the HTTP status
     * @param rawBody the body as received (possibly cut at the response size limit)
     * @param cause the parse failure, may be null
     * @param attempts the number of HTTP requests made
     */
    public UnexpectedResponseException(String message, int httpStatus, String rawBody, Throwable cause,
                                       int attempts) {
        super(message + " (HTTP " + httpStatus + ")", cause, attempts);
        this.httpStatus = httpStatus;
        this.rawBody = rawBody == null ? "" : rawBody;
    }

    /** {@return the HTTP status of the response} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return the body as received, possibly cut at the response size limit; never null} */
    public String rawBody() {
        return rawBody;
    }

    /** {@return {@link SendState#MAY_HAVE_BEEN_SENT}: a success status came back, but nothing confirms the send} */
    @Override
    public SendState sendState() {
        return SendState.MAY_HAVE_BEEN_SENT;
    }
}
