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
 * What a stock export would send for an account: the free stock of every mapped item, per marketplace warehouse
 * (summed over the 1C warehouses that feed it), through the stock rules, compared with what the marketplace last
 * accepted. The preview shows exactly this; a run sends its changed lines.
 */
public class StockPlanner {

    public static final String KIND = "stock";

    private final ODataClient odata;
    private final InventoryProfile profile;
    private final MappingTable products;
    private final InventoryTables tables;
    private final int pageSize;

    public StockPlanner(ODataClient odata, InventoryProfile profile, MappingTable products, InventoryTables tables,
                        int pageSize) {
        this.odata = odata;
        this.profile = profile;
        this.products = products;
        this.tables = tables;
        this.pageSize = pageSize;
    }

    /**
     * @param zeroUnmapped items sent before that are no longer mapped (or no longer in 1C), and mapped items archived
     *                     in 1C (marked for deletion), get 0 instead of nothing
     */
    public List<StockLine> plan(Account account, boolean zeroUnmapped) {
        Map<String, List<String>> sources = tables.stockSources(account.marketplace(), account.id());
        Set<String> feeding = new HashSet<>();
        sources.values().forEach(feeding::addAll);
        // 1C item (nomenclature/characteristic) -> the marketplace keys mapped to it
        Map<String, List<MappingRow>> mapped = new HashMap<>();
        for (MappingRow row : products.list(account.marketplace(), null, null, Integer.MAX_VALUE)) {
            if (row.accountId().isEmpty() || row.accountId().equals(account.id())) {
                mapped.computeIfAbsent(item(row.ref(), row.characteristicRef()), k -> new ArrayList<>()).add(row);
            }
        }
        // free stock per 1C item and warehouse, read once, page by page
        Map<String, BigDecimal> free = new HashMap<>();
        odata.readAll(profile.stockRegister(), "Balance", null, pageSize, row -> {
            String warehouse = profile.warehouse(row);
            if (feeding.contains(warehouse)) {
                String item = item(profile.nomenclature(row), profile.characteristic(row));
                if (mapped.containsKey(item)) {
                    free.merge(item + "@" + warehouse, profile.free(row), BigDecimal::add);
                }
            }
        });
        // archived in 1C (marked for deletion): not exported, or 0 with zeroUnmapped
        Set<String> archived = new HashSet<>();
        odata.readAllWhere("Catalog_Номенклатура", "DeletionMark eq true", "Ref_Key", pageSize,
                row -> archived.add(row.path("Ref_Key").asText()));
        StockRules rules = tables.stockRules(account.id());
        Map<String, String[]> groups = rules.needCatalog() ? groups(mapped.keySet()) : Map.of();
        Map<String, String> sent = tables.sent(KIND, account.id());
        List<StockLine> lines = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (Map.Entry<String, List<String>> target : sources.entrySet()) {
            for (Map.Entry<String, List<MappingRow>> entry : mapped.entrySet()) {
                BigDecimal total = BigDecimal.ZERO;
                for (String warehouse : target.getValue()) {
                    total = total.add(free.getOrDefault(entry.getKey() + "@" + warehouse, BigDecimal.ZERO));
                }
                for (MappingRow row : entry.getValue()) {
                    if (archived.contains(row.ref()) && !zeroUnmapped
                            || !planned.add(target.getKey() + "/" + row.key())) {
                        continue; // archived, or an account's own row and a marketplace-wide row for the same key
                    }
                    if (archived.contains(row.ref())) {
                        String previous = sent.get(target.getKey() + "/" + row.key());
                        lines.add(new StockLine(account.id(), target.getKey(), row.key(), row.ref(),
                                row.characteristicRef(), total, "помечен на удаление в 1С: 0", 0,
                                previous == null ? null : Long.valueOf(previous)));
                        continue;
                    }
                    String[] group = groups.getOrDefault(row.ref(), NO_GROUP);
                    StockRule rule = rules.forItem(row.key(), group[0], group[1]);
                    String previous = sent.get(target.getKey() + "/" + row.key());
                    lines.add(new StockLine(account.id(), target.getKey(), row.key(), row.ref(), row.characteristicRef(),
                            total, rule.describe(), rule.apply(total), previous == null ? null : Long.valueOf(previous)));
                }
            }
        }
        if (zeroUnmapped) {
            for (Map.Entry<String, String> previous : sent.entrySet()) {
                if (!planned.contains(previous.getKey())) {
                    String[] parts = previous.getKey().split("/", 2);
                    lines.add(new StockLine(account.id(), parts[0], parts[1], null, null, BigDecimal.ZERO,
                            "больше не сопоставлен: 0", 0, Long.valueOf(previous.getValue())));
                }
            }
        }
        lines.sort(java.util.Comparator.comparing(StockLine::warehouseKey).thenComparing(StockLine::productKey));
        return lines;
    }

    private static final String[] NO_GROUP = {null, null};

    /** The product category and kind of each mapped 1C nomenclature, read from its catalog (for the stock rules). */
    private Map<String, String[]> groups(Set<String> mappedItems) {
        Set<String> refs = new HashSet<>();
        mappedItems.forEach(item -> refs.add(item.substring(0, item.indexOf('/'))));
        Map<String, String[]> groups = new HashMap<>();
        String select = "Ref_Key," + profile.category() + "_Key" + (profile.kind() == null ? "" : "," + profile.kind() + "_Key");
        odata.readAll("Catalog_Номенклатура", null, null, select, pageSize, row -> {
            String ref = row.path("Ref_Key").asText();
            if (refs.contains(ref)) {
                groups.put(ref, new String[] {InventoryProfile.key(row, profile.category()),
                        profile.kind() == null ? null : InventoryProfile.key(row, profile.kind())});
            }
        });
        return groups;
    }

    private static String item(String nomenclature, String characteristic) {
        return nomenclature + "/" + (characteristic == null || characteristic.isEmpty()
                ? "00000000-0000-0000-0000-000000000000" : characteristic);
    }
}
