package io.github.marketplace1c.deadletter;

import java.util.Map;
import java.util.Optional;

/**
 * The only places a dead letter can be replayed into: per-record (or per-poll) entry points of the flows. A dead
 * letter names one of these keys; an unknown key is refused, so no admin call can reach an arbitrary endpoint.
 */
public final class ReplayTargets {

    private static final Map<String, String> TARGETS = Map.of(
            "ozon-orders-record", "direct:ozon-orders-record",
            "ozon-orders-account", "direct:ozon-orders-account",
            "wildberries-orders-record", "direct:wildberries-orders-record",
            "wildberries-orders-account", "direct:wildberries-orders-account",
            "yandex-market-orders-record", "direct:yandex-market-orders-record",
            "yandex-market-orders-account", "direct:yandex-market-orders-account");

    private ReplayTargets() {
    }

    public static Optional<String> endpoint(String target) {
        return Optional.ofNullable(TARGETS.get(target));
    }
}
