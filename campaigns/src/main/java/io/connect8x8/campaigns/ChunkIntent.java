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

    /** Checks the values. */
    public ChunkIntent {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(clientBatchId, "clientBatchId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (sequence < 0 || messages < 1) {
            throw new IllegalArgumentException("sequence must be >= 0 and messages >= 1");
        }
    }
}
