package io.connect8x8;

/**
 * An async send refused at once because {@link Connect8x8Client.Builder#maxAsyncInFlight(int)} calls are in flight
 * and the queue of {@link Connect8x8Client.Builder#maxAsyncQueued(int)} is full. Nothing was sent.
 */
public class AsyncQueueFullException extends InFlightLimitException {

    private static final long serialVersionUID = 1L;

    /** The queue's capacity. */
    private final int queueCapacity;

    /**
     * @param limit the client's {@code maxAsyncInFlight}
     * @param queueCapacity the client's {@code maxAsyncQueued}
     */
    public AsyncQueueFullException(int limit, int queueCapacity) {
        super(limit, "too many async calls in flight (limit " + limit + ") and queued (limit " + queueCapacity
                + "): nothing was sent");
        this.queueCapacity = queueCapacity;
    }

    /**
     * @return the client's {@code maxAsyncQueued}, the queue's capacity that was reached
     */
    public int queueCapacity() {
        return queueCapacity;
    }
}
