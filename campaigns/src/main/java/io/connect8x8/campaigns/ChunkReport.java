package io.connect8x8.campaigns;

import java.util.List;
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
 * @param rejections the messages 8x8 rejected inside the accepted batch (in this run, or as the journal recorded them
 *     for a chunk finished by an earlier run or another worker), in the order of its answer
 */
public record ChunkReport(long sequence, String clientBatchId, int messages, ChunkOutcome outcome, int accepted,
                          int rejected, String detail, List<RejectedMessage> rejections) {

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
     * @param rejections the messages 8x8 rejected inside the batch; null for none
     * @throws NullPointerException when {@code clientBatchId} or {@code outcome} is null
     */
    public ChunkReport {
        Objects.requireNonNull(clientBatchId, "clientBatchId");
        Objects.requireNonNull(outcome, "outcome");
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    /**
     * Makes a chunk's report that lists no rejected message.
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
    public ChunkReport(long sequence, String clientBatchId, int messages, ChunkOutcome outcome, int accepted,
                       int rejected, String detail) {
        this(sequence, clientBatchId, messages, outcome, accepted, rejected, detail, List.of());
    }
}
