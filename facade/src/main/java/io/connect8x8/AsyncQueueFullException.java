package io.connect8x8;

/**
 * An asynchronous send refused at once because the client has {@link Connect8x8Client.Builder#maxAsyncInFlight(int)}
 * calls in flight and its queue, {@link Connect8x8Client.Builder#maxAsyncQueued(int)} calls long, is full as well.
 * Nothing was sent ({@link SendState#NOT_SENT}). A subclass of {@link InFlightLimitException}, so code written for
 * the fail-fast default handles it too.
 */
public class AsyncQueueFullException extends InFlightLimitException {

    private static final long serialVersionUID = 1L;

    /** The client's {@code maxAsyncQueued}, the queue's length that was reached. */
    private final int queueCapacity;

    /**
     * Creates the failure.
     *
     * @param limit the client's {@code maxAsyncInFlight}
     * @param queueCapacity the client's {@code maxAsyncQueued}
     */
    public AsyncQueueFullException(int limit, int queueCapacity) {
        super(limit, "too many async calls in flight (limit " + limit + ") and queued (limit " + queueCapacity
                + "): nothing was sent");
        this.queueCapacity = queueCapacity;
    }

    /**
     * The queue's capacity that was reached.
     *
     * @return the client's {@code maxAsyncQueued}
     */
    public int queueCapacity() {
        return queueCapacity;
    }
}
