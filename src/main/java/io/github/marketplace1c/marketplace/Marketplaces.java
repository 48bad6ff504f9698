package io.github.marketplace1c.marketplace;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The marketplaces, in one list: the wiring, the dead-letter replay targets, the 1C texts and the console's list
 * (GET /api/marketplaces) are derived from it. Adding a marketplace adds one entry here (docs/development.md).
 * This package depends on nothing else of ours, so any package may read it.
 */
public final class Marketplaces {

    /** The entry points every marketplace's six route files give (routes/&lt;key&gt;/*.camel.yaml). */
    private static final List<String> FLOW_ENTRIES = List.of("orders-record", "orders-account", "stocks-items",
            "stocks-account", "prices-items", "prices-account", "catalog-account", "sales-report-report",
            "sales-report-account", "services-report", "services-account");

    public static final Marketplace OZON = new Marketplace("ozon", "Ozon", List.of(), FLOW_ENTRIES);
    public static final Marketplace WILDBERRIES = new Marketplace("wildberries", "Wildberries", List.of(),
            FLOW_ENTRIES);
    public static final Marketplace YANDEX_MARKET = new Marketplace("yandex-market", "Яндекс Маркет",
            List.of("yandexMarket"), FLOW_ENTRIES);

    private static final List<Marketplace> ALL = List.of(OZON, WILDBERRIES, YANDEX_MARKET);

    private Marketplaces() {
    }

    /** In the order the console lists them. */
    public static List<Marketplace> all() {
        return ALL;
    }

    public static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        ALL.forEach(marketplace -> keys.add(marketplace.key()));
        return java.util.Collections.unmodifiableSet(keys);
    }

    public static Optional<Marketplace> byKey(String key) {
        return ALL.stream().filter(marketplace -> marketplace.key().equals(key)).findFirst();
    }

    /** The name a person reads, or the key itself for a marketplace not in the list. */
    public static String displayName(String key) {
        return byKey(key).map(Marketplace::displayName).orElse(key);
    }

    /**
     * A property name in the one spelling: {@code mp1c.yandexMarket.baseUrl} becomes
     * {@code mp1c.yandex-market.baseUrl}, {@code mp1c.sandbox.yandexMarket.port} becomes
     * {@code mp1c.sandbox.yandex-market.port}; any other name is returned as it is.
     */
    public static String currentPropertyName(String name) {
        String[] parts = name.split("\\.", -1);
        boolean changed = false;
        for (int i = 1; i < parts.length - 1 && i <= 2; i++) {
            for (Marketplace marketplace : ALL) {
                if (marketplace.formerKeys().contains(parts[i])) {
                    parts[i] = marketplace.key();
                    changed = true;
                }
            }
        }
        return changed && "mp1c".equals(parts[0]) ? String.join(".", parts) : name;
    }
}
