package io.github.marketplace1c.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * Waits for a marketplace's limits ({@code mp1c_ratelimit_waits_seconds}: count and total time) by marketplace, flow
 * and account, taken from the log context of the waiting thread.
 */
final class WaitMetrics {

    private final MeterRegistry registry;

    WaitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void waited(String key, long millis) {
        String account = MDC.get(LogContext.ACCOUNT);
        Timer.builder("mp1c.ratelimit.waits")
                .description("Waits for a marketplace's rate limit or quota")
                .tags("marketplace", orEmpty(MDC.get(LogContext.MARKETPLACE)), "flow", orEmpty(MDC.get(LogContext.FLOW)),
                        "account", account != null ? account : orEmpty(key))
                .register(registry).record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
