package io.github.marketplace1c.app;

import io.github.marketplace1c.marketplace.Marketplace;
import io.github.marketplace1c.marketplace.Marketplaces;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings written under a marketplace's former spelling ({@code mp1c.yandexMarket.baseUrl}, the environment's
 * {@code MP1C_YANDEXMARKET_BASEURL}) are read under the one spelling ({@code mp1c.yandex-market.baseUrl}), so that
 * an integrator's existing config keeps working after the rename. Each former name is named once per start in a
 * warning with its new name. Where one file (or the environment) gives both, the new name wins.
 */
final class FormerPropertyNames {

    private static final Logger LOG = LoggerFactory.getLogger(FormerPropertyNames.class);

    private final Set<String> warned = new HashSet<>();

    /** One layer of properties (a file, the overrides) under the current names. */
    Map<String, String> upgrade(Map<String, String> layer, String where) {
        Map<String, String> upgraded = new LinkedHashMap<>();
        layer.forEach((name, value) -> {
            if (Marketplaces.currentPropertyName(name).equals(name)) {
                upgraded.put(name, value);
            }
        });
        layer.forEach((name, value) -> {
            String current = Marketplaces.currentPropertyName(name);
            if (current.equals(name)) {
                return;
            }
            if (upgraded.containsKey(current)) {
                warn(name, where + ": " + name + " is the former name of " + current + ", and both are set: "
                        + current + " is used, " + name + " is ignored; remove " + name);
            } else {
                upgraded.put(current, value);
                warn(name, where + ": " + name + " is the former name of " + current + "; it is still read, but "
                        + "rename it to " + current);
            }
        });
        return upgraded;
    }

    /**
     * Environment variables under a former name, for the settings {@code known} holds: the value goes into
     * {@code known} under the current name unless the current variable is set (which then wins, as any variable
     * wins over the files).
     */
    void environment(Map<String, String> known, UnaryOperator<String> environment) {
        for (String name : List.copyOf(known.keySet())) {
            if (environment.apply(variable(name)) != null) {
                continue;
            }
            for (String former : formerNames(name)) {
                String value = environment.apply(variable(former));
                if (value != null) {
                    known.put(name, value);
                    warn(variable(former), "the environment variable " + variable(former) + " is the former name of "
                            + variable(name) + " (" + name + "); it is still read, but rename it to " + variable(name));
                    break;
                }
            }
        }
    }

    /** How Camel and {@link PropertyFiles#value} spell a property as an environment variable. */
    static String variable(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static List<String> formerNames(String name) {
        List<String> former = new ArrayList<>();
        String[] parts = name.split("\\.", -1);
        for (int i = 1; i < parts.length - 1 && i <= 2; i++) {
            for (Marketplace marketplace : Marketplaces.all()) {
                if (marketplace.key().equals(parts[i])) {
                    for (String key : marketplace.formerKeys()) {
                        String[] renamed = parts.clone();
                        renamed[i] = key;
                        former.add(String.join(".", renamed));
                    }
                }
            }
        }
        return former;
    }

    private void warn(String name, String message) {
        if (warned.add(name)) {
            LOG.warn(message);
        }
    }
}
