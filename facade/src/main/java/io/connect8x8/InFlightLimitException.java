package io.connect8x8;

/**
 * An async send refused at once because the client has {@link Connect8x8Client.Builder#maxAsyncInFlight(int)} calls
 * in flight (retry waits included) and the queue of {@link Connect8x8Client.Builder#maxAsyncQueued(int)}, if any, is
 * full. Nothing was sent: send again once earlier futures complete, or raise the bounds.
 */
public class InFlightLimitException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /** The in-flight limit that was reached. */
    private final int limit;
    /** The queue's capacity that was reached, 0 without a queue. */
    private final int queueCapacity;

    /**
     * Makes the failure.
     *
     * @param limit the client's {@code maxAsyncInFlight}
     * @param queueCapacity the client's {@code maxAsyncQueued}, 0 for none
     */
    public InFlightLimitException(int limit, int queueCapacity) {
        super("too many async calls in flight (limit " + limit + ")"
                + (queueCapacity == 0 ? "" : " and queued (limit " + queueCapacity + ")") + ": nothing was sent",
                null, 0);
        this.limit = limit;
        this.queueCapacity = queueCapacity;
    }

    /** {@return the client's {@code maxAsyncInFlight}, the bound that was reached} */
    public int limit() {
        return limit;
    }

    /** {@return the client's {@code maxAsyncQueued}, the queue's capacity that was reached: 0 without a queue} */
    public int queueCapacity() {
        return queueCapacity;
    }
}
