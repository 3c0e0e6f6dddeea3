package io.connect8x8;

/**
 * A send on a client after {@link Connect8x8Client#close()}: refused before anything was prepared or sent, so
 * {@link #sendState()} is {@link SendState#NOT_SENT}. Send through an open client, or derive one with
 * {@link Connect8x8Client#newBuilder()} before closing.
 */
public class ClientClosedException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     */
    public ClientClosedException() {
        super("the client is closed: nothing was sent", null, 0);
    }

    /**
     * Nothing was sent.
     *
     * @return {@link SendState#NOT_SENT}
     */
    @Override
    public SendState sendState() {
        return SendState.NOT_SENT;
    }
}
