package io.github.marketplace1c.sandbox.yandexmarket;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An item-counted resource quota ({@code x-resource-limit-config} with {@code path: req.skus} / {@code req.offers}):
 * N items per minute per campaign or business, in fixed windows of whole minutes of the emulator's clock, so
 * {@code X-RateLimit-Resource-Until} is the next full minute. A request whose items do not fit in what is left is
 * refused whole and uses nothing; 5xx answers give their items back.
 */
final class YmItemQuota {

    private static final long WINDOW_SECONDS = 60;

    private final Clock clock;
    private volatile int perMinute;
    /** campaignId or businessId → {window start (epoch second), items used} */
    private final Map<Long, long[]> windows = new HashMap<>();

    YmItemQuota(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    synchronized void perMinute(int limit) {
        this.perMinute = limit;
        windows.clear();
    }

    int perMinute() {
        return perMinute;
    }

    synchronized YmLimits.Quota quota(long key) {
        long[] window = window(key);
        return new YmLimits.Quota(perMinute, (int) Math.max(0, perMinute - window[1]),
                Instant.ofEpochSecond(window[0] + WINDOW_SECONDS));
    }

    /** Uses {@code items} of the quota; false (nothing used) when they do not fit. Always true while off. */
    synchronized boolean tryUse(long key, int items) {
        if (perMinute <= 0) {
            return true;
        }
        long[] window = window(key);
        if (window[1] + items > perMinute) {
            return false;
        }
        window[1] += items;
        return true;
    }

    synchronized void giveBack(long key, int items) {
        long[] window = windows.get(key);
        if (window != null) {
            window[1] = Math.max(0, window[1] - items);
        }
    }

    private long[] window(long key) {
        long now = clock.instant().getEpochSecond();
        long start = now - Math.floorMod(now, WINDOW_SECONDS);
        long[] window = windows.computeIfAbsent(key, k -> new long[]{start, 0});
        if (window[0] != start) {
            window[0] = start;
            window[1] = 0;
        }
        return window;
    }
}
