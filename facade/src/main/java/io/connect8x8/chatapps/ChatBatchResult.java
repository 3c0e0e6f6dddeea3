package io.connect8x8.chatapps;

import io.connect8x8.RawJson;
import java.util.List;

/**
 * The API's answer for a chat-apps batch.
 *
 * @param batchId 8x8's id of the batch
 * @param clientBatchId the caller's id as echoed, or null
 * @param acceptedCount how many messages were queued
 * @param rejectedCount how many were rejected
 * @param messages each message's result, when asked for; otherwise empty
 * @param raw the whole answer's JSON as received
 */
public record ChatBatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                              List<ChatResult> messages, RawJson raw) {

    /**
     * A result without raw JSON: for results built by hand (tests, fakes).
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id, or null
     * @param acceptedCount how many messages were queued
     * @param rejectedCount how many were rejected
     * @param messages each message's result
     */
    public ChatBatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
              List<ChatResult> messages) {
        this(batchId, clientBatchId, acceptedCount, rejectedCount, messages, RawJson.EMPTY);
    }

    /** Copies the list; {@link RawJson#EMPTY} stands for no JSON. */
    public ChatBatchResult {
        messages = List.copyOf(messages);
        raw = raw == null ? RawJson.EMPTY : raw;
    }
}
