package io.connect8x8.sms;

import java.util.List;

/**
 * The API's answer for an SMS batch.
 *
 * @param batchId 8x8's id of the batch
 * @param clientBatchId the caller's id as echoed, or null
 * @param acceptedCount how many messages were queued
 * @param rejectedCount how many were rejected
 * @param messages each message's result, when the batch asked for them; otherwise empty
 */
public record SmsBatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                             List<SmsResult> messages) {

    /** Copies the list. */
    public SmsBatchResult {
        messages = List.copyOf(messages);
    }
}
