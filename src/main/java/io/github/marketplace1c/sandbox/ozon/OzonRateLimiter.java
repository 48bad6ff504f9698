package io.github.marketplace1c.sandbox.ozon;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Ozon's global limit: at most N requests per second per Client-Id across all methods. Counted in whole seconds
 * of the emulator's clock, so tests drive it with a fixed clock instead of sleeping.
 */
final class OzonRateLimiter {

    private final Clock clock;
    private volatile int perSecond;
    private final Map<String, long[]> windows = new HashMap<>();

    OzonRateLimiter(Clock clock, int perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }

    void perSecond(int perSecond) {
        this.perSecond = perSecond;
        synchronized (windows) {
            windows.clear();
        }
    }

    /** Counts the request; false when it is over the limit (rejected requests count too, as they load Ozon). */
    boolean tryAcquire(String clientId) {
        int limit = perSecond;
        if (limit <= 0) {
            return true;
        }
        long second = clock.instant().getEpochSecond();
        synchronized (windows) {
            long[] window = windows.computeIfAbsent(clientId, k -> new long[]{second, 0});
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            window[1]++;
            return window[1] <= limit;
        }
    }
}
