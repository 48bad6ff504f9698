package io.github.marketplace1c.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.marketplace1c.deadletter.DeadLetter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a parked record is due for the poll's own retry: the wait doubles with its attempts, up to a limit. */
class TransientRetriesTest {

    private static final Instant NOW = Instant.parse("2026-11-07T12:00:00Z");
    private final TransientRetries retries = new TransientRetries(null, null, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(1), 10);

    private static DeadLetter letter(int attempts, Duration sinceLastFailure) {
        Instant failed = NOW.minus(sinceLastFailure);
        return new DeadLetter(1, failed, failed, "ozon", "orders", "ozon-romashka", "p-1", "ONEC_UNAVAILABLE",
                "1C did not answer", "{}", "ozon-orders-record", null, attempts, DeadLetter.NEW, null, null);
    }

    @Test
    void theWaitDoublesWithEachAttempt() {
        assertThat(retries.due(letter(1, Duration.ofSeconds(59)))).isFalse();
        assertThat(retries.due(letter(1, Duration.ofSeconds(60)))).isTrue();
        assertThat(retries.due(letter(3, Duration.ofMinutes(3)))).isFalse();
        assertThat(retries.due(letter(3, Duration.ofMinutes(4)))).isTrue();
    }

    @Test
    void theWaitIsAtMostAnHour() {
        assertThat(retries.due(letter(9, Duration.ofMinutes(59)))).isFalse();
        assertThat(retries.due(letter(9, Duration.ofMinutes(60)))).isTrue();
    }

    @Test
    void aLetterPastTheLastAttemptWaitsForAPerson() {
        assertThat(retries.due(letter(10, Duration.ofDays(3)))).isFalse();
    }
}
