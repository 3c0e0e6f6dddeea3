package io.connect8x8.campaigns;

import java.util.Objects;

/**
 * A chunk about to be sent, as a journal records it before the request leaves.
 *
 * @param campaignId the campaign
 * @param sequence the chunk's position in the campaign, from 0; the same input always gives the same chunks
 * @param clientBatchId the batch id sent with the chunk (campaign id and sequence)
 * @param messages how many messages the chunk holds
 * @param fingerprint a digest of the chunk's messages, so a resume over changed input is refused
 */
public record ChunkIntent(String campaignId, long sequence, String clientBatchId, int messages, String fingerprint) {

    /**
     * Makes an intent, refusing one a journal could not record faithfully: a chunk without its ids, or an empty
     * one.
     *
     * @param campaignId the campaign
     * @param sequence the chunk's position in the campaign, from 0
     * @param clientBatchId the batch id sent with the chunk
     * @param messages how many messages the chunk holds, at least 1
     * @param fingerprint a digest of the chunk's messages
     * @throws NullPointerException when {@code campaignId}, {@code clientBatchId} or {@code fingerprint} is null
     * @throws IllegalArgumentException when {@code sequence} is negative or {@code messages} below 1
     */
    public ChunkIntent {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(clientBatchId, "clientBatchId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (sequence < 0 || messages < 1) {
            throw new IllegalArgumentException("sequence must be >= 0 and messages >= 1");
        }
    }
}
