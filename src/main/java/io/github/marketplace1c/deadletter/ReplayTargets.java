package io.github.marketplace1c.deadletter;

import java.util.Map;
import java.util.Optional;

/**
 * The only places a dead letter can be replayed into: per-record (or per-poll) entry points of the flows. A dead
 * letter names one of these keys; an unknown key is refused, so no admin call can reach an arbitrary endpoint.
 */
public final class ReplayTargets {

    private static final Map<String, String> TARGETS = targets();

    private static Map<String, String> targets() {
        Map<String, String> targets = new java.util.HashMap<>();
        for (String marketplace : java.util.List.of("ozon", "wildberries", "yandex-market")) {
            for (String entry : java.util.List.of("orders-record", "orders-account", "stocks-items", "stocks-account",
                    "prices-items", "prices-account", "catalog-account")) {
                String target = marketplace + "-" + entry;
                targets.put(target, "direct:" + target);
            }
        }
        return Map.copyOf(targets);
    }

    private ReplayTargets() {
    }

    public static Optional<String> endpoint(String target) {
        return Optional.ofNullable(TARGETS.get(target));
    }
}
