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

    /**
     * Makes a result with its own unmodifiable copy of the list; a null {@code raw} becomes {@link RawJson#EMPTY},
     * so readers never check for null.
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id as echoed, or null
     * @param acceptedCount how many messages were queued
     * @param rejectedCount how many were rejected
     * @param messages each message's result; empty when not asked for
     * @param raw the whole answer's JSON as received, or null for none
     * @throws NullPointerException when {@code messages}, or an element of it, is null
     */
    public ChatBatchResult {
        messages = List.copyOf(messages);
        raw = raw == null ? RawJson.EMPTY : raw;
    }
}
