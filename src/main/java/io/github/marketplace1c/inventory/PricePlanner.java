package io.github.marketplace1c.inventory;

import io.github.marketplace1c.account.Account;
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
 * planned. The preview shows exactly this; a run sends its changed lines.
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
        for (String type : new String[] {priceType, oldPriceType, minPriceType}) {
            if (type != null && !byType.containsKey(type)) {
                byType.put(type, prices(type, mapped.keySet()));
            }
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

    /** The current prices of one price type, by 1C item, of the mapped items only. */
    private Map<String, BigDecimal> prices(String priceTypeRef, Set<String> mapped) {
        Map<String, BigDecimal> prices = new HashMap<>();
        odata.readAll(profile.priceRegister(), "SliceLast", profile.priceTypeCondition(priceTypeRef), pageSize, row -> {
            String item = item(profile.nomenclature(row), profile.characteristic(row));
            if (mapped.contains(item) && row.hasNonNull("Цена")) {
                prices.put(item, InventoryProfile.number(row, "Цена"));
            }
        });
        return prices;
    }

    private static String item(String nomenclature, String characteristic) {
        return nomenclature + "/" + (characteristic == null || characteristic.isEmpty()
                ? "00000000-0000-0000-0000-000000000000" : characteristic);
    }
}
