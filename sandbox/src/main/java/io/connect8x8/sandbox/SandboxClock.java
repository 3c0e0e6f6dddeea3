package io.connect8x8.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that tests move by hand, for {@link Sandbox.Builder#clock(Clock)}: a {@code scheduled} message is held
 * until this clock reaches its time, and moving the clock past it delivers the message and its receipts before
 * {@link #advance} returns (no waiting, no sleeps); a channel fallback's next leg waits for its
 * {@code fallbackAfter} the same way. Verification codes and log export windows read it too.
 *
 * <pre>{@code
 * SandboxClock clock = SandboxClock.at(Instant.parse("2026-12-01T09:00:00Z"));
 * Sandbox sandbox = Sandbox.builder().clock(clock).build().start();
 * // send an SMS with "scheduled": "2026-12-01T10:00:00Z": its state is "scheduled"
 * clock.advance(Duration.ofHours(1));   // now "delivered", its receipt recorded
 * }</pre>
 *
 * <p>Thread-safe. Always UTC.
 */
public final class SandboxClock extends Clock {

    private volatile Instant now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private SandboxClock(Instant start) {
        this.now = start;
    }

    /**
     * A clock standing at an instant.
     *
     * @param start the time it shows until moved
     * @return the clock
     */
    public static SandboxClock at(Instant start) {
        return new SandboxClock(Objects.requireNonNull(start, "start"));
    }

    /**
     * Moves the clock forward and lets every simulator using it act on the new time (release what became due).
     *
     * @param duration how far, not negative
     * @return the new time
     */
    public Instant advance(Duration duration) {
        if (Objects.requireNonNull(duration, "duration").isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward: " + duration);
        }
        synchronized (this) {
            now = now.plus(duration);
        }
        listeners.forEach(Runnable::run);
        return now;
    }

    /**
     * Called by a simulator built with this clock, to act whenever it moves; not for tests.
     *
     * @param listener run after each {@link #advance}
     */
    public void onAdvance(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Stops calling a listener (a closed simulator).
     *
     * @param listener the listener given to {@link #onAdvance}
     */
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a SandboxClock is always UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
