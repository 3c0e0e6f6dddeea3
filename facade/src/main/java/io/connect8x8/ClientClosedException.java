package io.connect8x8;

/** A send on a client after {@link Connect8x8Client#close()}: refused before anything was prepared or sent. */
public class ClientClosedException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public ClientClosedException() {
        super("the client is closed: nothing was sent", null, 0);
    }
}
