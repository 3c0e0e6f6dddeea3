package io.connect8x8.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one run of a campaign did. Counts are messages; {@link #chunks()} lists every chunk's outcome in order.
 *
 * @param campaignId the campaign
 * @param messages messages read from the input
 * @param accepted accepted by the API in this run
 * @param rejected rejected by the API in this run, or refused by validation before sending
 * @param failed not sent in this run (provably never reached the server): a re-run sends them
 * @param ambiguous may have been sent, answer lost: reconcile them by {@code clientMessageId}; not resent
 * @param skipped finished by an earlier run
 * @param elsewhere finished by another worker: held by it when this run reached the chunk, and answered (accepted
 *     or rejected) by the end of this run ({@link ChunkOutcome#ELSEWHERE})
 * @param held not finished: still held by another worker's live claim when this run ended, and not sent by this run
 *     ({@link ChunkOutcome#HELD}); a run after {@code heldUntil} takes them over or reconciles them
 * @param heldUntil the latest lease end among the held chunks, after which a run may take them over; null when none
 *     is held, or when the journal keeps no lease
 * @param requests batch requests made in this run, retries included
 * @param elapsed how long the run took
 * @param chunks each chunk's outcome, in sequence order
 * @param invalid messages refused by validation before sending, as {@code "#index field: reason"} (the first 100)
 */
public record CampaignReport(String campaignId, long messages, long accepted, long rejected, long failed,
                             long ambiguous, long skipped, long elsewhere, long held, Instant heldUntil,
                             long requests, Duration elapsed,
                             List<ChunkReport> chunks, List<String> invalid) {

    /**
     * The most rejected messages a report lists ({@link #rejections()}): a campaign whose every message is rejected
     * (a wrong template) must not hold a line per message in memory. Its counts stay whole, and the journal keeps every
     * chunk's full list.
     */
    public static final int MAX_REJECTIONS = 1000;

    /**
     * Makes a report with its own unmodifiable copies of the lists, so a report handed out cannot change under its
     * reader while the run that built it goes on.
     *
     * @param campaignId the campaign
     * @param messages messages read from the input
     * @param accepted accepted by the API in this run
     * @param rejected rejected by the API in this run, or refused by validation before sending
     * @param failed not sent in this run (provably never reached the server): a re-run sends them
     * @param ambiguous may have been sent, answer lost: reconcile them by {@code clientMessageId}; not resent
     * @param skipped finished by an earlier run
     * @param elsewhere finished by another worker during this run
     * @param held still held by another worker's live claim when this run ended, not finished
     * @param heldUntil the latest lease end among the held chunks; null when none is held or no lease is known
     * @param requests batch requests made in this run, retries included
     * @param elapsed how long the run took
     * @param chunks each chunk's outcome, in sequence order
     * @param invalid messages refused by validation before sending, as {@code "#index field: reason"} (the first
     *     100)
     * @throws NullPointerException when {@code campaignId}, {@code chunks} or {@code invalid} is null
     */
    public CampaignReport {
        Objects.requireNonNull(campaignId, "campaignId");
        chunks = List.copyOf(chunks);
        invalid = List.copyOf(invalid);
    }

    /**
     * Returns whether every message read was accepted, in this run or an earlier one. False while any chunk is
     * {@link #held() held} elsewhere, or was finished by another worker (whose counts this run does not add up), and
     * when a chunk an earlier run finished holds messages the API rejected (its {@link ChunkReport#rejected()}): a
     * resume skips that chunk, and this run's {@link #rejected()} does not count them.
     *
     * @return whether every message read was accepted, in this run or an earlier one
     */
    public boolean allAccepted() {
        return rejected == 0 && failed == 0 && ambiguous == 0 && elsewhere == 0 && held == 0
                && chunks.stream().allMatch(chunk -> chunk.rejected() == 0);
    }

    /**
     * Returns the messages 8x8 rejected inside batches it accepted, with their positions, ids, masked numbers and
     * reasons, in chunk order: those of this run, and those the journal recorded for chunks an earlier run or another
     * worker finished (a resume never sends them again: fix them and send them as a new campaign). Messages refused
     * before sending are in {@link #invalid()} instead.
     *
     * @return the rejected messages of every chunk, the {@link #MAX_REJECTIONS} of the lowest positions when there are
     *     more (each chunk's journal record keeps all of its own); empty when none was rejected, or the answers did
     *     not list them
     */
    public List<RejectedMessage> rejections() {
        List<RejectedMessage> all = new ArrayList<>();
        for (ChunkReport chunk : chunks) {
            all.addAll(chunk.rejections());
        }
        return all;
    }
}
