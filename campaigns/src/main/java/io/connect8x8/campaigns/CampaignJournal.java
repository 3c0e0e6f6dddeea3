package io.connect8x8.campaigns;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a campaign records, per chunk, the intent before a request leaves and the outcome after its answer, so that a
 * later run (after a crash, on another host, or on another worker) never sends a chunk twice.
 *
 * <p>Implementations are thread-safe and durable: once {@link #claim} returns {@link Claim.Verdict#SEND} the intent
 * survives a {@code kill -9}. {@link FileJournal} is the embedded default; {@code connect8x8-postgresql} shares one
 * journal between processes.
 */
public interface CampaignJournal extends AutoCloseable {

    /**
     * Decides atomically whether the caller sends the chunk. A new chunk, or one recorded {@link ChunkState#NOT_SENT},
     * is claimed ({@link ChunkState#CLAIMED}): the caller holds it but has written nothing yet, so a crash before
     * {@link #sending} leaves it not sent. A chunk left
     * {@link ChunkState#SENDING} by a run that is gone, or recorded {@link ChunkState#AMBIGUOUS}, is claimed only when
     * {@code resendAmbiguous} is true.
     *
     * @param intent the chunk
     * @param resendAmbiguous whether the caller opted in to resending chunks that may have been processed
     * @return the verdict, with the chunk's earlier record
     * @throws JournalException when the journal cannot be read or written, or holds a different chunk at this
     *     sequence (the input changed since the earlier run)
     */
    Claim claim(ChunkIntent intent, boolean resendAmbiguous);

    /**
     * Records the intent of a claimed chunk ({@link ChunkState#SENDING}) durably, when its request is about to be
     * written: after the rate-limit token, so that a run killed while waiting for it leaves the chunk not sent rather
     * than ambiguous.
     *
     * @param intent the chunk this caller claimed
     * @return true when the intent is recorded and the caller sends; false when the claim was lost meanwhile (a
     *     shared journal's lease expired and another worker took the chunk), and the caller must not send
     * @throws JournalException when the journal cannot be written
     */
    boolean sending(ChunkIntent intent);

    /**
     * When the chunk's intent was recorded (its request about to be written): the start of the window in which 8x8
     * may have received it, for reconciling an ambiguous chunk from 8x8's records.
     *
     * @param intent the chunk
     * @return the time of its last recorded intent, or empty when the journal has none or keeps no times
     */
    default Optional<Instant> sentAt(ChunkIntent intent) {
        return Optional.empty();
    }

    /**
     * When the chunk's intent was first recorded, over all its sends. A chunk can be sent more than once: whole
     * again after it provably was not sent, or in part, its absent messages, after a reconciliation; 8x8's records
     * then hold messages of each send, so a later reconciliation asks about the span from this time to
     * {@link #sentAt}'s.
     *
     * @param intent the chunk
     * @return the time of its first recorded intent; by default {@link #sentAt}'s, for a journal that keeps one time
     */
    default Optional<Instant> firstSentAt(ChunkIntent intent) {
        return sentAt(intent);
    }

    /**
     * Reads, without claiming it, what the journal records about a chunk now. A run asks at its end about each chunk
     * that another worker held when the run reached it ({@link Claim.Verdict#ELSEWHERE}), so that its report tells a
     * chunk finished by that worker ({@link ChunkOutcome#ELSEWHERE}) from one still held by a live claim and not
     * finished ({@link ChunkOutcome#HELD}).
     *
     * @param intent the chunk
     * @return its status; empty when the journal cannot tell (the default), which a run reports as held, not finished
     * @throws JournalException when the journal cannot be read
     */
    default Optional<ChunkStatus> status(ChunkIntent intent) {
        return Optional.empty();
    }

    /**
     * Records the outcome of a chunk this caller claimed, durably. {@link ChunkState#NOT_SENT} for a chunk whose
     * intent was never recorded releases the claim.
     *
     * @param intent the chunk
     * @param outcome its outcome (any state but {@link ChunkState#SENDING})
     * @throws JournalException when the journal cannot be written
     */
    void complete(ChunkIntent intent, ChunkRecord outcome);

    /**
     * Releases what the journal holds (files, locks, connections it owns).
     *
     * @throws JournalException when closing fails
     */
    @Override
    void close();
}
