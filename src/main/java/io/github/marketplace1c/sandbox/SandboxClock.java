package io.github.marketplace1c.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's time: the seeded orders are from early November 2026 and the sandbox accounts go live on
 * 2026-11-01, so the sandbox (the application and its emulators alike) lives in a week of its own that starts
 * at {@link #START} and runs at the normal pace. A newcomer next year sees the same runs as one today.
 */
public final class SandboxClock {

    public static final Instant START = Instant.parse("2026-11-07T06:00:00Z");

    private SandboxClock() {
    }

    public static Clock startingAt(Instant start) {
        Clock real = Clock.systemUTC();
        return Clock.offset(real, Duration.between(real.instant(), start));
    }
}
