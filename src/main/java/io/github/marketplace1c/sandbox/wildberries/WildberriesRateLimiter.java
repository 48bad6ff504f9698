package io.github.marketplace1c.sandbox.wildberries;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * WB's token bucket per seller account (API introduction, "Rate limits"): a bucket of {@code burst} requests,
 * refilled by one every interval (period / limit: 60 s / 300 = 200 ms). Kept as a "theoretical arrival time"
 * (GCRA), which is the same bucket in exact integer nanoseconds of the emulator's clock, so tests move a clock
 * instead of sleeping.
 * <p>
 * A refused request (429) costs nothing. A 4xx answer costs 10 requests in the Marketplace category: the request
 * took one when admitted, {@link #charge} takes the other nine afterwards, and may push the bucket into debt, so
 * {@code X-Ratelimit-Remaining} stays 0 and the next request waits until the debt is paid.
 */
final class WildberriesRateLimiter {

    /** The verdict on one request, with what the rate-limit headers say. */
    record Decision(boolean allowed, long remaining, long retrySeconds, long resetSeconds, long limit) {
    }

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Clock clock;
    private final Map<String, Long> arrival = new HashMap<>();
    private long interval;
    private long burst;

    WildberriesRateLimiter(Clock clock, int perMinute, int burst) {
        this.clock = clock;
        configure(perMinute, burst);
    }

    synchronized void configure(int perMinute, int burst) {
        if (perMinute < 0 || burst < 0 || (perMinute > 0 && burst == 0)) {
            throw new IllegalArgumentException("requests per minute and burst must be positive (0/0 turns it off)");
        }
        this.interval = perMinute == 0 ? 0 : NANOS_PER_MINUTE / perMinute;
        this.burst = burst;
        arrival.clear();
    }

    synchronized boolean enabled() {
        return interval > 0;
    }

    synchronized long limit() {
        return burst;
    }

    /** Seconds an empty bucket takes to fill up again (the {@code X-Ratelimit-Reset} of an empty bucket). */
    synchronized long fullRefillSeconds() {
        return ceilSeconds(burst * interval);
    }

    /** Admits the request (taking one request from the bucket) or refuses it with the wait the headers give. */
    synchronized Decision acquire(String key) {
        if (interval == 0) {
            return new Decision(true, 0, 0, 0, 0);
        }
        long now = now();
        long tat = Math.max(arrival.getOrDefault(key, now), now);
        long after = tat + interval;
        if (after - now > burst * interval) {
            long waitNanos = after - now - burst * interval;
            return new Decision(false, 0, Math.max(1, ceilSeconds(waitNanos)), ceilSeconds(tat - now), burst);
        }
        arrival.put(key, after);
        return new Decision(true, remaining(after, now), 0, 0, burst);
    }

    /** Takes {@code requests} more from an admitted request's bucket (the rest of a 4xx's cost of 10). */
    synchronized void charge(String key, int requests) {
        if (interval == 0) {
            return;
        }
        long now = now();
        long tat = Math.max(arrival.getOrDefault(key, now), now);
        arrival.put(key, tat + requests * interval);
    }

    /** What {@code X-Ratelimit-Remaining} says now: requests that may go out without pausing. */
    synchronized long remaining(String key) {
        if (interval == 0) {
            return 0;
        }
        long now = now();
        return remaining(Math.max(arrival.getOrDefault(key, now), now), now);
    }

    private long remaining(long tat, long now) {
        return Math.max(0, (burst * interval - (tat - now)) / interval);
    }

    private long now() {
        var instant = clock.instant();
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}
