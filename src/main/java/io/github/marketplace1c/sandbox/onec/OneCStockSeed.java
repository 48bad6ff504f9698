package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.marketplace1c.sandbox.SandboxData;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stock and prices every emulated base starts with, deterministic and derived from {@link SandboxData}, so that
 * tests can compute what the stock and price export flows must send:
 *
 * <ul>
 *   <li>per {@code SandboxData.ITEMS[i]} (nomenclature + characteristic) and {@code SandboxData.WAREHOUSES[w]}:
 *       {@link #quantity(int, int)} in stock (some zero, and zero balances are not returned by Balance) and, УТ/КА,
 *       {@link #reserve(int, int)} reserved;</li>
 *   <li>УНФ: {@code AccumulationRegister_ЗапасыНаСкладах} (Количество = quantity, Организация = the warehouse's
 *       organization: ИП Васильков for his warehouse, ООО «Ромашка» for the others);</li>
 *   <li>УТ/КА: {@code AccumulationRegister_ТоварыНаСкладах} (ВНаличии = quantity, КОтгрузке = reserve) and
 *       {@code AccumulationRegister_ЗапасыИПотребности} (ВНаличии = quantity, РезервироватьНаСкладе = reserve; Склад is
 *       composite there: {@code Склад} + {@code Склад_Type = StandardODATA.Catalog_Склады}; empty Назначение and Заказ),
 *       so free stock per §4.1 of the research notes is {@code quantity − reserve};</li>
 *   <li>{@code Catalog_ВидыЦен}: {@link #RETAIL_PRICE_TYPE_REF Розничная} (the marketplace price),
 *       {@link #CROSSED_OUT_PRICE_TYPE_REF Цена до скидки} (the crossed-out price) and
 *       {@link #MINIMUM_PRICE_TYPE_REF Минимальная};</li>
 *   <li>{@code InformationRegister_ЦеныНоменклатуры} (УТ/КА: recorder-subordinate, read as
 *       {@code InformationRegister_ЦеныНоменклатуры_RecordType}): per item and price type one record at
 *       {@link #PRICE_PERIOD} with {@link #price(String, SandboxData.Item)}, plus an older Розничная record at
 *       {@link #PREVIOUS_PRICE_PERIOD} with {@link #previousRetailPrice(SandboxData.Item)}, so that SliceLast with a
 *       Period before {@link #PRICE_PERIOD} shows the old price. Currency: the ruble.</li>
 *   <li>{@link #moveToPricing25()} turns an УТ/КА base into one on "Ценообразование 2.5": the same records move to
 *       {@code InformationRegister_ЦеныНоменклатуры25} (the item's characteristic in {@code ХарактеристикаЦО}, empty
 *       {@code СерияЦО} and {@code УпаковкаЦО}) and {@code ЦеныНоменклатуры} is left empty, as in such a base.</li>
 * </ul>
 *
 * <p>{@link #seedBulk(int, int)} (via {@link OneCEmulator#seedBulkStock(int, int)}) adds synthetic items for
 * benchmarks.
 */
public final class OneCStockSeed {

    public static final String RETAIL_PRICE_TYPE = "Розничная";
    public static final String CROSSED_OUT_PRICE_TYPE = "Цена до скидки";
    public static final String MINIMUM_PRICE_TYPE = "Минимальная";
    public static final List<String> PRICE_TYPES = List.of(RETAIL_PRICE_TYPE, CROSSED_OUT_PRICE_TYPE, MINIMUM_PRICE_TYPE);

    /** {@code SandboxData.guid("price-type", "Розничная")}: the price a marketplace sells at. */
    public static final String RETAIL_PRICE_TYPE_REF = priceTypeRef(RETAIL_PRICE_TYPE);
    /** {@code SandboxData.guid("price-type", "Цена до скидки")}: the crossed-out (before-discount) price. */
    public static final String CROSSED_OUT_PRICE_TYPE_REF = priceTypeRef(CROSSED_OUT_PRICE_TYPE);
    /** {@code SandboxData.guid("price-type", "Минимальная")}: the minimum price. */
    public static final String MINIMUM_PRICE_TYPE_REF = priceTypeRef(MINIMUM_PRICE_TYPE);

    /** The Period of the current price records. */
    public static final String PRICE_PERIOD = "2026-10-01T00:00:00";
    /** The Period of the older Розничная records (SliceLast before {@link #PRICE_PERIOD} shows them). */
    public static final String PREVIOUS_PRICE_PERIOD = "2026-09-01T00:00:00";

    /** The Period of the bulk items' Розничная records. */
    public static final String BULK_PRICE_PERIOD = PRICE_PERIOD;

    static final String STOCK_UNF = "AccumulationRegister_ЗапасыНаСкладах";
    static final String STOCK_UT = "AccumulationRegister_ТоварыНаСкладах";
    static final String NEEDS_UT = "AccumulationRegister_ЗапасыИПотребности";
    static final String PRICES = "InformationRegister_ЦеныНоменклатуры";
    /** УТ 11.5 / КА 2.5 only: the register of a base on "Ценообразование 2.5" (УНФ has none). */
    static final String PRICES_25 = "InformationRegister_ЦеныНоменклатуры25";

    private final OneCEmulator.Configuration configuration;
    private final MetadataCatalog metadata;
    private final OneCStore store;
    private final RegisterTables registers;
    private final Map<String, Optional<RegisterTables.Table>> tables = new HashMap<>();

    OneCStockSeed(OneCEmulator.Configuration configuration, MetadataCatalog metadata, OneCStore store,
                  RegisterTables registers) {
        this.configuration = configuration;
        this.metadata = metadata;
        this.store = store;
        this.registers = registers;
    }

    // ---- the rules (public: tests and flows compute expectations from them) -------------------------------------

    /** The ref of a seeded price type by name: {@code SandboxData.guid("price-type", name)}. */
    public static String priceTypeRef(String name) {
        return SandboxData.guid("price-type", name);
    }

    /** In stock of {@code ITEMS[itemIndex]} on {@code WAREHOUSES[warehouseIndex]}: {@code (i·7 + w·3) mod 23}. */
    public static int quantity(int itemIndex, int warehouseIndex) {
        return (itemIndex * 7 + warehouseIndex * 3) % 23;
    }

    /**
     * УТ/КА: reserved (РезервироватьНаСкладе in ЗапасыИПотребности, КОтгрузке in ТоварыНаСкладах) of
     * {@code ITEMS[itemIndex]} on {@code WAREHOUSES[warehouseIndex]}: {@code min(2, quantity)} for items 1, 5, 9, …
     * ({@code i mod 4 = 1}) on the first warehouse, otherwise 0. Free stock = quantity − reserve.
     */
    public static int reserve(int itemIndex, int warehouseIndex) {
        return itemIndex % 4 == 1 && warehouseIndex == 0 ? Math.min(2, quantity(itemIndex, warehouseIndex)) : 0;
    }

    /** Розничная: the item's {@code price}. */
    public static BigDecimal retailPrice(SandboxData.Item item) {
        return item.price();
    }

    /** Цена до скидки: price × 1.25, rounded half-up to whole rubles. */
    public static BigDecimal crossedOutPrice(SandboxData.Item item) {
        return item.price().multiply(new BigDecimal("1.25")).setScale(0, RoundingMode.HALF_UP);
    }

    /** Минимальная: price × 0.8, rounded half-up to kopecks. */
    public static BigDecimal minimumPrice(SandboxData.Item item) {
        return item.price().multiply(new BigDecimal("0.8")).setScale(2, RoundingMode.HALF_UP);
    }

    /** The older Розничная (at {@link #PREVIOUS_PRICE_PERIOD}): price × 0.9, rounded half-up to whole rubles. */
    public static BigDecimal previousRetailPrice(SandboxData.Item item) {
        return item.price().multiply(new BigDecimal("0.9")).setScale(0, RoundingMode.HALF_UP);
    }

    /** The current price of an item by price-type name (one of {@link #PRICE_TYPES}). */
    public static BigDecimal price(String priceType, SandboxData.Item item) {
        return switch (priceType) {
            case RETAIL_PRICE_TYPE -> retailPrice(item);
            case CROSSED_OUT_PRICE_TYPE -> crossedOutPrice(item);
            case MINIMUM_PRICE_TYPE -> minimumPrice(item);
            default -> throw new IllegalArgumentException("no seeded price type " + priceType);
        };
    }

    /** The ref of bulk item {@code i}: {@code SandboxData.guid("bulk-item", String.valueOf(i))}. */
    public static String bulkItemRef(int itemIndex) {
        return nameUuid(BULK_PREFIX, String.valueOf(itemIndex), md5());
    }

    private static final byte[] BULK_PREFIX = "mp1c-sandbox:bulk-item:".getBytes(StandardCharsets.UTF_8);

    /** {@code UUID.nameUUIDFromBytes(prefix + key)} (= {@link SandboxData#guid}) with a reusable digest: 100,000 fast. */
    private static String nameUuid(byte[] prefix, String key, MessageDigest md5) {
        md5.reset();
        md5.update(prefix);
        byte[] hash = md5.digest(key.getBytes(StandardCharsets.UTF_8));
        hash[6] &= 0x0f;
        hash[6] |= 0x30; // version 3
        hash[8] &= 0x3f;
        hash[8] |= (byte) 0x80; // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (hash[i] & 0xff);
            least = (least << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(most, least).toString();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In stock of bulk item {@code i} on warehouse {@code w}: {@code 1 + (i·7 + w·3) mod 23} — never zero. */
    public static int bulkQuantity(int itemIndex, int warehouseIndex) {
        return 1 + quantity(itemIndex, warehouseIndex);
    }

    /** Розничная of bulk item {@code i}: {@code 100.00 + ((i·37) mod 90000) kopecks}, i.e. 100.00 … 999.99. */
    public static BigDecimal bulkRetailPrice(int itemIndex) {
        return BigDecimal.valueOf(10_000L + (itemIndex * 37L) % 90_000L, 2);
    }

    // ---- seeding ------------------------------------------------------------------------------------------------

    void seed() {
        OneCSeed catalogs = new OneCSeed(configuration, metadata, store);
        for (String name : PRICE_TYPES) {
            catalogs.put("Catalog_ВидыЦен", priceTypeRef(name), OneCSeed.values(
                    "Description", name,
                    "ВалютаЦены_Key", SandboxData.RUBLE_REF,
                    "ЦенаВключаетНДС", true));
        }
        List<SandboxData.Item> items = SandboxData.ITEMS;
        Map<RegisterTables.Table, List<JsonNode[]>> batch = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            SandboxData.Item item = items.get(i);
            for (int w = 0; w < SandboxData.WAREHOUSES.size(); w++) {
                stock(batch, item.nomenclatureRef(), item.characteristicRef(), w, quantity(i, w), reserve(i, w));
            }
            price(batch, item.nomenclatureRef(), item.characteristicRef(), RETAIL_PRICE_TYPE_REF,
                    PREVIOUS_PRICE_PERIOD, previousRetailPrice(item));
            for (String type : PRICE_TYPES) {
                price(batch, item.nomenclatureRef(), item.characteristicRef(), priceTypeRef(type), PRICE_PERIOD,
                        price(type, item));
            }
        }
        write(batch);
    }

    /**
     * Makes this base one on "Ценообразование 2.5": every seeded price record moves from {@code ЦеныНоменклатуры} to
     * {@code ЦеныНоменклатуры25}, same Period, price type and price, the item's characteristic as
     * {@code ХарактеристикаЦО}. Fails on УНФ, whose metadata has no such register.
     */
    void moveToPricing25() {
        RegisterTables.Table target = register(PRICES_25).orElseThrow(() -> new IllegalStateException(
                configuration + " has no register ЦеныНоменклатуры25 (УТ 11.5 and КА 2.5 have it, УНФ does not)"));
        register(PRICES).ifPresent(RegisterTables.Table::clear);
        Map<RegisterTables.Table, List<JsonNode[]>> batch = new LinkedHashMap<>();
        for (SandboxData.Item item : SandboxData.ITEMS) {
            price25(batch, target, item.nomenclatureRef(), item.characteristicRef(), RETAIL_PRICE_TYPE_REF,
                    PREVIOUS_PRICE_PERIOD, previousRetailPrice(item));
            for (String type : PRICE_TYPES) {
                price25(batch, target, item.nomenclatureRef(), item.characteristicRef(), priceTypeRef(type),
                        PRICE_PERIOD, price(type, item));
            }
        }
        write(batch);
    }

    private static void price25(Map<RegisterTables.Table, List<JsonNode[]>> batch, RegisterTables.Table table,
                                String nomenclatureRef, String characteristicRef, String priceTypeRef, String period,
                                BigDecimal price) {
        add(batch, table, table.record()
                .set("Period", period)
                .set("Номенклатура_Key", nomenclatureRef)
                .set("ХарактеристикаЦО_Key", characteristicRef)
                .set("ВидЦены_Key", priceTypeRef)
                .set("Цена", price)
                .set("Валюта_Key", SandboxData.RUBLE_REF));
    }

    /**
     * Adds {@code items} synthetic nomenclature items ({@link #bulkItemRef(int)}) in Catalog_Номенклатура (compact
     * objects: Ref_Key, DataVersion, DeletionMark, Code "BK-00000001"…, Description, Артикул "BULK-1"…), with a balance
     * of {@link #bulkQuantity(int, int)} on each of the first {@code warehouses} sandbox warehouses and a Розничная
     * price {@link #bulkRetailPrice(int)}. Calling it again with the same numbers changes nothing.
     */
    void seedBulk(int items, int warehouses) {
        if (items < 0 || warehouses < 0 || warehouses > SandboxData.WAREHOUSES.size()) {
            throw new IllegalArgumentException("items >= 0 and 0 <= warehouses <= " + SandboxData.WAREHOUSES.size());
        }
        MessageDigest md5 = md5();
        String[] refs = new String[items];
        for (int i = 0; i < items; i++) {
            refs[i] = nameUuid(BULK_PREFIX, String.valueOf(i), md5);
        }
        bulkCatalogItems(refs);
        // rows are written in dimension order (items by ref, warehouses by ref), so the registers' sorted views are
        // built by a linear pass instead of a sort of 200,000 rows
        int[] byRef = sortedByRef(refs);
        List<Integer> warehouseOrder = new ArrayList<>();
        for (int w = 0; w < warehouses; w++) {
            warehouseOrder.add(w);
        }
        warehouseOrder.sort((a, b) -> SandboxData.WAREHOUSES.get(a).ref().compareTo(SandboxData.WAREHOUSES.get(b).ref()));
        Map<RegisterTables.Table, List<JsonNode[]>> batch = new LinkedHashMap<>();
        for (int i : byRef) {
            for (int w : warehouseOrder) {
                stock(batch, refs[i], null, w, bulkQuantity(i, w), 0);
            }
            price(batch, refs[i], null, RETAIL_PRICE_TYPE_REF, BULK_PRICE_PERIOD, bulkRetailPrice(i));
        }
        write(batch);
    }

    /** Item indexes in the order of their refs. */
    private static int[] sortedByRef(String[] refs) {
        record Keyed(String ref, int index) {
        }
        Keyed[] keyed = new Keyed[refs.length];
        for (int i = 0; i < refs.length; i++) {
            keyed[i] = new Keyed(refs[i], i);
        }
        java.util.Arrays.sort(keyed, (a, b) -> a.ref().compareTo(b.ref()));
        int[] order = new int[refs.length];
        for (int i = 0; i < refs.length; i++) {
            order[i] = keyed[i].index();
        }
        return order;
    }

    /** Writes the collected records, one sorted view per register; sorts now so the first read page is fast. */
    private static void write(Map<RegisterTables.Table, List<JsonNode[]>> batch) {
        batch.forEach((table, records) -> {
            if (table.register().kind() == Register.Kind.ACCUMULATION) {
                table.putBalances(records);
            } else {
                table.putRecords(records);
            }
            table.prepare();
        });
    }

    private void bulkCatalogItems(String[] refs) {
        int items = refs.length;
        var found = metadata.entitySet("Catalog_Номенклатура");
        if (found.isEmpty()) {
            return;
        }
        EntitySet set = found.get();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        TextNode version = TextNode.valueOf(OneCStore.dataVersion(1));
        boolean code = set.property("Code").isPresent();
        boolean article = set.property("Артикул").isPresent();
        List<ObjectNode> objects = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            ObjectNode object = nodes.objectNode();
            object.put("Ref_Key", refs[i]);
            object.set("DataVersion", version);
            object.set("DeletionMark", BooleanNode.FALSE);
            if (code) {
                String number = Integer.toString(i + 1);
                object.put("Code", "BK-" + "00000000".substring(Math.min(8, number.length())) + number);
            }
            object.put("Description", "Товар " + (i + 1));
            if (article) {
                object.put("Артикул", "BULK-" + (i + 1));
            }
            objects.add(object);
        }
        store.insertAll(set, objects);
    }

    private void stock(Map<RegisterTables.Table, List<JsonNode[]>> batch, String nomenclatureRef,
                       String characteristicRef, int warehouseIndex, int quantity, int reserve) {
        SandboxData.Warehouse warehouse = SandboxData.WAREHOUSES.get(warehouseIndex);
        if (configuration == OneCEmulator.Configuration.UNF) {
            register(STOCK_UNF).ifPresent(table -> add(batch, table, table.record()
                    .set("Организация_Key", warehouse == SandboxData.VASILKOV_WAREHOUSE
                            ? SandboxData.VASILKOV.ref() : SandboxData.ROMASHKA.ref())
                    .set("Номенклатура_Key", nomenclatureRef)
                    .set("Характеристика_Key", characteristicRef)
                    .set("СтруктурнаяЕдиница_Key", warehouse.ref())
                    .set("Количество", quantity)));
            return;
        }
        register(STOCK_UT).ifPresent(table -> add(batch, table, table.record()
                .set("Номенклатура_Key", nomenclatureRef)
                .set("Характеристика_Key", characteristicRef)
                .set("Склад_Key", warehouse.ref())
                .set("ВНаличии", quantity)
                .set("КОтгрузке", reserve)));
        register(NEEDS_UT).ifPresent(table -> add(batch, table, table.record()
                .set("Номенклатура_Key", nomenclatureRef)
                .set("Характеристика_Key", characteristicRef)
                .set("Склад", warehouse.ref())
                .set("Склад_Type", "StandardODATA.Catalog_Склады")
                .set("ВНаличии", quantity)
                .set("РезервироватьНаСкладе", reserve)));
    }

    private void price(Map<RegisterTables.Table, List<JsonNode[]>> batch, String nomenclatureRef,
                       String characteristicRef, String priceTypeRef, String period, BigDecimal price) {
        register(PRICES).ifPresent(table -> add(batch, table, table.record()
                .set("Period", period)
                .set("Номенклатура_Key", nomenclatureRef)
                .set("Характеристика_Key", characteristicRef)
                .setIfPresent("ВидЦен_Key", priceTypeRef)   // УНФ
                .setIfPresent("ВидЦены_Key", priceTypeRef)  // УТ, КА
                .set("Цена", price)
                .setIfPresent("Актуальность", true)
                .setIfPresent("ВалютаЦены_Key", SandboxData.RUBLE_REF)
                .setIfPresent("Валюта_Key", SandboxData.RUBLE_REF)));
    }

    private static void add(Map<RegisterTables.Table, List<JsonNode[]>> batch, RegisterTables.Table table,
                            RegisterTables.RecordBuilder record) {
        batch.computeIfAbsent(table, t -> new ArrayList<>()).add(record.cells());
    }

    private Optional<RegisterTables.Table> register(String name) {
        return tables.computeIfAbsent(name, n -> metadata.register(n).map(registers::table));
    }
}
