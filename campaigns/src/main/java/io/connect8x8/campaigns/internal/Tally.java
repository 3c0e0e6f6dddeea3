package io.connect8x8.campaigns.internal;

import io.connect8x8.campaigns.CampaignProgress;
import io.connect8x8.campaigns.CampaignReport;
import io.connect8x8.campaigns.ChunkReport;
import io.connect8x8.campaigns.RejectedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** The running counts of a campaign, updated by every worker, read by the progress reporter. */
final class Tally {

    final LongAdder read = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder ambiguous = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder elsewhere = new LongAdder();
    final LongAdder held = new LongAdder();
    /** Messages of chunks another worker held when the run reached them, until the run's end settles them. */
    final LongAdder deferred = new LongAdder();
    final LongAdder requests = new LongAdder();
    /** Each chunk's report, its rejections held apart in {@link #rejections}. */
    private final List<ChunkReport> chunks = new ArrayList<>();
    /**
     * The rejected messages of the lowest positions ({@link CampaignReport#MAX_REJECTIONS}), by position, each with its
     * chunk's sequence.
     */
    private final TreeMap<Long, Map.Entry<Long, RejectedMessage>> rejections = new TreeMap<>();
    /** The refused messages of the lowest positions, by position: refusals come from the cut and from the workers. */
    private final TreeMap<Long, String> invalid = new TreeMap<>();
    private final long startNanos = System.nanoTime();

    synchronized void add(ChunkReport chunk) {
        for (RejectedMessage rejection : chunk.rejections()) {
            rejections.put(rejection.position(), Map.entry(chunk.sequence(), rejection));
            if (rejections.size() > CampaignReport.MAX_REJECTIONS) {
                rejections.pollLastEntry();
            }
        }
        chunks.add(chunk.rejections().isEmpty() ? chunk : withRejections(chunk, List.of()));
    }

    synchronized void invalid(long position, String description) {
        invalid.put(position, description);
        if (invalid.size() > 100) {
            invalid.pollLastEntry();
        }
    }

    synchronized List<ChunkReport> chunks() {
        Map<Long, List<RejectedMessage>> kept = new HashMap<>();
        for (Map.Entry<Long, RejectedMessage> rejection : rejections.values()) {
            kept.computeIfAbsent(rejection.getKey(), sequence -> new ArrayList<>()).add(rejection.getValue());
        }
        List<ChunkReport> sorted = new ArrayList<>(chunks.size());
        for (ChunkReport chunk : chunks) {
            List<RejectedMessage> its = kept.get(chunk.sequence());
            sorted.add(its == null ? chunk : withRejections(chunk, its));
        }
        sorted.sort(Comparator.comparingLong(ChunkReport::sequence));
        return sorted;
    }

    private static ChunkReport withRejections(ChunkReport chunk, List<RejectedMessage> rejections) {
        return new ChunkReport(chunk.sequence(), chunk.clientBatchId(), chunk.messages(), chunk.outcome(),
                chunk.accepted(), chunk.rejected(), chunk.detail(), rejections);
    }

    synchronized List<String> invalidMessages() {
        return List.copyOf(invalid.values());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    CampaignProgress snapshot(String campaignId, long expected, boolean finished) {
        return new CampaignProgress(campaignId, read.sum(), expected, accepted.sum(), rejected.sum(), failed.sum(),
                ambiguous.sum(), skipped.sum() + elsewhere.sum() + deferred.sum(), requests.sum(), elapsed(), finished);
    }
}
