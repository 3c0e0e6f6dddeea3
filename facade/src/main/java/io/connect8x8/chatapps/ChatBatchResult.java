package io.connect8x8.chatapps;

import java.util.List;

/**
 * The API's answer for a chat-apps batch.
 *
 * @param batchId 8x8's id of the batch
 * @param clientBatchId the caller's id as echoed, or null
 * @param acceptedCount how many messages were queued
 * @param rejectedCount how many were rejected
 * @param messages each message's result, when asked for; otherwise empty
 */
public record ChatBatchResult(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                              List<ChatResult> messages) {

    /** Copies the list. */
    public ChatBatchResult {
        messages = List.copyOf(messages);
    }
}
