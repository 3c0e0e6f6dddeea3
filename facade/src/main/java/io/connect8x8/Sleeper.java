package io.connect8x8;

import java.time.Duration;

/** Waits between retries; tests inject one, so that tests of backoff never sleep. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long, never negative
     * @throws InterruptedException when the thread is interrupted; the call then fails
     */
    void sleep(Duration duration) throws InterruptedException;
}
