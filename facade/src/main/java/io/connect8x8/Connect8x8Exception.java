package io.connect8x8;

/**
 * The root of every exception connect8x8 throws. Unchecked, so callers catch what they can handle and let the rest
 * propagate.
 *
 * <p>A message never contains the API key. {@link #attempts()} tells how many HTTP requests the call made before it
 * failed (0 when it failed before any network I/O).
 */
public class Connect8x8Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP requests the call made before it failed, 0 when it failed before any network I/O. */
    private final int attempts;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, without secrets
     * @param cause the underlying cause, may be null
     * @param attempts the number of HTTP requests made
     */
    protected Connect8x8Exception(String message, Throwable cause, int attempts) {
        super(message, cause);
        this.attempts = attempts;
    }

    /**
     * The number of HTTP requests this call made before failing: 0 when it failed before any network I/O.
     *
     * @return the attempt count
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Whether the message was sent: {@link SendState#NOT_SENT} here, for failures that involve no request to the
     * API; every exception thrown after a request was attempted answers for itself.
     *
     * @return the answer to "was it sent?"
     */
    public SendState sendState() {
        return SendState.NOT_SENT;
    }
}
