package io.connect8x8;

/**
 * An asynchronous send refused at once because the client already has as many async calls in flight as
 * {@link Connect8x8Client.Builder#maxAsyncInFlight(int)} allows (retry waits included). Nothing was sent, so
 * {@link #sendState()} is {@link SendState#NOT_SENT}: send again once earlier futures complete, or raise the bound.
 */
public class InFlightLimitException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The client's {@code maxAsyncInFlight}, the bound that was reached. */
    private final int limit;

    /**
     * Creates the failure.
     *
     * @param limit the bound that was reached
     */
    public InFlightLimitException(int limit) {
        this(limit, "too many async calls in flight (limit " + limit + "): nothing was sent");
    }

    /**
     * Creates the failure with a message of its own, for {@link AsyncQueueFullException}.
     *
     * @param limit the bound that was reached
     * @param message what was refused
     */
    protected InFlightLimitException(int limit, String message) {
        super(message, null, 0);
        this.limit = limit;
    }

    /**
     * The bound that was reached.
     *
     * @return the client's {@code maxAsyncInFlight}
     */
    public int limit() {
        return limit;
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
