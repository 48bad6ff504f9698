package io.github.marketplace1c.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.onec.ODataClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seller's 1C items as the workbench matches them, read through OData page by page: {@code Catalog_Номенклатура}
 * (Code, Description, Артикул; folders and items marked for deletion left out), {@code Catalog_ХарактеристикиНоменклатуры}
 * (owned by the nomenclature, or in УТ/КА by its kind, ВидНоменклатуры) and the barcode register
 * {@code InformationRegister_ШтрихкодыНоменклатуры} (the same name in УНФ, УТ and КА: Штрихкод → Номенклатура,
 * Характеристика). An item is a nomenclature with one of its characteristics, or the nomenclature alone when it has
 * none (or when a barcode is registered for it without one).
 *
 * <p>Several accounts pull at the same time: one read serves them all for {@code maxAge}.
 */
public class OneCCatalog {

    private static final String EMPTY = "00000000-0000-0000-0000-000000000000";

    private final ODataClient odata;
    private final int pageSize;
    private final Duration maxAge;
    private final Clock clock;
    private List<OneCItem> cached;
    private Instant readAt;

    public OneCCatalog(ODataClient odata, int pageSize, Duration maxAge, Clock clock) {
        this.odata = odata;
        this.pageSize = pageSize;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The items, read now or at most {@code maxAge} ago. */
    public synchronized List<OneCItem> items() {
        Instant now = clock.instant();
        if (cached == null || readAt == null || now.isAfter(readAt.plus(maxAge)) || now.isBefore(readAt)) {
            cached = read();
            readAt = now;
        }
        return cached;
    }

    /** Forgets the last read (a test changed 1C). */
    public synchronized void forget() {
        cached = null;
    }

    private List<OneCItem> read() {
        record Nomenclature(String ref, String code, String name, String article, String kind) {
        }
        record Characteristic(String ref, String name, String owner) {
        }
        Map<String, Nomenclature> nomenclature = new LinkedHashMap<>();
        odata.readAll("Catalog_Номенклатура", null, null, pageSize, row -> {
            if (!row.path("IsFolder").asBoolean(false) && !row.path("DeletionMark").asBoolean(false)) {
                String ref = row.path("Ref_Key").asText();
                nomenclature.put(ref, new Nomenclature(ref, text(row, "Code"), text(row, "Description"),
                        text(row, "Артикул"), text(row, "ВидНоменклатуры_Key")));
            }
        });
        Map<String, List<Characteristic>> characteristics = new HashMap<>();
        odata.readAll("Catalog_ХарактеристикиНоменклатуры", null, null, pageSize, row -> {
            if (!row.path("DeletionMark").asBoolean(false)) {
                String owner = row.hasNonNull("Owner_Key") ? row.path("Owner_Key").asText() : row.path("Owner").asText("");
                characteristics.computeIfAbsent(owner, o -> new ArrayList<>()).add(new Characteristic(
                        row.path("Ref_Key").asText(), text(row, "Description"), owner));
            }
        });
        Map<String, List<String>> barcodes = new HashMap<>();
        odata.readAll("InformationRegister_ШтрихкодыНоменклатуры", null, null, pageSize, row -> {
            String barcode = text(row, "Штрихкод");
            String item = row.path("Номенклатура_Key").asText("");
            if (barcode != null && !item.isEmpty() && !item.equals(EMPTY)) {
                barcodes.computeIfAbsent(item + "/" + ref(row.path("Характеристика_Key").asText("")),
                        k -> new ArrayList<>()).add(barcode);
            }
        });
        List<OneCItem> items = new ArrayList<>();
        for (Nomenclature n : nomenclature.values()) {
            List<Characteristic> own = new ArrayList<>(characteristics.getOrDefault(n.ref(), List.of()));
            if (n.kind() != null && !n.kind().equals(EMPTY)) {
                own.addAll(characteristics.getOrDefault(n.kind(), List.of()));
            }
            for (Characteristic c : own) {
                items.add(new OneCItem(n.ref(), c.ref(), n.code(), n.name(), n.article(), c.name(),
                        barcodes.getOrDefault(n.ref() + "/" + c.ref(), List.of())));
            }
            List<String> bare = barcodes.get(n.ref() + "/");
            if (own.isEmpty() || bare != null) {
                items.add(new OneCItem(n.ref(), null, n.code(), n.name(), n.article(), null,
                        bare == null ? List.of() : bare));
            }
        }
        return items;
    }

    private static String ref(String value) {
        return value == null || value.equals(EMPTY) ? "" : value;
    }

    private static String text(JsonNode row, String field) {
        String value = row.path(field).asText("");
        return value.isBlank() ? null : value;
    }
}
