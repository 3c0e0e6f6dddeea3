package io.connect8x8.campaigns;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A journal held in memory only: within one run a chunk is still sent once, but nothing survives the process, so a
 * second run cannot resume. For one-off sends and tests; use {@link FileJournal} for anything worth resuming.
 */
public final class MemoryJournal implements CampaignJournal {

    private final Map<String, ChunkRecord> chunks = new HashMap<>();

    /** Creates an empty journal. */
    public MemoryJournal() {
    }

    @Override
    public synchronized Claim claim(ChunkIntent intent, boolean resendAmbiguous) {
        String key = intent.campaignId() + ' ' + intent.sequence();
        ChunkRecord previous = chunks.get(key);
        if (previous != null) {
            Claim refusal = ClaimRules.refusal(previous, previous.state() == ChunkState.SENDING
                    || previous.state() == ChunkState.CLAIMED, resendAmbiguous);
            if (refusal != null) {
                return refusal;
            }
        }
        chunks.put(key, new ChunkRecord(ChunkState.CLAIMED, 0, 0, null));
        return new Claim(Claim.Verdict.SEND, previous);
    }

    @Override
    public synchronized boolean sending(ChunkIntent intent) {
        chunks.put(intent.campaignId() + ' ' + intent.sequence(), new ChunkRecord(ChunkState.SENDING, 0, 0, null));
        return true;
    }

    @Override
    public synchronized void complete(ChunkIntent intent, ChunkRecord outcome) {
        chunks.put(intent.campaignId() + ' ' + intent.sequence(), outcome);
    }

    /** A chunk claimed or being sent is held (no lease: the run that claimed it finishes or releases it). */
    @Override
    public synchronized Optional<ChunkStatus> status(ChunkIntent intent) {
        ChunkRecord record = chunks.get(intent.campaignId() + ' ' + intent.sequence());
        return record == null ? Optional.empty() : Optional.of(new ChunkStatus(record,
                record.state() == ChunkState.CLAIMED || record.state() == ChunkState.SENDING, null));
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
