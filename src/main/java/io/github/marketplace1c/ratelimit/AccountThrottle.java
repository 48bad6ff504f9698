package io.github.marketplace1c.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces one marketplace's calls per account: a token bucket at the documented rate, and a wait the marketplace
 * itself asked for (Ozon's 429, Wildberries' X-Ratelimit-Retry, Yandex Market's X-RateLimit-Resource-Until). A
 * throttled account waits in its own thread; the other accounts, each in theirs, go on.
 */
public class AccountThrottle {

    /** Requests per second and the burst the bucket holds. */
    public record Limit(double perSecond, int burst) {
    }

    private final Limit limit;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public AccountThrottle(Limit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Waits until the account may send its next request. */
    public void acquire(String accountId) {
        Bucket bucket = buckets.computeIfAbsent(accountId, id -> new Bucket(limit.burst(), clock.instant()));
        while (true) {
            long waitMillis;
            synchronized (bucket) {
                Instant now = clock.instant();
                if (bucket.blockedUntil != null && now.isBefore(bucket.blockedUntil)) {
                    waitMillis = Duration.between(now, bucket.blockedUntil).toMillis() + 1;
                } else {
                    double elapsed = Duration.between(bucket.refilledAt, now).toNanos() / 1e9;
                    bucket.tokens = Math.min(limit.burst(), bucket.tokens + elapsed * limit.perSecond());
                    bucket.refilledAt = now;
                    if (bucket.tokens >= 1) {
                        bucket.tokens -= 1;
                        return;
                    }
                    waitMillis = (long) Math.ceil((1 - bucket.tokens) / limit.perSecond() * 1000);
                }
            }
            RateLimitWaits.waited(accountId, waitMillis);
            sleep(waitMillis);
        }
    }

    /** The marketplace said to wait: nothing more is sent for this account before then. */
    public void backOff(String accountId, Duration wait) {
        Bucket bucket = buckets.computeIfAbsent(accountId, id -> new Bucket(limit.burst(), clock.instant()));
        synchronized (bucket) {
            Instant until = clock.instant().plus(wait);
            if (bucket.blockedUntil == null || until.isAfter(bucket.blockedUntil)) {
                bucket.blockedUntil = until;
            }
            bucket.tokens = 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the marketplace's rate limit", e);
        }
    }

    private static final class Bucket {
        double tokens;
        Instant refilledAt;
        Instant blockedUntil;

        Bucket(double tokens, Instant refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
