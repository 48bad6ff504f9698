package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator.Configuration;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static io.github.marketplace1c.sandbox.onec.ODataTestClient.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The stock and price registers' virtual tables over real HTTP: shapes per configuration, Condition, paging, errors. */
class OneCRegistersTest {

    private static final String EMPTY = Property.EMPTY_REF;
    private static final String MAIN = SandboxData.MAIN_WAREHOUSE.ref();
    private static final String KAZAN = SandboxData.KAZAN_WAREHOUSE.ref();
    private static final List<SandboxData.Item> ITEMS = SandboxData.ITEMS;
    private static final List<SandboxData.Warehouse> WAREHOUSES = SandboxData.WAREHOUSES;

    private static Vertx vertx;
    private OneCEmulator emulator;
    private ODataTestClient client;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private void start(Configuration configuration) {
        emulator = new OneCEmulator(vertx, configuration, true).start("127.0.0.1", 0);
        client = new ODataTestClient(emulator.baseUrl());
    }

    private static String stockRegister(Configuration configuration) {
        return configuration == Configuration.UNF ? "AccumulationRegister_ЗапасыНаСкладах"
                : "AccumulationRegister_ТоварыНаСкладах";
    }

    private static String warehouseField(Configuration configuration) {
        return configuration == Configuration.UNF ? "СтруктурнаяЕдиница_Key" : "Склад_Key";
    }

    private static String priceRegister(Configuration configuration) {
        return configuration == Configuration.UNF ? "InformationRegister_ЦеныНоменклатуры"
                : "InformationRegister_ЦеныНоменклатуры_RecordType";
    }

    private static String priceTypeField(Configuration configuration) {
        return configuration == Configuration.UNF ? "ВидЦен_Key" : "ВидЦены_Key";
    }

    private static List<JsonNode> rows(ODataTestClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return StreamSupport.stream(response.json().path("value").spliterator(), false).toList();
    }

    private static Set<String> keys(JsonNode row) {
        Set<String> keys = new LinkedHashSet<>();
        row.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String characteristic(SandboxData.Item item) {
        return item.characteristicRef() == null ? EMPTY : item.characteristicRef();
    }

    /** Expected non-zero seeded balances: "nomenclature|characteristic|warehouse" → quantity. */
    private static Map<String, Integer> seededQuantities() {
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            for (int w = 0; w < WAREHOUSES.size(); w++) {
                if (OneCStockSeed.quantity(i, w) != 0) {
                    expected.put(ITEMS.get(i).nomenclatureRef() + "|" + characteristic(ITEMS.get(i)) + "|"
                            + WAREHOUSES.get(w).ref(), OneCStockSeed.quantity(i, w));
                }
            }
        }
        return expected;
    }

    // ---- metadata ------------------------------------------------------------------------------------------------

    @Test
    void registersComeFromTheMetadataFiles() {
        MetadataCatalog ut = MetadataCatalog.forConfiguration(Configuration.UT);
        Register stock = ut.register("AccumulationRegister_ТоварыНаСкладах").orElseThrow();
        assertThat(stock.isBalance()).isTrue();
        assertThat(stock.dimensions()).extracting(Property::name).containsExactly("Номенклатура_Key",
                "Характеристика_Key", "Назначение_Key", "Склад_Key", "Помещение_Key", "Серия_Key");
        assertThat(stock.resources()).extracting(Property::name).containsExactly("ВНаличии", "КОтгрузке");
        Register utPrices = ut.register("InformationRegister_ЦеныНоменклатуры").orElseThrow();
        assertThat(utPrices.isPeriodic()).isTrue();
        assertThat(utPrices.isRecorderSubordinate()).isTrue();
        assertThat(utPrices.virtualTables()).containsExactly("SliceLast", "SliceFirst");
        Register unfPrices = MetadataCatalog.forConfiguration(Configuration.UNF)
                .register("InformationRegister_ЦеныНоменклатуры").orElseThrow();
        assertThat(unfPrices.isRecorderSubordinate()).isFalse();
        assertThat(ut.register("InformationRegister_ШтрихкодыНоменклатуры").orElseThrow().virtualTables()).isEmpty();
        assertThat(OneCStockSeed.bulkItemRef(77)).isEqualTo(SandboxData.guid("bulk-item", "77"));
        assertThat(OneCStockSeed.RETAIL_PRICE_TYPE_REF).isEqualTo(SandboxData.guid("price-type", "Розничная"));
    }

    // ---- Balance shapes -------------------------------------------------------------------------------------------

    @Test
    void unfStockBalanceHasTheRegisterShape() throws Exception {
        start(Configuration.UNF);
        var response = client.get("AccumulationRegister_ЗапасыНаСкладах/Balance");
        List<JsonNode> rows = rows(response);
        assertThat(response.json().path("odata.metadata").asText())
                .endsWith("$metadata#Collection(StandardODATA.AccumulationRegister_ЗапасыНаСкладах_Balance)");
        assertThat(keys(rows.get(0))).containsExactly("Организация_Key", "Номенклатура_Key", "Характеристика_Key",
                "Партия_Key", "СтруктурнаяЕдиница_Key", "Ячейка_Key", "КоличествоBalance", "КоличествоИнтBalance");

        Map<String, Integer> served = new HashMap<>();
        for (JsonNode row : rows) {
            served.put(row.path("Номенклатура_Key").asText() + "|" + row.path("Характеристика_Key").asText() + "|"
                    + row.path("СтруктурнаяЕдиница_Key").asText(), row.path("КоличествоBalance").asInt());
            String organization = row.path("СтруктурнаяЕдиница_Key").asText().equals(SandboxData.VASILKOV_WAREHOUSE.ref())
                    ? SandboxData.VASILKOV.ref() : SandboxData.ROMASHKA.ref();
            assertThat(row.path("Организация_Key").asText()).isEqualTo(organization);
            assertThat(row.path("Партия_Key").asText()).isEqualTo(EMPTY);
            assertThat(row.path("КоличествоBalance").isIntegralNumber()).isTrue();
        }
        assertThat(served).isEqualTo(seededQuantities());
    }

    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UT", "KA"})
    void utStockBalanceHasInStockAndToShip(Configuration configuration) throws Exception {
        start(configuration);
        List<JsonNode> rows = rows(client.get("AccumulationRegister_ТоварыНаСкладах/Balance"));
        assertThat(keys(rows.get(0))).containsExactly("Номенклатура_Key", "Характеристика_Key", "Назначение_Key",
                "Склад_Key", "Помещение_Key", "Серия_Key", "ВНаличииBalance", "КОтгрузкеBalance");
        Map<String, Integer> served = new HashMap<>();
        for (JsonNode row : rows) {
            served.put(row.path("Номенклатура_Key").asText() + "|" + row.path("Характеристика_Key").asText() + "|"
                    + row.path("Склад_Key").asText(), row.path("ВНаличииBalance").asInt());
        }
        assertThat(served).isEqualTo(seededQuantities());

        // item 1 on the main warehouse: 7 in stock, 2 reserved
        JsonNode green = rows.stream().filter(r -> r.path("Номенклатура_Key").asText().equals(ITEMS.get(1).nomenclatureRef())
                && r.path("Склад_Key").asText().equals(MAIN)).findFirst().orElseThrow();
        assertThat(green.path("ВНаличииBalance").asInt()).isEqualTo(OneCStockSeed.quantity(1, 0)).isEqualTo(7);
        assertThat(green.path("КОтгрузкеBalance").asInt()).isEqualTo(OneCStockSeed.reserve(1, 0)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UT", "KA"})
    void utNeedsBalanceGivesFreeStock(Configuration configuration) throws Exception {
        start(configuration);
        List<JsonNode> rows = rows(client.get("AccumulationRegister_ЗапасыИПотребности/Balance"));
        assertThat(keys(rows.get(0))).containsExactly("Номенклатура_Key", "Характеристика_Key", "Склад", "Склад_Type",
                "Назначение_Key", "Заказ", "Заказ_Type", "ДатаСобытия",
                "ВНаличииBalance", "ПоступитBalance", "ЗаказаноBalance", "РезервироватьНаСкладеBalance",
                "РезервироватьПоМереПоступленияBalance", "ОтложитьРезервированиеBalance", "КОбеспечениюBalance",
                "НеОбеспечиватьBalance");
        assertThat(rows).hasSize(seededQuantities().size());
        for (JsonNode row : rows) {
            assertThat(row.path("Склад_Type").asText()).isEqualTo("StandardODATA.Catalog_Склады");
            assertThat(row.path("Заказ_Type").asText()).isEqualTo(Property.UNDEFINED_TYPE);
            assertThat(row.path("ДатаСобытия").asText()).isEqualTo(Property.EMPTY_DATE);
        }
        // free stock per §4.1: ВНаличии − РезервироватьНаСкладе − РезервироватьПоМереПоступления
        var reserved = rows(client.get("AccumulationRegister_ЗапасыИПотребности/Balance",
                query("Condition", "Склад eq guid'" + MAIN + "' and Номенклатура_Key eq guid'"
                        + ITEMS.get(5).nomenclatureRef() + "' and Характеристика_Key eq guid'"
                        + ITEMS.get(5).characteristicRef() + "'")));
        assertThat(reserved).hasSize(1);
        JsonNode row = reserved.get(0);
        assertThat(row.path("ВНаличииBalance").asInt()).isEqualTo(OneCStockSeed.quantity(5, 0));
        assertThat(row.path("РезервироватьНаСкладеBalance").asInt()).isEqualTo(OneCStockSeed.reserve(5, 0)).isEqualTo(2);
        // the composite warehouse also filters through cast(…)
        assertThat(rows(client.get("AccumulationRegister_ЗапасыИПотребности/Balance",
                query("Condition", "Склад eq cast(guid'" + MAIN + "', 'Catalog_Склады')"))))
                .hasSize((int) seededQuantities().keySet().stream().filter(k -> k.endsWith(MAIN)).count());
    }

    // ---- SliceLast shapes -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void pricesSliceLastHasTheRegisterShapeAndSeededPrices(Configuration configuration) throws Exception {
        start(configuration);
        var response = client.get(priceRegister(configuration) + "/SliceLast");
        List<JsonNode> rows = rows(response);
        if (configuration == Configuration.UNF) {
            assertThat(keys(rows.get(0))).containsExactly("Period", "ВидЦен_Key", "Номенклатура_Key",
                    "Характеристика_Key", "Цена", "Актуальность", "ЕдиницаИзмерения", "ЕдиницаИзмерения_Type",
                    "ВалютаЦены_Key");
        } else {
            assertThat(keys(rows.get(0))).containsExactly("Period", "Номенклатура_Key", "Характеристика_Key",
                    "ВидЦены_Key", "Цена", "Упаковка_Key", "Валюта_Key");
        }
        assertThat(rows).hasSize(ITEMS.size() * 3);
        String typeField = priceTypeField(configuration);
        for (SandboxData.Item item : ITEMS) {
            for (String type : OneCStockSeed.PRICE_TYPES) {
                JsonNode row = rows.stream().filter(r -> r.path("Номенклатура_Key").asText().equals(item.nomenclatureRef())
                        && r.path("Характеристика_Key").asText().equals(characteristic(item))
                        && r.path(typeField).asText().equals(OneCStockSeed.priceTypeRef(type))).findFirst().orElseThrow();
                assertThat(row.path("Цена").decimalValue()).isEqualByComparingTo(OneCStockSeed.price(type, item));
                assertThat(row.path("Period").asText()).isEqualTo(OneCStockSeed.PRICE_PERIOD);
            }
        }
        // the rules: 349.00 → 436 before discount, 279.20 minimum
        assertThat(OneCStockSeed.crossedOutPrice(ITEMS.get(0))).isEqualByComparingTo("436");
        assertThat(OneCStockSeed.minimumPrice(ITEMS.get(0))).isEqualByComparingTo("279.20");

        // price types are in the catalog
        JsonNode types = client.get("Catalog_ВидыЦен").json().path("value");
        assertThat(types).extracting(t -> t.path("Description").asText())
                .containsExactlyInAnyOrder("Розничная", "Цена до скидки", "Минимальная");
        assertThat(types).extracting(t -> t.path("Ref_Key").asText()).contains(OneCStockSeed.RETAIL_PRICE_TYPE_REF,
                OneCStockSeed.CROSSED_OUT_PRICE_TYPE_REF, OneCStockSeed.MINIMUM_PRICE_TYPE_REF);
    }

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void sliceLastAtAnEarlierPeriodShowsTheOlderRecord(Configuration configuration) throws Exception {
        start(configuration);
        String register = priceRegister(configuration);
        List<JsonNode> september = rows(client.get(register + "/SliceLast(Period=datetime'2026-09-15T00:00:00')"));
        assertThat(september).hasSize(ITEMS.size());
        assertThat(september).allSatisfy(r -> {
            assertThat(r.path(priceTypeField(configuration)).asText()).isEqualTo(OneCStockSeed.RETAIL_PRICE_TYPE_REF);
            assertThat(r.path("Period").asText()).isEqualTo(OneCStockSeed.PREVIOUS_PRICE_PERIOD);
        });
        JsonNode tea = september.stream().filter(r -> r.path("Номенклатура_Key").asText()
                .equals(ITEMS.get(0).nomenclatureRef())).findFirst().orElseThrow();
        assertThat(tea.path("Цена").decimalValue()).isEqualByComparingTo(OneCStockSeed.previousRetailPrice(ITEMS.get(0)));

        assertThat(rows(client.get(register + "/SliceLast", query("Period", "datetime'2026-08-01T00:00:00'")))).isEmpty();
        assertThat(rows(client.get(register + "/SliceLast", query("Period", "datetime'2026-12-31T23:59:59'"))))
                .hasSize(ITEMS.size() * 3);
        // SliceFirst: the earliest record per item and type
        assertThat(rows(client.get(register + "/SliceFirst"))).filteredOn(r -> r.path(priceTypeField(configuration))
                .asText().equals(OneCStockSeed.RETAIL_PRICE_TYPE_REF))
                .allSatisfy(r -> assertThat(r.path("Period").asText()).isEqualTo(OneCStockSeed.PREVIOUS_PRICE_PERIOD));
    }

    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UT", "KA"})
    void subordinatePriceRegisterAnswersWithAndWithoutRecordType(Configuration configuration) throws Exception {
        start(configuration);
        var with = client.get("InformationRegister_ЦеныНоменклатуры_RecordType/SliceLast").json().path("value");
        var without = client.get("InformationRegister_ЦеныНоменклатуры/SliceLast").json().path("value");
        assertThat(with.size()).isEqualTo(ITEMS.size() * 3);
        assertThat(without).isEqualTo(with);
    }

    /** УТ/КА's "Ценообразование 2.5" register, as the metadata has it; a seeded base moved to it. */
    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UT", "KA"})
    void pricing25RegisterHasItsDimensionsAndSliceLastAndHoldsThePricesOfABaseMovedToIt(Configuration configuration)
            throws Exception {
        Register register = MetadataCatalog.forConfiguration(configuration)
                .register("InformationRegister_ЦеныНоменклатуры25").orElseThrow();
        assertThat(register.dimensions()).extracting(Property::name).containsExactly("Номенклатура_Key",
                "ХарактеристикаЦО_Key", "СерияЦО_Key", "УпаковкаЦО_Key", "ВидЦены_Key");
        assertThat(register.resources()).extracting(Property::name).contains("Цена", "Упаковка_Key", "Валюта_Key");
        assertThat(register.isRecorderSubordinate()).isTrue();
        assertThat(register.virtualTables()).contains("SliceLast");
        start(configuration);
        String table = "InformationRegister_ЦеныНоменклатуры25_RecordType/SliceLast";
        assertThat(rows(client.get(table))).as("a base on the classic register").isEmpty();

        emulator.moveToPricing25();

        assertThat(rows(client.get("InformationRegister_ЦеныНоменклатуры_RecordType/SliceLast"))).isEmpty();
        List<JsonNode> retail = rows(client.get(table, query("Condition",
                "ВидЦены_Key eq guid'" + OneCStockSeed.RETAIL_PRICE_TYPE_REF + "'")));
        assertThat(retail).hasSize(ITEMS.size());
        for (SandboxData.Item item : ITEMS) {
            JsonNode row = retail.stream().filter(r -> r.path("Номенклатура_Key").asText().equals(item.nomenclatureRef())
                    && r.path("ХарактеристикаЦО_Key").asText().equals(characteristic(item))).findFirst().orElseThrow();
            assertThat(row.path("Цена").decimalValue()).isEqualByComparingTo(OneCStockSeed.retailPrice(item));
            assertThat(row.path("УпаковкаЦО_Key").asText()).isEqualTo(EMPTY);
            assertThat(row.path("Period").asText()).isEqualTo(OneCStockSeed.PRICE_PERIOD);
        }
        assertThat(keys(retail.get(0))).doesNotContain("Характеристика_Key");
    }

    @Test
    void unfHasNoPricing25RegisterAndAsksForItFailAsInARealBase() throws Exception {
        assertThat(MetadataCatalog.forConfiguration(Configuration.UNF).register("InformationRegister_ЦеныНоменклатуры25"))
                .isEmpty();
        start(Configuration.UNF);
        for (String name : List.of("InformationRegister_ЦеныНоменклатуры25_RecordType/SliceLast",
                "InformationRegister_ЦеныНоменклатуры25/SliceLast")) {
            var response = client.get(name);
            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("6");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(emulator::moveToPricing25)
                .hasMessageContaining("ЦеныНоменклатуры25");
    }

    @Test
    void independentPriceRegisterHasNoRecordTypeSet() throws Exception {
        start(Configuration.UNF);
        var response = client.get("InformationRegister_ЦеныНоменклатуры_RecordType/SliceLast");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("6");
    }

    // ---- Condition ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void conditionByWarehouseInEveryForm(Configuration configuration) throws Exception {
        start(configuration);
        String register = stockRegister(configuration);
        String field = warehouseField(configuration);
        String condition = field + " eq guid'" + KAZAN + "'";
        long expected = seededQuantities().keySet().stream().filter(k -> k.endsWith(KAZAN)).count();

        List<JsonNode> queryForm = rows(client.get(register + "/Balance", query("Condition", condition),
                query("Period", "datetime'2026-11-27T23:59:59'")));
        List<JsonNode> escaped = rows(client.get(register + "/Balance(Period=datetime'2026-11-27T23:59:59',Condition='"
                + condition.replace("'", "''") + "')"));
        List<JsonNode> plainQuotes = rows(client.get(register + "/Balance(Condition='" + condition + "')"));
        // every character percent-encoded, as URLEncoder-happy clients send it
        List<JsonNode> encoded = rows(client.raw("GET", emulator.baseUrl() + "/odata/standard.odata/"
                + java.net.URLEncoder.encode(register, java.nio.charset.StandardCharsets.UTF_8) + "/Balance(Condition="
                + java.net.URLEncoder.encode("'" + condition.replace("'", "''") + "'",
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + ")?$format=json", null));

        assertThat(queryForm).hasSize((int) expected).allSatisfy(r -> assertThat(r.path(field).asText()).isEqualTo(KAZAN));
        assertThat(escaped).isEqualTo(queryForm);
        assertThat(plainQuotes).isEqualTo(queryForm);
        assertThat(encoded).isEqualTo(queryForm);

        // or over one dimension, and a condition no index answers alone
        List<JsonNode> two = rows(client.get(register + "/Balance", query("Condition",
                "(" + field + " eq guid'" + KAZAN + "' or " + field + " eq guid'" + MAIN + "')")));
        assertThat(two).hasSize((int) seededQuantities().keySet().stream()
                .filter(k -> k.endsWith(KAZAN) || k.endsWith(MAIN)).count());
        List<JsonNode> notKazan = rows(client.get(register + "/Balance", query("Condition", "not (" + condition + ")")));
        assertThat(notKazan).hasSize(seededQuantities().size() - (int) expected);
    }

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void conditionByPriceTypeInBothForms(Configuration configuration) throws Exception {
        start(configuration);
        String register = priceRegister(configuration);
        String condition = priceTypeField(configuration) + " eq guid'" + OneCStockSeed.CROSSED_OUT_PRICE_TYPE_REF + "'";
        List<JsonNode> queryForm = rows(client.get(register + "/SliceLast", query("Condition", condition)));
        List<JsonNode> parenthesised = rows(client.get(register + "/SliceLast(Period=datetime'2026-11-27T00:00:00',"
                + "Condition='" + condition.replace("'", "''") + "')"));
        assertThat(queryForm).hasSize(ITEMS.size());
        assertThat(parenthesised).isEqualTo(queryForm);
        assertThat(queryForm).allSatisfy(r -> assertThat(r.path("Цена").decimalValue()).isEqualByComparingTo(
                OneCStockSeed.crossedOutPrice(ITEMS.stream().filter(i -> i.nomenclatureRef()
                        .equals(r.path("Номенклатура_Key").asText()) && characteristic(i)
                        .equals(r.path("Характеристика_Key").asText())).findFirst().orElseThrow())));
    }

    // ---- paging, $select, zero rows -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void pagingReturnsEveryRowOnceInDimensionOrder(Configuration configuration) throws Exception {
        start(configuration);
        String register = stockRegister(configuration);
        List<JsonNode> all = rows(client.get(register + "/Balance"));
        List<JsonNode> paged = new ArrayList<>();
        for (int skip = 0; ; skip += 5) {
            var response = client.get(register + "/Balance", query("$top", "5"), query("$skip", String.valueOf(skip)),
                    query("$inlinecount", "allpages"));
            assertThat(response.json().path("odata.count").isTextual()).isTrue();
            assertThat(response.json().path("odata.count").asText()).isEqualTo(String.valueOf(all.size()));
            List<JsonNode> page = rows(response);
            paged.addAll(page);
            if (page.size() < 5) {
                break;
            }
        }
        assertThat(paged).isEqualTo(all);

        // $select keeps the type's order; paging with a Condition too
        String field = warehouseField(configuration);
        List<JsonNode> selected = rows(client.get(register + "/Balance", query("$select", "КоличествоBalance,"
                .replace("Количество", configuration == Configuration.UNF ? "Количество" : "ВНаличии") + "Номенклатура_Key"),
                query("Condition", field + " eq guid'" + MAIN + "'"), query("$top", "3"), query("$skip", "2")));
        assertThat(selected).hasSize(3);
        assertThat(keys(selected.get(0))).containsExactly("Номенклатура_Key",
                configuration == Configuration.UNF ? "КоличествоBalance" : "ВНаличииBalance");
    }

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void zeroBalancesAreNotReturned(Configuration configuration) throws Exception {
        start(configuration);
        assertThat(OneCStockSeed.quantity(0, 0)).isZero();
        String register = stockRegister(configuration);
        String field = warehouseField(configuration);
        String tea = ITEMS.get(0).nomenclatureRef();
        String condition = "Номенклатура_Key eq guid'" + tea + "' and " + field + " eq guid'" + MAIN + "'";
        assertThat(rows(client.get(register + "/Balance", query("Condition", condition)))).isEmpty();

        String quantity = configuration == Configuration.UNF ? "Количество" : "ВНаличии";
        emulator.putBalance(register, Map.of("Номенклатура_Key", tea, field, MAIN, quantity, 4));
        List<JsonNode> one = rows(client.get(register + "/Balance", query("Condition", condition)));
        assertThat(one).hasSize(1);
        assertThat(one.get(0).path(quantity + "Balance").asInt()).isEqualTo(4);

        emulator.putBalance(register, Map.of("Номенклатура_Key", tea, field, MAIN, quantity, 0));
        assertThat(rows(client.get(register + "/Balance", query("Condition", condition)))).isEmpty();
    }

    // ---- errors and faults ----------------------------------------------------------------------------------------

    @Test
    void errorsLikeARealBase() throws Exception {
        start(Configuration.UT);
        var unknown = client.get("AccumulationRegister_НетТакого/Balance");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("6");

        var balanceOfInformation = client.get("InformationRegister_ЦеныНоменклатуры_RecordType/Balance");
        assertThat(balanceOfInformation.status()).isEqualTo(400);
        assertThat(balanceOfInformation.errorCode()).isEqualTo("6");

        var sliceOfAccumulation = client.get("AccumulationRegister_ТоварыНаСкладах/SliceLast");
        assertThat(sliceOfAccumulation.status()).isEqualTo(400);
        assertThat(sliceOfAccumulation.errorCode()).isEqualTo("6");

        var badCondition = client.get("AccumulationRegister_ТоварыНаСкладах/Balance", query("Condition", "Склад_Key eq"));
        assertThat(badCondition.status()).isEqualTo(400);
        assertThat(badCondition.errorCode()).isEqualTo("14");

        var resourceInCondition = client.get("AccumulationRegister_ТоварыНаСкладах/Balance",
                query("Condition", "ВНаличии gt 0"));
        assertThat(resourceInCondition.errorCode()).isEqualTo("14");

        var badPeriod = client.get("AccumulationRegister_ТоварыНаСкладах/Balance(Period=datetime'вчера')");
        assertThat(badPeriod.status()).isEqualTo(400);

        var badSelect = client.get("AccumulationRegister_ТоварыНаСкладах/Balance", query("$select", "ВНаличии"));
        assertThat(badSelect.status()).isEqualTo(400);
        assertThat(badSelect.errorCode()).isEqualTo("6");

        var notJson = client.raw("GET", emulator.baseUrl() + "/odata/standard.odata/"
                + ODataTestClient.encodePath("AccumulationRegister_ТоварыНаСкладах/Balance"), null);
        assertThat(notJson.status()).isEqualTo(406);

        var wrongPassword = client.credentials("odata", "wrong").get("AccumulationRegister_ТоварыНаСкладах/Balance");
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void faultsApplyToRegisterReads() throws Exception {
        start(Configuration.UT);
        emulator.faults().arm(Faults.Kind.SERVER_ERROR, 1, "AccumulationRegister_");
        var failed = client.get("AccumulationRegister_ТоварыНаСкладах/Balance");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.errorCode()).isEqualTo("-1");
        assertThat(client.get("AccumulationRegister_ТоварыНаСкладах/Balance").status()).isEqualTo(200);
    }

    @Test
    void filterOnResourcesWorksOnTheVirtualTable() throws Exception {
        start(Configuration.UT);
        List<JsonNode> big = rows(client.get("AccumulationRegister_ТоварыНаСкладах/Balance",
                query("$filter", "ВНаличииBalance ge 20")));
        long expected = seededQuantities().values().stream().filter(q -> q >= 20).count();
        assertThat(big).hasSize((int) expected).allSatisfy(r -> assertThat(r.path("ВНаличииBalance").asInt()).isGreaterThanOrEqualTo(20));
    }

    // ---- bulk -----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UNF", "UT"})
    void bulkSeedOf100000ItemsReadsInPagesOf5000(Configuration configuration) throws Exception {
        start(configuration);
        int seeded = seededQuantities().size();
        emulator.seedBulkStock(100_000, 2);
        String register = stockRegister(configuration);
        String quantity = configuration == Configuration.UNF ? "КоличествоBalance" : "ВНаличииBalance";

        Set<String> bulkRows = new HashSet<>();
        int total = 0;
        for (int skip = 0; ; skip += 5000) {
            List<JsonNode> page = rows(client.get(register + "/Balance", query("$top", "5000"),
                    query("$skip", String.valueOf(skip)), query("$select", "Номенклатура_Key,Характеристика_Key," + warehouseField(configuration) + "," + quantity)));
            total += page.size();
            for (JsonNode row : page) {
                assertThat(row.path(quantity).asInt()).isPositive();
                bulkRows.add(row.path("Номенклатура_Key").asText() + "|" + row.path("Характеристика_Key").asText() + "|"
                        + row.path(warehouseField(configuration)).asText());
            }
            if (page.size() < 5000) {
                break;
            }
        }
        assertThat(total).isEqualTo(200_000 + seeded);
        assertThat(bulkRows).hasSize(200_000 + seeded); // every row once
        assertThat(bulkRows).contains(OneCStockSeed.bulkItemRef(99_999) + "|" + EMPTY + "|" + KAZAN);

        // one warehouse, by Condition, in pages
        int kazan = 0;
        for (int skip = 0; ; skip += 5000) {
            var response = client.get(register + "/Balance", query("Condition", warehouseField(configuration)
                    + " eq guid'" + KAZAN + "'"), query("$top", "5000"), query("$skip", String.valueOf(skip)),
                    query("$inlinecount", "allpages"));
            List<JsonNode> page = rows(response);
            kazan += page.size();
            if (page.size() < 5000) {
                assertThat(response.json().path("odata.count").asText()).isEqualTo(String.valueOf(kazan));
                break;
            }
        }
        assertThat(kazan).isEqualTo(100_000 + seededQuantities().keySet().stream().filter(k -> k.endsWith(KAZAN)).count());

        // prices of bulk items by price type
        var prices = client.get(priceRegister(configuration) + "/SliceLast", query("Condition",
                priceTypeField(configuration) + " eq guid'" + OneCStockSeed.RETAIL_PRICE_TYPE_REF + "'"),
                query("$top", "1"), query("$inlinecount", "allpages"));
        assertThat(prices.json().path("odata.count").asText()).isEqualTo(String.valueOf(100_000 + ITEMS.size()));
        assertThat(emulator.object("Catalog_Номенклатура", OneCStockSeed.bulkItemRef(7))).isPresent();
        assertThat(OneCStockSeed.bulkRetailPrice(0)).isEqualByComparingTo(new BigDecimal("100.00"));
    }
}
