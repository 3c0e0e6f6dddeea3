package io.connect8x8.chatapps;

import io.connect8x8.BatchResult;
import io.connect8x8.RawJson;
import java.util.List;

/** The Messaging Apps API's answer for a batch. */
public final class ChatBatchResult extends BatchResult<ChatResult> {

    /**
     * Makes a result from the batch's parts; see {@link BatchResult}.
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id as echoed, or null
     * @param acceptedCount how many messages were queued
     * @param rejectedCount how many were rejected
     * @param messages each message's result; empty when not asked for
     * @param raw the whole answer's JSON as received, or null for none
     */
    public ChatBatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                           List<ChatResult> messages, RawJson raw) {
        super(batchId, clientBatchId, acceptedCount, rejectedCount, messages, raw);
    }
}
