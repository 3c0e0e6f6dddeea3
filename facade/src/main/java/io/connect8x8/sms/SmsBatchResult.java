package io.connect8x8.sms;

import io.connect8x8.BatchResult;
import io.connect8x8.RawJson;
import java.util.List;

/** The SMS API's answer for a batch. */
public final class SmsBatchResult extends BatchResult<SmsResult> {

    /**
     * Makes a result, as read from an answer or built by hand (tests, fakes).
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id as echoed, or null
     * @param acceptedCount how many messages were queued
     * @param rejectedCount how many were rejected
     * @param messages each message's result; empty when the batch did not ask for them
     * @param raw the whole answer's JSON as received, or null for none
     */
    public SmsBatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                          List<SmsResult> messages, RawJson raw) {
        super(batchId, clientBatchId, acceptedCount, rejectedCount, messages, raw);
    }
}
