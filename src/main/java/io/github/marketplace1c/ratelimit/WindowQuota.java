package io.github.marketplace1c.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An item-counted quota in fixed windows, steered by what the marketplace says after each request (Yandex Market:
 * offers a minute per campaign, with {@code X-RateLimit-Resource-Limit}, {@code -Remaining} and {@code -Until}).
 * A request reserves its items before it is sent; when what is left of the window cannot hold them, it waits until
 * the window ends. So a window is used whole, at once, and never overdrawn: the answers only ever lower what we
 * think is left, and an answer about a window that has already ended is ignored.
 */
public class WindowQuota {

    /** A waiting request looks again at least this often (the clock may be the sandbox's or a test's). */
    private static final long LONGEST_SLEEP_MILLIS = 250;

    private final int defaultLimit;
    private final Duration length;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param defaultLimit items a window, until the marketplace names its own limit
     * @param length       a window's length: when the marketplace has not said yet when this one ends, it is
     *                     taken to end one length after the last one (or, with none seen, one length from now)
     */
    public WindowQuota(int defaultLimit, Duration length, Clock clock) {
        this.defaultLimit = defaultLimit;
        this.length = length;
        this.clock = clock;
    }

    /** Waits until {@code items} fit in the key's current window, and reserves them. */
    public void acquire(String key, int items) {
        Window window = windows.computeIfAbsent(key, k -> new Window(defaultLimit));
        while (true) {
            long waitMillis;
            synchronized (window) {
                Instant now = clock.instant();
                if (window.until != null && !now.isBefore(window.until)) {
                    window.remaining = window.limit; // a new window, taken to follow the last one
                    while (!now.isBefore(window.until)) {
                        window.until = window.until.plus(length);
                    }
                }
                if (window.remaining >= Math.min(items, window.limit)) {
                    window.remaining -= items;
                    return;
                }
                if (window.until == null) {
                    window.until = now.plus(length);
                }
                waitMillis = Duration.between(now, window.until).toMillis() + 1;
            }
            try {
                RateLimitWaits.waited(key, Math.min(waitMillis, LONGEST_SLEEP_MILLIS));
                Thread.sleep(Math.max(1, Math.min(waitMillis, LONGEST_SLEEP_MILLIS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.github.marketplace1c.failure.TransientFailure(
                        io.github.marketplace1c.failure.ReasonCode.MARKETPLACE_UNAVAILABLE,
                        "interrupted while waiting for the marketplace's quota", null, e);
            }
        }
    }

    /**
     * What the marketplace answered about the key's quota (any of them may be null when it did not say): its limit,
     * what is left after the requests it has counted, and when the window ends.
     */
    public void observe(String key, Integer limit, Integer remaining, Instant until) {
        Window window = windows.computeIfAbsent(key, k -> new Window(defaultLimit));
        synchronized (window) {
            if (until != null && !until.isAfter(clock.instant())) {
                return; // about a window that has ended
            }
            if (limit != null && limit > 0) {
                window.limit = limit;
            }
            if (until != null) {
                window.until = until; // the marketplace's own word on when this window ends
            }
            if (remaining != null) {
                // our own reservations in flight are not counted by the marketplace yet: keep the lower of the two
                window.remaining = Math.min(window.remaining, remaining);
            }
        }
    }

    private static final class Window {
        int limit;
        int remaining;
        Instant until;

        Window(int limit) {
            this.limit = limit;
            this.remaining = limit;
        }
    }
}
