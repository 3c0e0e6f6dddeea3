package io.connect8x8;

/**
 * The API answered with a success status but a body the client cannot use: not JSON (a complete body holding cut-off
 * JSON included), too large, or missing a required field. A body that stops short of its Content-Length is a
 * {@link TransportException} instead: the connection broke. The request was most likely processed: do not resend blindly.
 */
public class UnexpectedResponseException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The success status the unusable body came with. */
    private final int httpStatus;
    /** The body as received, possibly cut at the response size limit; never null. */
    private final String rawBody;

    /**
     * Creates the exception.
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

    /**
     * Returns the HTTP status of the response.
     *
     * @return the HTTP status of the response
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Returns the body as received, possibly cut at the response size limit.
     *
     * @return the body as received, possibly cut at the response size limit
     */
    public String rawBody() {
        return rawBody;
    }

    /**
     * Whether the message was sent: a success status came back, so the request was most likely processed, but
     * nothing in the answer confirms it: {@link SendState#MAY_HAVE_BEEN_SENT}.
     *
     * @return the answer to "was it sent?"
     */
    @Override
    public SendState sendState() {
        return SendState.MAY_HAVE_BEEN_SENT;
    }
}
