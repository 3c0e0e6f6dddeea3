package io.connect8x8.campaigns;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running campaign, handed to a {@link ProgressListener}. Counts are messages unless named otherwise.
 *
 * @param campaignId the campaign
 * @param read messages read from the input so far
 * @param expected messages the caller said to expect, or -1 when unknown
 * @param accepted accepted by the API in this run
 * @param rejected rejected by the API (or refused by validation before sending) in this run
 * @param failed not sent in this run (provably never reached the server)
 * @param ambiguous may have been sent, answer lost: reported, not resent
 * @param skipped finished by an earlier run, or held by another worker
 * @param requests batch requests made in this run
 * @param elapsed time since the run started
 * @param finished whether this is the last snapshot of the run (the report follows)
 */
public record CampaignProgress(String campaignId, long read, long expected, long accepted, long rejected, long failed,
                               long ambiguous, long skipped, long requests, Duration elapsed,
                               boolean finished) {

    /**
     * Returns messages with an outcome in this run (skipped ones included).
     *
     * @return messages with an outcome in this run (skipped ones included)
     */
    public long done() {
        return accepted + rejected + failed + ambiguous + skipped;
    }

    /**
     * Returns messages sent per second in this run, over the whole run so far.
     *
     * @return messages sent per second in this run, over the whole run so far
     */
    public double messagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (accepted + rejected + failed + ambiguous) / seconds;
    }

    /**
     * Returns the time left at the current rate, when the expected total is known and the rate is measurable.
     *
     * @return the time left at the current rate, when the expected total is known and the rate is measurable
     */
    public Optional<Duration> eta() {
        double rate = (done() / Math.max(1e-9, elapsed.toNanos() / 1e9));
        if (expected < 0 || done() == 0 || rate <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, expected - done());
        return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }
}
