package io.connect8x8.sandbox.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Requests per second per sub-account, counted in one-second windows of the simulator's clock, like the live API's
 * quota (1,800 a second per sub-account). A request over the limit gets 429 until the window ends.
 */
final class RateLimiter {

    private final int perSecond;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param perSecond the limit, 0 for none
     * @param clock the clock of the windows
     */
    RateLimiter(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Counts a request; throws 429 when the sub-account is over its limit. */
    void acquire(String subAccountId) {
        if (perSecond <= 0) {
            return;
        }
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000);
        Window window = windows.compute(subAccountId, (key, old) ->
                old == null || old.second != second ? new Window(second, 1) : new Window(second, old.count + 1));
        if (window.count > perSecond) {
            long left = (second + 1) * 1000 - now;
            throw ApiError.quotaExceeded((int) Math.max(1, (left + 999) / 1000));
        }
    }

    void clear() {
        windows.clear();
    }

    private record Window(long second, int count) {
    }
}
