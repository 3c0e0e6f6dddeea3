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

    /**
     * Makes a chunk's report; the batch id and the outcome are what a reader reconciles by, so both are required.
     *
     * @param sequence the chunk's position in the campaign, from 0
     * @param clientBatchId the batch id it was (or would have been) sent with
     * @param messages how many messages it holds
     * @param outcome what happened to it
     * @param accepted messages the API accepted
     * @param rejected messages the API rejected
     * @param detail 8x8's batch id, or what went wrong; may be null
     * @throws NullPointerException when {@code clientBatchId} or {@code outcome} is null
     */
    public ChunkReport {
        Objects.requireNonNull(clientBatchId, "clientBatchId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
