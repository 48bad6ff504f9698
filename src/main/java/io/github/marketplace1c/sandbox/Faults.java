package io.github.marketplace1c.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Faults an emulator injects on demand, for tests and demos. A fault applies to the next matching requests
 * (a count), or until it is cleared (a count of {@link #ALWAYS}). Thread-safe.
 */
public final class Faults {

    public static final int ALWAYS = Integer.MAX_VALUE;

    public enum Kind {
        /** Answer with a server error (status given, 500 by default) instead of doing the work. */
        SERVER_ERROR,
        /** Answer as the system's rate limiter would (Ozon 429 code 8, 1C 503). */
        RATE_LIMITED,
        /** Do the work (save the object), then drop the connection without an answer. */
        LOSE_REPLY,
        /** Answer, but with a malformed record in the payload (emulator decides which field breaks). */
        MALFORMED_RECORD
    }

    /**
     * One armed fault: what, how often, on which requests. {@code pathContains} is matched as a substring of
     * {@code "METHOD /path"} (e.g. {@code "POST /sandbox/odata/standard.odata/Document_"}); null = any request.
     */
    public record Fault(Kind kind, int status, String pathContains, int remaining) {
    }

    private final Deque<Fault> armed = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;

    public synchronized Faults arm(Kind kind, int times, String pathContains) {
        armed.add(new Fault(kind, 0, pathContains, times));
        return this;
    }

    public synchronized Faults armStatus(Kind kind, int status, int times, String pathContains) {
        armed.add(new Fault(kind, status, pathContains, times));
        return this;
    }

    /** Takes one occurrence of the first armed fault matching this request ("METHOD /path"), if any. */
    public synchronized Optional<Fault> take(String path) {
        for (var it = armed.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.pathContains() == null || path.contains(fault.pathContains())) {
                it.remove();
                if (fault.remaining() != ALWAYS && fault.remaining() > 1) {
                    armed.addFirst(new Fault(fault.kind(), fault.status(), fault.pathContains(), fault.remaining() - 1));
                } else if (fault.remaining() == ALWAYS) {
                    armed.addFirst(fault);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public Faults latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    public synchronized void clear() {
        armed.clear();
        latency = Duration.ZERO;
    }
}
