package io.connect8x8;

/**
 * No usable response: the connection failed, was reset, or timed out. {@link #mayHaveReachedServer()} tells whether
 * the request could have been processed: when true, the message may have been sent, and a blind retry could send it
 * twice; reconcile through its {@code clientMessageId} and the delivery receipts.
 */
public class TransportException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** Whether any byte of the request may have reached the server: false only when it provably did not. */
    private final boolean mayHaveReachedServer;

    /**
     * Creates the exception.
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
     * Whether the request may have reached the server: false only when it provably did not (connection refused,
     * DNS failure, connect timeout).
     *
     * @return whether the message may have been sent
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }

    /**
     * Whether the message was sent: {@link SendState#MAY_HAVE_BEEN_SENT} when the request may have reached the
     * server, {@link SendState#NOT_SENT} when it provably did not.
     *
     * @return the answer to "was it sent?"
     */
    @Override
    public SendState sendState() {
        return mayHaveReachedServer ? SendState.MAY_HAVE_BEEN_SENT : SendState.NOT_SENT;
    }
}
