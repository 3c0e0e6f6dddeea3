package io.connect8x8;

import java.util.List;

/**
 * The API's answer for a batch: its counts and, when the batch asked for them, each message's result.
 *
 * @param batchId 8x8's id of the batch
 * @param clientBatchId the caller's id as echoed, or null
 * @param acceptedCount how many messages were queued
 * @param rejectedCount how many were rejected
 * @param messages each message's result when the batch asked for them, otherwise empty
 * @param raw the whole answer's JSON as received, {@link RawJson#EMPTY} for a result built by hand
 * @param <R> the result type of one message: {@link io.connect8x8.sms.SmsResult} or
 *     {@link io.connect8x8.chatapps.ChatResult}
 */
public record BatchResult<R>(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                             List<R> messages, RawJson raw) {

    /**
     * Makes a result, as read from an answer or built by hand (tests, fakes), with its own unmodifiable copy of the
     * list.
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id as echoed, or null
     * @param acceptedCount how many messages were queued
     * @param rejectedCount how many were rejected
     * @param messages each message's result; empty when not asked for
     * @param raw the whole answer's JSON as received, or null for none
     * @throws NullPointerException when {@code messages}, or an element of it, is null
     */
    public BatchResult {
        messages = List.copyOf(messages);
        raw = raw == null ? RawJson.EMPTY : raw;
    }

    /** The counts and the messages; not the raw answer. */
    @Override
    public String toString() {
        return "BatchResult[batchId=" + batchId + ", clientBatchId=" + clientBatchId + ", acceptedCount="
                + acceptedCount + ", rejectedCount=" + rejectedCount + ", messages=" + messages + ']';
    }
}
