package io.connect8x8.campaigns.internal;

import io.connect8x8.campaigns.CampaignProgress;
import io.connect8x8.campaigns.ChunkReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    private final List<ChunkReport> chunks = new ArrayList<>();
    /** The refused messages of the lowest positions, by position: refusals come from the cut and from the workers. */
    private final TreeMap<Long, String> invalid = new TreeMap<>();
    private final long startNanos = System.nanoTime();

    synchronized void add(ChunkReport chunk) {
        chunks.add(chunk);
    }

    synchronized void invalid(long position, String description) {
        invalid.put(position, description);
        if (invalid.size() > 100) {
            invalid.pollLastEntry();
        }
    }

    synchronized List<ChunkReport> chunks() {
        List<ChunkReport> sorted = new ArrayList<>(chunks);
        sorted.sort(Comparator.comparingLong(ChunkReport::sequence));
        return sorted;
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
