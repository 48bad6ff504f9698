package io.github.marketplace1c.ratelimit;

import java.util.function.ObjLongConsumer;

/**
 * Who hears of each wait for a marketplace's limit (the metrics). One listener per JVM, set by the application
 * when it starts: the throttles are made in many places, and a wait is told with its account only (the metrics
 * take the marketplace and flow from the log context of the waiting thread).
 */
public final class RateLimitWaits {

    private static volatile ObjLongConsumer<String> listener = (account, millis) -> { };

    private RateLimitWaits() {
    }

    public static void listen(ObjLongConsumer<String> waits) {
        listener = waits == null ? (account, millis) -> { } : waits;
    }

    static void waited(String accountId, long millis) {
        try {
            listener.accept(accountId, millis);
        } catch (RuntimeException e) {
            // a metric must never stop a wait
        }
    }
}
