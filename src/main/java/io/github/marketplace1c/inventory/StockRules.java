package io.github.marketplace1c.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * An account's stock rules and which one applies to an item, by УТ's own priority: the item's rule, else its
 * product category's (УТ/КА {@code ТоварнаяКатегория}, УНФ {@code КатегорияНоменклатуры}), else its kind's (УТ/КА
 * {@code ВидНоменклатуры}), else the account's, else none (the whole free stock).
 */
public final class StockRules {

    public static final String PRODUCT = "product";
    public static final String CATEGORY = "category";
    public static final String KIND = "kind";
    public static final String ACCOUNT = "account";

    private final Map<String, StockRule> byProduct = new HashMap<>();
    private final Map<String, StockRule> byCategory = new HashMap<>();
    private final Map<String, StockRule> byKind = new HashMap<>();
    private StockRule account;

    void add(String scope, String key, StockRule rule) {
        switch (scope) {
            case PRODUCT -> byProduct.put(key, rule);
            case CATEGORY -> byCategory.put(key, rule);
            case KIND -> byKind.put(key, rule);
            default -> account = rule;
        }
    }

    /** Whether a rule needs the items' category or kind from 1C's catalog. */
    public boolean needCatalog() {
        return !byCategory.isEmpty() || !byKind.isEmpty();
    }

    /**
     * @param category the item's category ref (null when unknown)
     * @param kind     the item's kind ref (null when unknown or the configuration has none)
     */
    public StockRule forItem(String productKey, String category, String kind) {
        StockRule rule = byProduct.get(productKey);
        if (rule == null && category != null) {
            rule = byCategory.get(category);
        }
        if (rule == null && kind != null) {
            rule = byKind.get(kind);
        }
        if (rule == null) {
            rule = account;
        }
        return rule == null ? StockRule.NONE : rule;
    }
}
