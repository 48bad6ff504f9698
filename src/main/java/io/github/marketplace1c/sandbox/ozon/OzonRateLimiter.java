package io.github.marketplace1c.sandbox.ozon;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Ozon's global limit: at most N requests per second per Client-Id across all methods; also a method's own limit
 * per minute (80 stock updates per minute). Counted in whole windows (seconds or minutes) of the emulator's clock,
 * so tests drive it with a fixed clock instead of sleeping.
 */
final class OzonRateLimiter {

    private final Clock clock;
    private final long windowSeconds;
    private volatile int perSecond;
    private final Map<String, long[]> windows = new HashMap<>();

    OzonRateLimiter(Clock clock, int perSecond) {
        this(clock, perSecond, 1);
    }

    /** At most {@code limit} requests per window of {@code windowSeconds}. */
    OzonRateLimiter(Clock clock, int limit, long windowSeconds) {
        this.clock = clock;
        this.perSecond = limit;
        this.windowSeconds = windowSeconds;
    }

    int limit() {
        return perSecond;
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
        long now = clock.instant().getEpochSecond();
        long second = now - Math.floorMod(now, windowSeconds);
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
