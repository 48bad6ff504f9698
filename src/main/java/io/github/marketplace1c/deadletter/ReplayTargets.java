package io.github.marketplace1c.deadletter;

import io.github.marketplace1c.marketplace.Marketplace;
import io.github.marketplace1c.marketplace.Marketplaces;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The only places a dead letter can be replayed into: per-record (or per-poll) entry points of the flows. A dead
 * letter names one of these keys (each marketplace's entries in {@link Marketplaces}); an unknown key is refused,
 * so no admin call can reach an arbitrary endpoint.
 */
public final class ReplayTargets {

    private static final Map<String, String> TARGETS = targets();

    private static Map<String, String> targets() {
        Map<String, String> targets = new HashMap<>();
        for (Marketplace marketplace : Marketplaces.all()) {
            for (String target : marketplace.replayTargets()) {
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
