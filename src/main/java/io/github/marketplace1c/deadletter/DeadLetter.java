package io.github.marketplace1c.deadletter;

import java.time.Instant;

/**
 * A record that failed, with everything needed to understand and replay it. {@code payload} is the record as
 * the marketplace sent it (secrets never travel in records); {@code replayTarget} is one of a fixed list of
 * per-record entry points (see {@link ReplayTargets}), never a URI taken from the outside.
 */
public record DeadLetter(long id, Instant createdAt, Instant updatedAt, String marketplace, String flow,
                         String accountId, String recordKey, String reason, String message, String payload,
                         String replayTarget, String productKeys, int attempts, String status, String actor,
                         String note) {

    public static final String NEW = "new";
    public static final String REPLAYED = "replayed";
    public static final String RESOLVED = "resolved";
    public static final String DISCARDED = "discarded";
}
