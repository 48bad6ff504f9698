package io.github.marketplace1c.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.marketplace1c.sandbox.ozon.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WindowQuotaTest {

    private static final Instant START = Instant.parse("2026-11-07T06:00:20Z");
    private final MutableClock clock = new MutableClock(START);

    @Test
    void aWindowIsUsedWholeThenTheNextIsWaitedFor() throws Exception {
        WindowQuota quota = new WindowQuota(6000, Duration.ofMinutes(1), clock);
        quota.acquire("21000001", 2000);
        quota.observe("21000001", 6000, 4000, Instant.parse("2026-11-07T06:01:00Z"));
        quota.acquire("21000001", 2000);
        quota.acquire("21000001", 2000); // the window's 6,000 at once, no pacing inside it

        CompletableFuture<Void> fourth = CompletableFuture.runAsync(() -> quota.acquire("21000001", 2000));
        Thread.sleep(300);
        assertThat(fourth).as("nothing is left of this minute: the next request waits").isNotDone();

        clock.set(Instant.parse("2026-11-07T06:01:00Z"));
        fourth.get(5, TimeUnit.SECONDS);
        assertThat(fourth).isDone();
    }

    @Test
    void theMarketplacesAnswersOnlyLowerWhatIsLeft() throws Exception {
        WindowQuota quota = new WindowQuota(6000, Duration.ofMinutes(1), clock);
        quota.acquire("c", 2000);                                              // we think 4,000 are left
        quota.observe("c", 6000, 5000, Instant.parse("2026-11-07T06:01:00Z")); // Market has not counted ours yet
        quota.acquire("c", 4000);                                              // so 4,000 still fit, not 5,000
        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> quota.acquire("c", 1));
        Thread.sleep(300);
        assertThat(more).isNotDone();
        clock.advance(Duration.ofSeconds(41));
        more.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerAboutAnEndedWindowIsIgnoredAndMarketsOwnLimitIsTaken() throws Exception {
        WindowQuota quota = new WindowQuota(100_000, Duration.ofMinutes(1), clock);
        quota.observe("c", 3000, 0, Instant.parse("2026-11-07T06:00:00Z"));    // ended 20 s ago: ignored
        quota.acquire("c", 2000);
        quota.observe("c", 3000, 1000, Instant.parse("2026-11-07T06:01:00Z")); // Market's own limit: 3,000
        quota.acquire("c", 1000);
        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> quota.acquire("c", 1000));
        Thread.sleep(300);
        assertThat(more).isNotDone();
        clock.set(Instant.parse("2026-11-07T06:01:00Z"));
        more.get(5, TimeUnit.SECONDS);
        // the new minute holds Market's 3,000, not the 100,000 assumed at first
        quota.acquire("c", 2000);
        CompletableFuture<Void> beyond = CompletableFuture.runAsync(() -> quota.acquire("c", 1));
        Thread.sleep(300);
        assertThat(beyond).isNotDone();
        clock.advance(Duration.ofMinutes(1));
        beyond.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRequestLargerThanTheWholeQuotaStillGoesAtTheStartOfAWindow() throws Exception {
        WindowQuota quota = new WindowQuota(1000, Duration.ofMinutes(1), clock);
        CompletableFuture<Void> big = CompletableFuture.runAsync(() -> quota.acquire("c", 2000));
        big.get(5, TimeUnit.SECONDS); // no wait for ever: Market itself says no if it must
    }
}
