package io.github.marketplace1c.observe;

import io.github.marketplace1c.http.HttpJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * Times the calls to the marketplaces and to 1C: {@code mp1c_http_client_requests_seconds} by system (ozon,
 * wildberries, yandex-market, 1c), account (from the log context of the calling thread), method and outcome
 * (success, client_error, rate_limited, server_error, no_answer). Paths are left out: they carry order numbers and
 * GUIDs. URLs, headers and bodies never reach a label.
 */
final class CallMetrics {

    private final MeterRegistry registry;

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every call through this client is 1C's. */
    HttpJson.CallObserver onec() {
        return (method, uri, status, nanos) -> record("1c", method, status, nanos);
    }

    /** Calls through the marketplaces' client: the system is told by the host the call went to. */
    HttpJson.CallObserver marketplaces(Map<String, String> marketplaceByHost) {
        return (method, uri, status, nanos) -> {
            String marketplace = marketplaceByHost.get(hostKey(uri));
            if (marketplace == null) {
                marketplace = MDC.get(LogContext.MARKETPLACE);
            }
            record(marketplace == null ? "unknown" : marketplace, method, status, nanos);
        };
    }

    static String hostKey(URI uri) {
        return (uri.getHost() == null ? "" : uri.getHost().toLowerCase()) + ":" + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private void record(String system, String method, int status, long nanos) {
        String account = MDC.get(LogContext.ACCOUNT);
        Timer.builder("mp1c.http.client.requests")
                .description("Calls to the marketplaces and to 1C, by outcome")
                .tags("system", system, "account", account == null ? "" : account, "method", method,
                        "outcome", outcome(status))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    static String outcome(int status) {
        if (status < 0) {
            return "no_answer";
        }
        if (status == 429 || status == 420) {
            return "rate_limited";
        }
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 400) {
            return "client_error";
        }
        return "success";
    }
}
