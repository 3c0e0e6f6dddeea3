package io.connect8x8;

import java.util.List;
import java.util.Objects;

/**
 * The API's answer for a batch: its counts and, when the batch asked for them, each message's result.
 *
 * @param <R> the result type of one message
 */
public abstract class BatchResult<R> {

    private final String batchId;
    private final String clientBatchId;
    private final int acceptedCount;
    private final int rejectedCount;
    private final List<R> messages;
    private final RawJson raw;

    /**
     * Makes a result with its own unmodifiable copy of the list.
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id as echoed, or null
     * @param acceptedCount how many messages were queued
     * @param rejectedCount how many were rejected
     * @param messages each message's result; empty when not asked for
     * @param raw the whole answer's JSON as received, or null for none
     * @throws NullPointerException when {@code messages}, or an element of it, is null
     */
    protected BatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                          List<R> messages, RawJson raw) {
        this.batchId = batchId;
        this.clientBatchId = clientBatchId;
        this.acceptedCount = acceptedCount;
        this.rejectedCount = rejectedCount;
        this.messages = List.copyOf(messages);
        this.raw = raw == null ? RawJson.EMPTY : raw;
    }

    /** {@return 8x8's id of the batch} */
    public String batchId() {
        return batchId;
    }

    /** {@return the caller's id as echoed, or null} */
    public String clientBatchId() {
        return clientBatchId;
    }

    /** {@return how many messages were queued} */
    public int acceptedCount() {
        return acceptedCount;
    }

    /** {@return how many messages were rejected} */
    public int rejectedCount() {
        return rejectedCount;
    }

    /** {@return each message's result when the batch asked for them, otherwise empty} */
    public List<R> messages() {
        return messages;
    }

    /** {@return the whole answer's JSON as received, {@link RawJson#EMPTY} for a result built by hand} */
    public RawJson raw() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchResult<?> r && r.getClass() == getClass() && Objects.equals(batchId, r.batchId)
                && Objects.equals(clientBatchId, r.clientBatchId) && acceptedCount == r.acceptedCount
                && rejectedCount == r.rejectedCount && messages.equals(r.messages) && raw.equals(r.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchId, clientBatchId, acceptedCount, rejectedCount, messages, raw);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[batchId=" + batchId + ", clientBatchId=" + clientBatchId
                + ", acceptedCount=" + acceptedCount + ", rejectedCount=" + rejectedCount + ", messages=" + messages
                + ']';
    }
}
