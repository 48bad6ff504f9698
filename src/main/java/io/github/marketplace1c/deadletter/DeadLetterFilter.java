package io.github.marketplace1c.deadletter;

import java.time.Instant;

/** Which dead letters an integrator means: any field left null matches everything. */
public record DeadLetterFilter(String reason, String accountId, String flow, String status, Instant from,
                               Instant to, Integer limit) {

    public static DeadLetterFilter open() {
        return new DeadLetterFilter(null, null, null, DeadLetter.NEW, null, null, null);
    }
}
