package io.github.marketplace1c.sandbox.yandexmarket;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Market's two limits on {@code POST v1/businesses/{businessId}/orders}, both per businessId:
 * <ul>
 * <li>the resource quota: N requests per hour ({@code x-resource-limit-config}: {@code path: resp}, 10 000 per
 * hour). Counted in fixed windows of whole hours of the emulator's clock, so {@code X-RateLimit-Resource-Until}
 * is the next full hour and tests move a clock instead of sleeping. As the limits page says, 2xx and 4xx answers
 * use the quota up and 5xx answers do not;</li>
 * <li>the global limit on parallel requests ({@code parallel-limit-value: 6} for this method).</li>
 * </ul>
 */
final class YmLimits {

    /** Where a business stands against its hourly quota; {@code limit} 0 means the quota is off. */
    record Quota(int limit, int remaining, Instant until) {
    }

    private static final long WINDOW_SECONDS = 3600;

    private final Clock clock;
    private volatile int perHour;
    private volatile int parallel;
    /** businessId → {window start (epoch second), used} */
    private final Map<Long, long[]> windows = new HashMap<>();
    private final Map<Long, Integer> inFlight = new HashMap<>();

    YmLimits(Clock clock, int perHour, int parallel) {
        this.clock = clock;
        this.perHour = perHour;
        this.parallel = parallel;
    }

    synchronized void perHour(int limit) {
        this.perHour = limit;
        windows.clear();
    }

    int perHour() {
        return perHour;
    }

    void parallel(int limit) {
        this.parallel = limit;
    }

    int parallel() {
        return parallel;
    }

    /** The business's quota now, without using any of it. */
    synchronized Quota quota(long businessId) {
        long[] window = window(businessId);
        return new Quota(perHour, (int) Math.max(0, perHour - window[1]), Instant.ofEpochSecond(window[0] + WINDOW_SECONDS));
    }

    /** Uses one request of the quota; false (and nothing used) when none is left or the quota is off. */
    synchronized boolean tryUse(long businessId) {
        if (perHour <= 0) {
            return true;
        }
        long[] window = window(businessId);
        if (window[1] >= perHour) {
            return false;
        }
        window[1]++;
        return true;
    }

    /** Gives a request back: Market does not charge answers that failed on its side (5xx). */
    synchronized void giveBack(long businessId) {
        long[] window = windows.get(businessId);
        if (window != null && window[1] > 0) {
            window[1]--;
        }
    }

    /** Takes a parallel-request slot until {@link #leave}; false when all are taken (0 = no limit). */
    synchronized boolean tryEnter(long businessId) {
        int current = inFlight.getOrDefault(businessId, 0);
        if (parallel > 0 && current >= parallel) {
            return false;
        }
        inFlight.put(businessId, current + 1);
        return true;
    }

    synchronized void leave(long businessId) {
        inFlight.computeIfPresent(businessId, (k, v) -> v <= 1 ? null : v - 1);
    }

    private long[] window(long businessId) {
        long now = clock.instant().getEpochSecond();
        long start = now - Math.floorMod(now, WINDOW_SECONDS);
        long[] window = windows.computeIfAbsent(businessId, k -> new long[]{start, 0});
        if (window[0] != start) {
            window[0] = start;
            window[1] = 0;
        }
        return window;
    }
}
