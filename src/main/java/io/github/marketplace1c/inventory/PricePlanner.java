package io.github.marketplace1c.inventory;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.onec.ODataClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a price export would send for an account: for every mapped item, the current 1C prices (SliceLast of the
 * price register) of the price types the account's settings name — {@code priceType} (the selling price, required),
 * {@code oldPriceType} (the crossed-out price) and {@code minPriceType} (the minimum price) — compared with what the
 * marketplace last accepted (export_state, kind "price", target ""). An item without a selling price in 1C is not
 * planned. The preview shows exactly this; a run sends its changed lines. The register is the profile's
 * ({@link PriceRegister}: УТ/КА's {@code ЦеныНоменклатуры} or {@code ЦеныНоменклатуры25}, chosen by a setting).
 */
public class PricePlanner {

    public static final String KIND = "price";
    /** export_state's target of a price: prices are per account, not per warehouse. */
    public static final String TARGET = "";

    private final ODataClient odata;
    private final InventoryProfile profile;
    private final MappingTable products;
    private final InventoryTables tables;
    private final int pageSize;

    public PricePlanner(ODataClient odata, InventoryProfile profile, MappingTable products, InventoryTables tables,
                        int pageSize) {
        this.odata = odata;
        this.profile = profile;
        this.products = products;
        this.tables = tables;
        this.pageSize = pageSize;
    }

    public List<PriceLine> plan(Account account) {
        String priceType = account.requiredSetting("priceType");
        String oldPriceType = account.setting("oldPriceType", null);
        String minPriceType = account.setting("minPriceType", null);
        Map<String, List<MappingRow>> mapped = new HashMap<>();
        for (MappingRow row : products.list(account.marketplace(), null, null, Integer.MAX_VALUE)) {
            if (row.accountId().isEmpty() || row.accountId().equals(account.id())) {
                mapped.computeIfAbsent(item(row.ref(), row.characteristicRef()), k -> new ArrayList<>()).add(row);
            }
        }
        // one SliceLast per price type; the same type named twice is read once
        Map<String, Map<String, BigDecimal>> byType = new HashMap<>();
        long rows = 0;
        for (String type : new String[] {priceType, oldPriceType, minPriceType}) {
            if (type != null && !byType.containsKey(type)) {
                Map<String, BigDecimal> prices = new HashMap<>();
                rows += prices(type, mapped.keySet(), prices);
                byType.put(type, prices);
            }
        }
        if (rows == 0 && !mapped.isEmpty()) {
            checkTheOtherRegister(account, byType.keySet());
        }
        Map<String, String> sent = tables.sent(KIND, account.id());
        List<PriceLine> lines = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (Map.Entry<String, List<MappingRow>> entry : mapped.entrySet()) {
            BigDecimal price = byType.get(priceType).get(entry.getKey());
            if (price == null) {
                continue; // no selling price in 1C: nothing to send
            }
            BigDecimal oldPrice = oldPriceType == null ? null : byType.get(oldPriceType).get(entry.getKey());
            BigDecimal minPrice = minPriceType == null ? null : byType.get(minPriceType).get(entry.getKey());
            for (MappingRow row : entry.getValue()) {
                if (!planned.add(row.key())) {
                    continue; // an account's own row and a marketplace-wide row for the same key
                }
                lines.add(new PriceLine(account.id(), row.key(), row.ref(), row.characteristicRef(), price, oldPrice,
                        minPrice, sent.get(TARGET + "/" + row.key())));
            }
        }
        lines.sort(java.util.Comparator.comparing(PriceLine::productKey));
        return lines;
    }

    /**
     * Puts the current prices of one price type, by 1C item, of the mapped items into {@code prices}; returns how many
     * rows the register gave for the type (mapped or not). A register whose rows without a characteristic price every
     * characteristic of the product (Ценообразование 2.5) gives the mapped characteristics that have no row of their own
     * the product's price; a row of a series or a package is not a unit's price and is left out.
     */
    private long prices(String priceTypeRef, Set<String> mapped, Map<String, BigDecimal> prices) {
        PriceRegister register = profile.prices();
        Map<String, BigDecimal> productWide = new HashMap<>();
        long rows = odata.readAll(register.entitySet(), "SliceLast", register.condition(priceTypeRef), pageSize, row -> {
            if (!row.hasNonNull("Цена") || !register.isUnitPrice(row)) {
                return;
            }
            String nomenclature = profile.nomenclature(row);
            String characteristic = register.characteristic(row);
            String item = item(nomenclature, characteristic);
            if (mapped.contains(item)) {
                prices.put(item, InventoryProfile.number(row, "Цена"));
            }
            if (register.productWide() && characteristic.equals(InventoryProfile.EMPTY_REF)) {
                productWide.put(nomenclature, InventoryProfile.number(row, "Цена"));
            }
        });
        if (!productWide.isEmpty()) {
            for (String item : mapped) {
                BigDecimal price = productWide.get(item.substring(0, item.indexOf('/')));
                if (price != null) {
                    prices.putIfAbsent(item, price);
                }
            }
        }
        return rows;
    }

    /**
     * The chosen register has no price at all of the mapped price types. When the configuration's other price register
     * has some, the base keeps its prices there (УТ/КА: the pricing mode decides): the run fails with a CONFIGURATION
     * failure saying which setting to change, instead of quietly sending nothing.
     */
    private void checkTheOtherRegister(Account account, Set<String> priceTypes) {
        PriceRegister other = profile.otherPrices();
        if (other == null) {
            return;
        }
        for (String type : priceTypes) {
            boolean has;
            try {
                has = odata.hasAny(other.entitySet(), "SliceLast", other.condition(type));
            } catch (RuntimeException e) {
                return; // the other register is not in the publication (or 1C did not answer): nothing to tell
            }
            if (has) {
                throw new PermanentFailure(ReasonCode.CONFIGURATION, "Account " + account.id() + ": the 1C register "
                        + profile.prices().name() + " has no prices of the account's price types but " + other.name()
                        + " has, so this base keeps its prices in " + other.name() + ": set " + PriceRegister.SETTING
                        + " = " + other.name() + " in config/application.properties (or the profile's file).");
            }
        }
    }

    private static String item(String nomenclature, String characteristic) {
        return nomenclature + "/" + (characteristic == null || characteristic.isEmpty()
                ? InventoryProfile.EMPTY_REF : characteristic);
    }
}
