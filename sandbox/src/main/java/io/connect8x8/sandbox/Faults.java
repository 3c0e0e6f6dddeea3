package io.connect8x8.sandbox;

import io.connect8x8.sandbox.internal.FaultState;
import java.time.Duration;
import java.util.Objects;

/**
 * The fault switches of a running {@link Sandbox}, settable at any time from any thread (and over HTTP with
 * {@code POST /__admin/faults}). Shares are drawn from a seeded {@link java.util.SplittableRandom}, so the same seed and the
 * same requests give the same faults. Faults apply to the two APIs, never to the admin endpoints, and come before
 * authentication, as an outage in front of the live API would. All switches are off until set;
 * {@link Sandbox#reset()} turns them off again.
 */
public final class Faults {

    private final FaultState state;

    Faults(FaultState state) {
        this.state = state;
    }

    /**
     * Delays every API response.
     *
     * @param latency the added latency, not negative; default zero
     * @return this
     */
    public Faults latency(Duration latency) {
        state.latency(Objects.requireNonNull(latency, "latency"));
        return this;
    }

    /**
     * Answers a share of requests with 500 and code 2000.
     *
     * @param share 0 to 1; default 0
     * @return this
     */
    public Faults serverErrors(double share) {
        state.serverErrorRate(share);
        return this;
    }

    /**
     * Answers a share of requests with 503 and code 2000.
     *
     * @param share 0 to 1; default 0
     * @return this
     */
    public Faults unavailable(double share) {
        state.unavailableRate(share);
        return this;
    }

    /**
     * Answers the next {@code count} requests with 429, code 429 and {@code Retry-After}.
     *
     * @param count how many requests, at least 0
     * @param retryAfterSeconds the Retry-After value, at least 1
     * @return this
     */
    public Faults tooManyRequests(int count, int retryAfterSeconds) {
        state.tooManyRequests(count, retryAfterSeconds);
        return this;
    }

    /**
     * Closes the connection of a share of requests without any response: the client sees an unexpected end of
     * stream (an EOF; the JDK server offers no way to send a TCP RST).
     *
     * @param share 0 to 1; default 0
     * @return this
     */
    public Faults connectionResets(double share) {
        state.resetRate(share);
        return this;
    }

    /**
     * Handles a share of requests normally (the message is recorded) but answers 200 with the JSON body cut in half.
     *
     * @param share 0 to 1; default 0
     * @return this
     */
    public Faults malformedBodies(double share) {
        state.malformedRate(share);
        return this;
    }

    /**
     * Sets the seed of the draw and restarts its sequence.
     *
     * @param seed the seed; default {@value FaultState#DEFAULT_SEED}
     * @return this
     */
    public Faults seed(long seed) {
        state.seed(seed);
        return this;
    }

    /**
     * Turns every switch off.
     *
     * @return this
     */
    public Faults clear() {
        state.clear();
        return this;
    }
}
