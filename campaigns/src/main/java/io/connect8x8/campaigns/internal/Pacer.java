package io.connect8x8.campaigns.internal;

import io.connect8x8.Sleeper;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces every worker of a campaign: one token of the bucket per request, and after a 429 every worker waits out the
 * server's {@code Retry-After} before its next request (not only the worker that got it).
 */
public final class Pacer {

    private final Bucket bucket;
    private final Sleeper sleeper;
    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());

    /**
     * Makes a pacer over a bucket; every worker of one campaign shares it, so a 429 slows all of them.
     *
     * @param bucket the token bucket, local or shared between processes
     * @param sleeper how to wait out a 429
     */
    public Pacer(Bucket bucket, Sleeper sleeper) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Waits until a request may leave.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void acquire() throws InterruptedException {
        long wait = pausedUntilNanos.get() - System.nanoTime();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
        // The bucket's waits go through the sleeper too: one way to wait, and tests see a worker waiting for a token.
        bucket.asBlocking().consume(1, nanos -> sleeper.sleep(Duration.ofNanos(nanos)));
    }

    /**
     * Takes a token for a retry the transport is about to make, without waiting out a pause: the transport's own
     * wait (the 429's Retry-After, or its backoff) follows. Interruption is kept for the transport's wait to see.
     */
    public void token() {
        try {
            bucket.asBlocking().consume(1, nanos -> sleeper.sleep(Duration.ofNanos(nanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Holds every worker back for the given time.
     *
     * @param pause the server's Retry-After
     */
    public void pause(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        pausedUntilNanos.accumulateAndGet(until, Math::max);
    }
}
