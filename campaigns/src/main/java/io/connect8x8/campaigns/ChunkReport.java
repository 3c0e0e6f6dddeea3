package io.connect8x8.campaigns;

import java.util.Objects;

/**
 * One chunk's outcome in one run.
 *
 * @param sequence the chunk's position in the campaign, from 0
 * @param clientBatchId the batch id it was (or would have been) sent with
 * @param messages how many messages it holds
 * @param outcome what happened to it
 * @param accepted messages the API accepted (in this run, or as recorded for a skipped chunk)
 * @param rejected messages the API rejected
 * @param detail 8x8's batch id, or what went wrong; may be null
 */
public record ChunkReport(long sequence, String clientBatchId, int messages, ChunkOutcome outcome, int accepted,
                          int rejected, String detail) {

    /** Checks the values. */
    public ChunkReport {
        Objects.requireNonNull(clientBatchId, "clientBatchId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
