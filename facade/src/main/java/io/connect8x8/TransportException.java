package io.connect8x8;

/**
 * No usable response: the connection failed, was reset, or timed out. When {@link #mayHaveReachedServer()}, a blind
 * retry could send the message twice: reconcile through its {@code clientMessageId} and the delivery receipts.
 */
public class TransportException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** Whether the request may have reached 8x8. */
    private final boolean mayHaveReachedServer;

    /**
     * Makes the exception for a failed exchange.
     *
     * @param message what failed
     * @param cause the I/O failure
     * @param mayHaveReachedServer whether any byte of the request was sent
     * @param attempts the number of HTTP requests made
     */
    public TransportException(String message, Throwable cause, boolean mayHaveReachedServer, int attempts) {
        super(message, cause, attempts);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    /**
     * {@return false only when the request provably did not reach the server (connection refused, DNS failure,
     * connect timeout)}
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }

    /**
     * {@return {@link SendState#MAY_HAVE_BEEN_SENT} when the request, or an earlier attempt's, may have reached the
     * server, else NOT_SENT}
     */
    @Override
    public SendState sendState() {
        return mayHaveReachedServer || earlierAttemptMayHaveBeenSent() ? SendState.MAY_HAVE_BEEN_SENT
                : SendState.NOT_SENT;
    }
}
