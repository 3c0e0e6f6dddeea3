package io.connect8x8.sms;

import io.connect8x8.RawJson;
import java.util.List;

/**
 * The API's answer for an SMS batch.
 *
 * @param batchId 8x8's id of the batch
 * @param clientBatchId the caller's id as echoed, or null
 * @param acceptedCount how many messages were queued
 * @param rejectedCount how many were rejected
 * @param messages each message's result, when the batch asked for them; otherwise empty
 * @param raw the whole answer's JSON as received
 */
public record SmsBatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                             List<SmsResult> messages, RawJson raw) {

    /**
     * A result without raw JSON: for results built by hand (tests, fakes).
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id, or null
     * @param acceptedCount how many messages were queued
     * @param rejectedCount how many were rejected
     * @param messages each message's result
     */
    public SmsBatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
              List<SmsResult> messages) {
        this(batchId, clientBatchId, acceptedCount, rejectedCount, messages, RawJson.EMPTY);
    }

    /**
     * Makes a result with its own unmodifiable copy of the list; a null {@code raw} becomes {@link RawJson#EMPTY},
     * so readers never check for null.
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id as echoed, or null
     * @param acceptedCount how many messages were queued
     * @param rejectedCount how many were rejected
     * @param messages each message's result; empty when the batch did not ask for them
     * @param raw the whole answer's JSON as received, or null for none
     * @throws NullPointerException when {@code messages}, or an element of it, is null
     */
    public SmsBatchResult {
        messages = List.copyOf(messages);
        raw = raw == null ? RawJson.EMPTY : raw;
    }
}
