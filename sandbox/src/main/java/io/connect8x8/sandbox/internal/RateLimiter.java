package io.connect8x8.sandbox.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Requests per second per sub-account, counted in one-second windows of the simulator's clock, like the live API's
 * quota (1,800 a second per sub-account). A request over the limit gets 429 until the window ends. When a limit is
 * set, the message details operations have their own as well: one request a second per sub-account, as both
 * documents say of them ("The limit is set to 1 request/second per subaccount").
 */
final class RateLimiter {

    /** The documents' limit of the message details operations. */
    static final int DETAILS_PER_SECOND = 1;

    private final int perSecond;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    /** The message details windows, by API host and sub-account. */
    private final ConcurrentMap<String, Window> detailsWindows = new ConcurrentHashMap<>();

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
        if (perSecond > 0) {
            count(windows, subAccountId, perSecond);
        }
    }

    /**
     * Counts a message details request, after {@link #acquire}; throws 429 over one a second.
     *
     * @param key the API host and the sub-account
     */
    void acquireDetails(String key) {
        if (perSecond > 0) {
            count(detailsWindows, key, DETAILS_PER_SECOND);
        }
    }

    private void count(ConcurrentMap<String, Window> windows, String key, int limit) {
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000);
        Window window = windows.compute(key, (k, old) ->
                old == null || old.second != second ? new Window(second, 1) : new Window(second, old.count + 1));
        if (window.count > limit) {
            long left = (second + 1) * 1000 - now;
            throw ApiError.quotaExceeded((int) Math.max(1, (left + 999) / 1000));
        }
    }

    void clear() {
        windows.clear();
        detailsWindows.clear();
    }

    private record Window(long second, int count) {
    }
}
