package io.connect8x8;

/**
 * An async send refused at once because the client has {@link Connect8x8Client.Builder#maxAsyncInFlight(int)} calls
 * in flight (retry waits included). Nothing was sent: send again once earlier futures complete, or raise the bound.
 */
public class InFlightLimitException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The in-flight limit that was reached. */
    private final int limit;

    /**
     * @param limit the bound that was reached
     */
    public InFlightLimitException(int limit) {
        this(limit, "too many async calls in flight (limit " + limit + "): nothing was sent");
    }

    /**
     * For {@link AsyncQueueFullException}.
     *
     * @param limit the bound that was reached
     * @param message what was refused
     */
    protected InFlightLimitException(int limit, String message) {
        super(message, null, 0);
        this.limit = limit;
    }

    /**
     * @return the client's {@code maxAsyncInFlight}, the bound that was reached
     */
    public int limit() {
        return limit;
    }
}
