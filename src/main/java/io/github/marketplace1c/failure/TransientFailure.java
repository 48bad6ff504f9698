package io.github.marketplace1c.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * Retrying may help (timeouts, 5xx, rate limits, 1C lock conflicts). Carries the wait the other side asked
 * for, if it said one, so the retry honours it instead of guessing.
 */
public class TransientFailure extends FlowFailure {

    private final Duration retryAfter;

    public TransientFailure(ReasonCode reason, String message, Duration retryAfter, Throwable cause) {
        super(reason, message, cause);
        this.retryAfter = retryAfter;
    }

    public TransientFailure(ReasonCode reason, String message) {
        this(reason, message, null, null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
