package io.connect8x8;

/**
 * The root of every exception connect8x8 throws; unchecked. A message never contains the API key.
 */
public class Connect8x8Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many requests the call made. */
    private final int attempts;

    /**
     * Makes the exception.
     *
     * @param message what went wrong, without secrets
     * @param cause the underlying cause, may be null
     * @param attempts the number of HTTP requests made
     */
    protected Connect8x8Exception(String message, Throwable cause, int attempts) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** {@return the number of HTTP requests the call made before failing: 0 when it failed before any network I/O} */
    public int attempts() {
        return attempts;
    }

    /**
     * {@return the answer to "was the message sent?"}: {@link SendState#NOT_SENT} here, for failures before any
     * request; every exception thrown after a request was attempted answers for itself.
     */
    public SendState sendState() {
        return SendState.NOT_SENT;
    }

    /**
     * {@return whether an earlier attempt of the call may have been processed} The transport keeps that attempt's
     * failure as a suppressed exception of the one thrown, whose {@link #sendState()} then says so.
     */
    protected final boolean earlierAttemptMayHaveBeenSent() {
        for (Throwable earlier : getSuppressed()) {
            if (earlier instanceof Connect8x8Exception c && c.sendState() == SendState.MAY_HAVE_BEEN_SENT) {
                return true;
            }
        }
        return false;
    }
}
