package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.marketplace1c.sandbox.onec.ODataTestClient.MAPPER;
import static io.github.marketplace1c.sandbox.onec.ODataTestClient.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneCEmulatorTest {

    private static final String EMPTY = "00000000-0000-0000-0000-000000000000";
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

    private void start(Configuration configuration, boolean strict) {
        emulator = new OneCEmulator(vertx, configuration, strict).start("127.0.0.1", 0);
        client = new ODataTestClient(emulator.baseUrl());
    }

    private static final SandboxData.Item TEA = SandboxData.ITEMS.get(0);
    private static final SandboxData.Item TSHIRT_M = SandboxData.ITEMS.get(4);

    /** A УТ/КА ЗаказКлиента body as a flow writes it: two rows, external number in НомерПоДаннымКлиента. */
    private static ObjectNode utOrder(String externalNumber) {
        ObjectNode order = MAPPER.createObjectNode();
        order.put("Date", "2026-11-02T10:15:00");
        order.put("Организация_Key", SandboxData.ROMASHKA.ref());
        order.put("Партнер_Key", SandboxData.OZON_PARTNER_REF);
        order.put("Контрагент_Key", SandboxData.OZON.ref());
        order.put("Соглашение_Key", SandboxData.agreementRef(SandboxData.ROMASHKA));
        order.put("Договор_Key", SandboxData.ROMASHKA_OZON_CONTRACT.ref());
        order.put("Склад_Key", SandboxData.MAIN_WAREHOUSE.ref());
        order.put("Валюта_Key", SandboxData.RUBLE_REF);
        order.put("Статус", "КОтгрузке");
        order.put("ХозяйственнаяОперация", "РеализацияКлиенту");
        order.put("НомерПоДаннымКлиента", externalNumber);
        order.put("СуммаДокумента", 1639.0);
        var rows = order.putArray("Товары");
        rows.addObject().put("LineNumber", 1).put("Номенклатура_Key", TEA.nomenclatureRef())
                .put("Количество", 1).put("КоличествоУпаковок", 1).put("Цена", 349).put("Сумма", 349)
                .put("СтавкаНДС_Key", SandboxData.VAT_20_REF).put("СуммаСНДС", 349).put("КодСтроки", 1);
        rows.addObject().put("LineNumber", 2).put("Номенклатура_Key", TSHIRT_M.nomenclatureRef())
                .put("Характеристика_Key", TSHIRT_M.characteristicRef())
                .put("Количество", 1).put("КоличествоУпаковок", 1).put("Цена", 1290).put("Сумма", 1290.00)
                .put("СтавкаНДС_Key", SandboxData.VAT_20_REF).put("СуммаСНДС", 1290).put("КодСтроки", 2);
        return order;
    }

    private static ObjectNode unfOrder(String incomingNumber) {
        ObjectNode order = MAPPER.createObjectNode();
        order.put("Date", "2026-11-02T10:15:00");
        order.put("ВидОперации", "ЗаказНаПродажу");
        order.put("Организация_Key", SandboxData.ROMASHKA.ref());
        order.put("Контрагент_Key", SandboxData.OZON.ref());
        order.put("Договор_Key", SandboxData.ROMASHKA_OZON_CONTRACT.ref());
        order.put("СтруктурнаяЕдиницаРезерв_Key", SandboxData.MAIN_WAREHOUSE.ref());
        order.put("СостояниеЗаказа", SandboxData.guid("order-state", "Новый"));
        order.put("СостояниеЗаказа_Type", "StandardODATA.Catalog_СостоянияЗаказовПокупателей");
        order.put("НомерВходящегоДокумента", incomingNumber);
        var rows = order.putArray("Запасы");
        rows.addObject().put("LineNumber", 1)
                .put("Номенклатура", TEA.nomenclatureRef()).put("Номенклатура_Type", "StandardODATA.Catalog_Номенклатура")
                .put("Количество", 2).put("Цена", 349).put("Сумма", 698).put("Всего", 698);
        rows.addObject().put("LineNumber", 2)
                .put("Номенклатура", TSHIRT_M.nomenclatureRef()).put("Номенклатура_Type", "StandardODATA.Catalog_Номенклатура")
                .put("Характеристика_Key", TSHIRT_M.characteristicRef())
                .put("Количество", 1).put("Цена", 1290).put("Сумма", 1290).put("Всего", 1290);
        return order;
    }

    // ---- seed ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void seedHasTheSandboxWorld(Configuration configuration) throws Exception {
        start(configuration, true);

        JsonNode organizations = client.get("Catalog_Организации").json();
        assertThat(organizations.path("odata.metadata").asText()).endsWith("/odata/standard.odata/$metadata#Catalog_Организации");
        assertThat(organizations.path("value")).extracting(o -> o.path("ИНН").asText())
                .containsExactlyInAnyOrder(SandboxData.ROMASHKA.inn(), SandboxData.VASILKOV.inn());

        JsonNode ozon = client.get("Catalog_Контрагенты(guid'" + SandboxData.OZON.ref() + "')").json();
        assertThat(ozon.path("odata.metadata").asText()).endsWith("$metadata#Catalog_Контрагенты/@Element");
        assertThat(ozon.path("ИНН").asText()).isEqualTo(SandboxData.OZON.inn());
        assertThat(ozon.path("КПП").asText()).isEqualTo(SandboxData.OZON.kpp());
        assertThat(ozon.path("DataVersion").asText()).isEqualTo("AAAAAAAAAAE=");

        ObjectNode contract = emulator.object("Catalog_ДоговорыКонтрагентов", SandboxData.VASILKOV_OZON_CONTRACT.ref()).orElseThrow();
        assertThat(contract.path("Организация_Key").asText()).isEqualTo(SandboxData.VASILKOV.ref());
        if (configuration == Configuration.UNF) {
            assertThat(contract.path("ВидДоговора").asText()).isEqualTo("СКомиссионером");
            assertThat(contract.path("Owner").asText()).isEqualTo(SandboxData.OZON.ref());
            assertThat(contract.path("Owner_Type").asText()).isEqualTo("StandardODATA.Catalog_Контрагенты");
            assertThat(emulator.objects("Catalog_СтруктурныеЕдиницы")).hasSize(3)
                    .allSatisfy(w -> assertThat(w.path("ТипСтруктурнойЕдиницы").asText()).isEqualTo("Склад"));
            assertThat(emulator.object("Catalog_СостоянияЗаказовПокупателей", SandboxData.guid("order-state", "В работе")))
                    .hasValueSatisfying(s -> assertThat(s.path("Description").asText()).isEqualTo("В работе"));
        } else {
            assertThat(contract.path("ТипДоговора").asText()).isEqualTo("СКомиссионером");
            assertThat(contract.path("Контрагент_Key").asText()).isEqualTo(SandboxData.OZON.ref());
            assertThat(contract.path("Партнер_Key").asText()).isEqualTo(SandboxData.OZON_PARTNER_REF);
            assertThat(contract.has("Code")).isFalse();
            assertThat(emulator.object("Catalog_Партнеры", SandboxData.OZON_PARTNER_REF)).isPresent();
            assertThat(emulator.object("Catalog_СоглашенияСКлиентами", SandboxData.agreementRef(SandboxData.VASILKOV)))
                    .hasValueSatisfying(a -> assertThat(a.path("Организация_Key").asText()).isEqualTo(SandboxData.VASILKOV.ref()));
            assertThat(emulator.objects("Catalog_Склады")).hasSize(3);
        }
        // the 10 ordered items (the shirt with 3 characteristics), the 11 the mapping workbench alone sees, and the
        // marketplace services the reports' service map sends fees to
        assertThat(emulator.objects("Catalog_Номенклатура")).hasSize(10 + SandboxData.CATALOG_ITEMS.size()
                + io.github.marketplace1c.sandbox.SandboxServices.SERVICES.size());
        assertThat(emulator.objects("Catalog_Номенклатура")).filteredOn(n -> n.path("ТипНоменклатуры").asText()
                .equals("Услуга")).extracting(n -> n.path("Description").asText())
                .containsExactlyInAnyOrderElementsOf(io.github.marketplace1c.sandbox.SandboxServices.SERVICES.stream()
                        .map(io.github.marketplace1c.sandbox.SandboxServices.Service::name).toList());
        ObjectNode tea = emulator.object("Catalog_Номенклатура", TEA.nomenclatureRef()).orElseThrow();
        assertThat(tea.path("Code").asText()).isEqualTo(TEA.code());
        assertThat(tea.path("Артикул").asText()).isEqualTo("RM-TEA-001");
        ObjectNode size = emulator.object("Catalog_ХарактеристикиНоменклатуры", TSHIRT_M.characteristicRef()).orElseThrow();
        assertThat(size.path("Owner").asText()).isEqualTo(TSHIRT_M.nomenclatureRef());
        assertThat(size.path("Owner_Type").asText()).isEqualTo("StandardODATA.Catalog_Номенклатура");
        assertThat(emulator.object("Catalog_Валюты", SandboxData.RUBLE_REF)).hasValueSatisfying(
                r -> assertThat(r.path("Code").asText()).isEqualTo("643"));
        assertThat(emulator.object("Catalog_СтавкиНДС", SandboxData.VAT_20_REF)).hasValueSatisfying(
                r -> assertThat(r.path("Ставка").asInt()).isEqualTo(20));
    }

    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UT", "KA", "UNF"})
    void theVatCatalogHasThe2026RatesInTheConfigurationsOwnFieldsAndItemsCarryTheirRate(Configuration configuration) {
        start(configuration, true);
        boolean unf = configuration == Configuration.UNF;

        for (SandboxData.VatItem vat : SandboxData.VAT_ITEMS) {
            ObjectNode item = emulator.object("Catalog_СтавкиНДС", vat.ref()).orElseThrow();
            assertThat(item.path("Ставка").decimalValue())
                    .isEqualByComparingTo(vat.percent() == null ? java.math.BigDecimal.ZERO : vat.percent());
            if (unf) {
                assertThat(item.path("НеОблагается").asBoolean()).isEqualTo(vat.percent() == null);
                assertThat(item.path("Расчетная").asBoolean()).isEqualTo(vat.calculated());
                assertThat(item.path("ВидСтавкиНДС").asText()).isEqualTo(vat.kind());
                assertThat(item.has("РасчетнаяСтавка")).as("УНФ has no РасчетнаяСтавка").isFalse();
            } else {
                assertThat(item.path("РасчетнаяСтавка").asBoolean()).isEqualTo(vat.calculated());
                assertThat(item.has("НеОблагается")).as("УТ/КА have no НеОблагается").isFalse();
            }
        }
        if (!unf) {
            assertThat(emulator.object("Catalog_СтавкиНДС", SandboxData.VAT_NONE.ref()).orElseThrow()
                    .path("ПеречислениеСтавкаНДС").asText()).isEqualTo("БезНДС");
            assertThat(emulator.object("Catalog_СтавкиНДС", SandboxData.VAT_20.ref()).orElseThrow()
                    .path("КонецПериода").asText()).startsWith("2025-12-31");
        }
        ObjectNode tea = emulator.object("Catalog_Номенклатура", TEA.nomenclatureRef()).orElseThrow();
        ObjectNode shirt = emulator.object("Catalog_Номенклатура", TSHIRT_M.nomenclatureRef()).orElseThrow();
        if (unf) {
            // УНФ's item holds a kind, not an item of the catalog
            assertThat(tea.path("ВидСтавкиНДС").asText()).isEqualTo("Пониженная");
            assertThat(shirt.path("ВидСтавкиНДС").asText()).isEqualTo("Общая");
            assertThat(tea.has("СтавкаНДС_Key")).isFalse();
        } else {
            assertThat(tea.path("СтавкаНДС_Key").asText()).isEqualTo(SandboxData.VAT_10.ref());
            assertThat(shirt.path("СтавкаНДС_Key").asText()).isEqualTo(SandboxData.VAT_22.ref());
            ObjectNode vasilkovContract = emulator.object("Catalog_ДоговорыКонтрагентов",
                    SandboxData.VASILKOV_OZON_CONTRACT.ref()).orElseThrow();
            assertThat(vasilkovContract.path("СтавкаНДС_Key").asText()).isEqualTo(SandboxData.VAT_5.ref());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UT", "UNF"})
    void aVatFieldTheConfigurationDoesNotHaveFailsTheRequest(Configuration configuration) throws Exception {
        start(configuration, true);
        boolean unf = configuration == Configuration.UNF;
        ObjectNode order = unf ? unfOrder("VAT-1") : utOrder("VAT-1");
        ObjectNode row = (ObjectNode) order.path(unf ? "Запасы" : "Товары").get(0);
        // УНФ rows have no СуммаСНДС; УТ/КА rows name the rate only as СтавкаНДС_Key
        row.put(unf ? "СуммаСНДС" : "СтавкаНДС", unf ? "349" : SandboxData.VAT_22.ref());

        var answer = client.post(unf ? "Document_ЗаказПокупателя" : "Document_ЗаказКлиента", order);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().toString()).contains(unf ? "СуммаСНДС" : "СтавкаНДС");
    }

    // ---- create / read ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UT", "KA"})
    void createsCustomerOrderAndFindsItByExternalNumber(Configuration configuration) throws Exception {
        start(configuration, true);

        var created = client.post("Document_ЗаказКлиента", utOrder("OZ-12345678-0001-1"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode order = created.json();
        String ref = order.path("Ref_Key").asText();
        assertThat(ref).matches("[0-9a-f-]{36}").isNotEqualTo(EMPTY);
        assertThat(order.path("odata.metadata").asText()).endsWith("$metadata#Document_ЗаказКлиента/@Element");
        assertThat(order.path("Number").asText()).isEqualTo("00-00000001");
        assertThat(order.path("Posted").asBoolean()).isFalse();
        assertThat(order.path("DataVersion").asText()).isEqualTo("AAAAAAAAAAE=");
        assertThat(order.path("Комментарий").asText()).isEmpty();
        assertThat(order.path("Сделка_Key").asText()).isEqualTo(EMPTY);
        assertThat(order.path("ДатаОтгрузки").asText()).isEqualTo("0001-01-01T00:00:00");
        JsonNode rows = order.path("Товары");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("LineNumber").isTextual()).isTrue();
        assertThat(rows.get(0).path("LineNumber").asText()).isEqualTo("1");
        assertThat(rows.get(1).path("LineNumber").asText()).isEqualTo("2");
        assertThat(rows.get(1).path("Ref_Key").asText()).isEqualTo(ref);
        assertThat(rows.get(1).path("КодСтроки").asText()).isEqualTo("2"); // Int64 → JSON string
        assertThat(rows.get(1).path("Сумма").toString()).isEqualTo("1290");
        assertThat(rows.get(0).path("Упаковка_Key").asText()).isEqualTo(EMPTY);
        // Location: 1C sends raw UTF-8; HttpClient reads header bytes as ISO-8859-1
        String location = new String(created.header("Location").getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        assertThat(location).isEqualTo(emulator.baseUrl() + "/odata/standard.odata/Document_ЗаказКлиента(guid'" + ref + "')");

        var found = client.get("Document_ЗаказКлиента", query("$filter",
                "НомерПоДаннымКлиента eq 'OZ-12345678-0001-1' and Организация_Key eq guid'" + SandboxData.ROMASHKA.ref() + "'"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("value")).hasSize(1);
        assertThat(found.json().path("value").get(0).path("Ref_Key").asText()).isEqualTo(ref);
        var other = client.get("Document_ЗаказКлиента", query("$filter",
                "НомерПоДаннымКлиента eq 'OZ-12345678-0001-1' and Организация_Key eq guid'" + SandboxData.VASILKOV.ref() + "'"));
        assertThat(other.json().path("value")).isEmpty();

        var selected = client.get("Document_ЗаказКлиента", query("$select", "Ref_Key,Number,Товары"), "$top=1",
                "$inlinecount=allpages");
        JsonNode first = selected.json().path("value").get(0);
        assertThat(selected.json().path("odata.count").asText()).isEqualTo("1");
        assertThat(selected.json().path("odata.count").isTextual()).isTrue();
        assertThat(first.properties()).extracting(Map.Entry::getKey).containsExactly("Ref_Key", "Number", "Товары");

        var rowsSet = client.get("Document_ЗаказКлиента_Товары", query("$filter", "Ref_Key eq guid'" + ref + "'"));
        assertThat(rowsSet.json().path("value")).hasSize(2);

        assertThat(emulator.requestLog()).contains("POST /sandbox/odata/standard.odata/Document_ЗаказКлиента -> 201");
    }

    @Test
    void unfCustomerOrderTakesCompositeNomenclature() throws Exception {
        start(Configuration.UNF, true);

        var created = client.post("Document_ЗаказПокупателя", unfOrder("OZ-1-1"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode rows = created.json().path("Запасы");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("Номенклатура").asText()).isEqualTo(TEA.nomenclatureRef());
        assertThat(rows.get(0).path("Номенклатура_Type").asText()).isEqualTo("StandardODATA.Catalog_Номенклатура");
        assertThat(rows.get(1).path("LineNumber").asText()).isEqualTo("2");
        assertThat(created.json().path("НомерВходящегоДокумента").asText()).isEqualTo("OZ-1-1");

        var found = client.get("Document_ЗаказПокупателя", query("$filter", "НомерВходящегоДокумента eq 'OZ-1-1'"));
        assertThat(found.json().path("value")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void serviceDocumentAndMetadataListEntitySets(Configuration configuration) throws Exception {
        start(configuration, false);

        JsonNode service = client.get("").json();
        assertThat(service.path("value")).extracting(v -> v.path("name").asText())
                .contains("Catalog_Номенклатура", "Document_ОтчетКомиссионера");
        var metadata = client.raw("GET", emulator.baseUrl() + "/odata/standard.odata/$metadata", null);
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.text()).contains("Namespace=\"StandardODATA\"", "EnterpriseV8",
                "<EntitySet Name=\"Catalog_Номенклатура\"");
    }

    // ---- post / patch / delete -------------------------------------------------------------------------------------

    @Test
    void postsUnpostsPatchesAndDeletes() throws Exception {
        start(Configuration.UT, true);
        String ref = client.post("Document_ЗаказКлиента", utOrder("OZ-2")).json().path("Ref_Key").asText();
        String key = "Document_ЗаказКлиента(guid'" + ref + "')";

        for (String action : List.of("/Post", "/Post()")) {
            var posted = client.send("POST", key + action, null, "PostingModeOperational=false");
            assertThat(posted.status()).isEqualTo(200);
            assertThat(posted.text()).isEmpty();
        }
        assertThat(client.get(key).json().path("Posted").asBoolean()).isTrue();
        // without $format: Post answers all the same (its body is empty anyway)
        var plain = client.raw("POST", emulator.baseUrl() + "/odata/standard.odata/"
                + ODataTestClient.encodePath(key) + "/Unpost", null);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(emulator.object("Document_ЗаказКлиента", ref).orElseThrow().path("Posted").asBoolean()).isFalse();

        ObjectNode patch = MAPPER.createObjectNode().put("Комментарий", "отменён покупателем");
        patch.putArray("Товары").addObject().put("LineNumber", 1).put("Номенклатура_Key", TEA.nomenclatureRef())
                .put("Количество", 3);
        var patched = client.patch(key, patch);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("Комментарий").asText()).isEqualTo("отменён покупателем");
        assertThat(patched.json().path("НомерПоДаннымКлиента").asText()).isEqualTo("OZ-2"); // untouched
        assertThat(patched.json().path("Товары")).hasSize(1); // the section is replaced, not merged
        assertThat(patched.json().path("Товары").get(0).path("Количество").asInt()).isEqualTo(3);
        // created 1, Post 2, Post() 3, Unpost 4, PATCH 5
        assertThat(OneCStore.version(patched.json().path("DataVersion").asText())).isEqualTo(5);

        var unknownPost = client.send("POST", "Document_ЗаказКлиента(guid'" + EMPTY + "')/Post", null);
        assertThat(unknownPost.status()).isEqualTo(404);
        assertThat(unknownPost.errorCode()).isEqualTo("9");

        assertThat(client.delete(key).status()).isEqualTo(204);
        var gone = client.get(key);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("9");
        assertThat(gone.json().path("odata.error").path("message").path("lang").asText()).isEqualTo("ru");
    }

    // ---- write errors ----------------------------------------------------------------------------------------------

    @Test
    void lineNumbersAreCheckedLikeARealBase() throws Exception {
        start(Configuration.UT, true);

        ObjectNode missing = utOrder("OZ-3");
        ((ObjectNode) missing.path("Товары").get(1)).remove("LineNumber");
        var noLineNumber = client.post("Document_ЗаказКлиента", missing);
        assertThat(noLineNumber.status()).isEqualTo(500);
        assertThat(noLineNumber.errorCode()).isEqualTo("-1");
        assertThat(noLineNumber.errorText()).startsWith("Произошла внутренняя ошибка OData сервиса");

        ObjectNode fromTwo = utOrder("OZ-3");
        ((ObjectNode) fromTwo.path("Товары").get(0)).put("LineNumber", 2);
        ((ObjectNode) fromTwo.path("Товары").get(1)).put("LineNumber", 3);
        assertThat(client.post("Document_ЗаказКлиента", fromTwo).status()).isEqualTo(400);

        ObjectNode gap = utOrder("OZ-3");
        ((ObjectNode) gap.path("Товары").get(1)).put("LineNumber", 3);
        assertThat(client.post("Document_ЗаказКлиента", gap).status()).isEqualTo(400);

        assertThat(emulator.objects("Document_ЗаказКлиента")).isEmpty(); // nothing written
    }

    @Test
    void strictModeRejectsAPropertyTheConfigurationLacks() throws Exception {
        start(Configuration.UT, true);
        ObjectNode order = utOrder("OZ-4").put("НомерВходящегоДокумента", "OZ-4"); // УНФ's name, not УТ's

        var rejected = client.post("Document_ЗаказКлиента", order);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("10");
        assertThat(rejected.errorText()).contains("'НомерВходящегоДокумента'", "Document_ЗаказКлиента");

        ObjectNode badRow = utOrder("OZ-4");
        ((ObjectNode) badRow.path("Товары").get(0)).put("Номенклатура", TEA.nomenclatureRef());
        var rowRejected = client.post("Document_ЗаказКлиента", badRow);
        assertThat(rowRejected.status()).isEqualTo(400);
        assertThat(rowRejected.errorText()).contains("'Номенклатура'", "Document_ЗаказКлиента_Товары");
    }

    @Test
    void nonStrictModeIgnoresUnknownPropertiesLikeARealBase() throws Exception {
        start(Configuration.UT, false);

        var created = client.post("Document_ЗаказКлиента", utOrder("OZ-5").put("НомерВходящегоДокумента", "OZ-5"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("НомерВходящегоДокумента")).isFalse();
        assertThat(created.json().path("НомерПоДаннымКлиента").asText()).isEqualTo("OZ-5");
    }

    @Test
    void strictModeChecksCompositesAndEnums() throws Exception {
        start(Configuration.UNF, true);

        ObjectNode withoutType = unfOrder("OZ-6");
        ((ObjectNode) withoutType.path("Запасы").get(0)).remove("Номенклатура_Type");
        var noType = client.post("Document_ЗаказПокупателя", withoutType);
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.errorText()).contains("Номенклатура_Type");

        var badEnum = client.post("Document_ЗаказПокупателя", unfOrder("OZ-6").put("ВидОперации", "ЗаказКлиента"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.errorText()).contains("ЗаказКлиента", "ВидыОперацийЗаказПокупателя");

        ObjectNode notGuid = unfOrder("OZ-6");
        ((ObjectNode) notGuid.path("Запасы").get(0)).put("Номенклатура", "Чай");
        var composite = client.post("Document_ЗаказПокупателя", notGuid);
        assertThat(composite.status()).isEqualTo(400);
        assertThat(composite.errorCode()).isEqualTo("1");
    }

    @Test
    void valueErrorsHaveThePlatformCodes() throws Exception {
        start(Configuration.UT, true);

        var badGuid = client.post("Document_ЗаказКлиента", utOrder("OZ-7").put("Организация_Key", "Ромашка"));
        assertThat(badGuid.status()).isEqualTo(400);
        assertThat(badGuid.errorCode()).isEqualTo("1");
        assertThat(badGuid.errorText()).isEqualTo("Не удалось разобрать строку 'Ромашка' как значение типа Edm.Guid!");

        var malformed = client.post("Document_ЗаказКлиента", "{\"Date\": ");
        assertThat(malformed.status()).isEqualTo(500);
        assertThat(malformed.errorCode()).isEqualTo("-1");

        var rowsDirectly = client.post("Document_ЗаказКлиента_Товары", MAPPER.createObjectNode().put("LineNumber", 1));
        assertThat(rowsDirectly.status()).isEqualTo(400);
        assertThat(rowsDirectly.errorCode()).isEqualTo("13");

        var unknownSet = client.get("Document_ЗаказПокупателя");
        assertThat(unknownSet.status()).isEqualTo(404);
        assertThat(unknownSet.errorCode()).isEqualTo("8");

        var badFilter = client.get("Document_ЗаказКлиента", query("$filter", "Number eq"));
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.errorCode()).isEqualTo("14");

        var badSelect = client.get("Document_ЗаказКлиента", query("$select", "Ref_Key,НетТакого"));
        assertThat(badSelect.status()).isEqualTo(400);
        assertThat(badSelect.errorCode()).isEqualTo("6");

        // a real base silently truncates long strings to the metadata length (НомерПоДаннымКлиента: 30)
        var truncated = client.post("Document_ЗаказКлиента", utOrder("X".repeat(40)));
        assertThat(truncated.json().path("НомерПоДаннымКлиента").asText()).hasSize(30);
    }

    @Test
    void filterSupportsOrNotComparisonsAndOrdering() throws Exception {
        start(Configuration.UT, true);
        client.post("Document_ЗаказКлиента", utOrder("A-1").put("Date", "2026-11-01T00:00:00"));
        client.post("Document_ЗаказКлиента", utOrder("B-'2'").put("Date", "2026-11-03T00:00:00"));

        var quoted = client.get("Document_ЗаказКлиента", query("$filter", "НомерПоДаннымКлиента eq 'B-''2'''"));
        assertThat(quoted.json().path("value")).hasSize(1);
        var dated = client.get("Document_ЗаказКлиента", query("$filter",
                "Date ge datetime'2026-11-02T00:00:00' or НомерПоДаннымКлиента ne 'A-1'"));
        assertThat(dated.json().path("value")).hasSize(1);
        var ordered = client.get("Document_ЗаказКлиента", query("$orderby", "Date desc"), "$skip=1",
                query("$filter", "Posted eq false and not (СуммаДокумента lt 0)"));
        assertThat(ordered.json().path("value")).hasSize(1);
        assertThat(ordered.json().path("value").get(0).path("НомерПоДаннымКлиента").asText()).isEqualTo("A-1");
    }

    // ---- HTTP surface ----------------------------------------------------------------------------------------------

    @Test
    void wrongPasswordIsUnauthorised() throws Exception {
        start(Configuration.UT, true);

        var response = client.credentials("odata", "wrong").get("Catalog_Организации");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void cyrillicCredentialsAreUtf8() throws Exception {
        emulator = new OneCEmulator(vertx, Configuration.KA, true).credentials("Администратор", "пароль").start("127.0.0.1", 0);
        client = new ODataTestClient(emulator.baseUrl()).credentials("Администратор", "пароль");

        assertThat(client.get("Catalog_Организации").status()).isEqualTo(200);
    }

    @Test
    void withoutJsonFormatTheAnswerIsNotJson() throws Exception {
        start(Configuration.UT, true);

        var response = client.raw("GET", emulator.baseUrl() + "/odata/standard.odata/"
                + ODataTestClient.encodePath("Catalog_Организации"), null);

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.text()).contains("<code>3</code>");
    }

    @Test
    void percentEncodedCyrillicPathsAreDecoded() throws Exception {
        start(Configuration.UT, true);

        var response = client.raw("GET", emulator.baseUrl() + "/odata/standard.odata/"
                + "Catalog_%D0%9E%D1%80%D0%B3%D0%B0%D0%BD%D0%B8%D0%B7%D0%B0%D1%86%D0%B8%D0%B8?$format=json", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("value")).hasSize(2);
        assertThat(emulator.requestLog()).contains("GET /sandbox/odata/standard.odata/Catalog_Организации -> 200");
    }

    // ---- faults ----------------------------------------------------------------------------------------------------

    @Test
    void serverErrorFaultAnswersLikeALockConflict() throws Exception {
        start(Configuration.UT, true);
        emulator.faults().arm(Faults.Kind.SERVER_ERROR, 1, "Document_");

        var failed = client.post("Document_ЗаказКлиента", utOrder("OZ-8"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.errorCode()).isEqualTo("-1");
        assertThat(failed.errorText()).contains("Конфликт блокировок");
        assertThat(emulator.objects("Document_ЗаказКлиента")).isEmpty();

        assertThat(client.post("Document_ЗаказКлиента", utOrder("OZ-8")).status()).isEqualTo(201);
    }

    @Test
    void rateLimitedFaultAnswers503WithRetryAfter() throws Exception {
        start(Configuration.UT, true);
        emulator.faults().arm(Faults.Kind.RATE_LIMITED, 1, null);

        var limited = client.get("Catalog_Организации");

        assertThat(limited.status()).isEqualTo(503);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(client.get("Catalog_Организации").status()).isEqualTo(200);
    }

    @Test
    void loseReplyWritesTheObjectButTheClientSeesNoAnswer() throws Exception {
        start(Configuration.UT, true);
        emulator.faults().arm(Faults.Kind.LOSE_REPLY, 1, "Document_ЗаказКлиента");

        assertThatThrownBy(() -> client.post("Document_ЗаказКлиента", utOrder("OZ-9"))).isInstanceOf(IOException.class);

        assertThat(emulator.objects("Document_ЗаказКлиента")).singleElement()
                .satisfies(o -> assertThat(o.path("НомерПоДаннымКлиента").asText()).isEqualTo("OZ-9"));
        assertThat(emulator.requestLog()).filteredOn(l -> l.startsWith("POST ")).hasSize(1);
        // the integrator's recovery: search by the external number before re-sending
        var found = client.get("Document_ЗаказКлиента", query("$filter", "НомерПоДаннымКлиента eq 'OZ-9'"));
        assertThat(found.json().path("value")).hasSize(1);
    }

    @Test
    void faultsCanBeArmedOverHttpForDemos() throws Exception {
        start(Configuration.UT, false);
        String control = emulator.baseUrl().replace("/sandbox", "") + "/__sandbox/faults";

        var armed = client.raw("POST", control, Map.of("kind", "SERVER_ERROR", "times", 2, "path", "Catalog_", "status", 502));
        assertThat(armed.status()).isEqualTo(204);
        assertThat(client.get("Catalog_Организации").status()).isEqualTo(502);

        assertThat(client.raw("DELETE", control, null).status()).isEqualTo(204);
        assertThat(client.get("Catalog_Организации").status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysAnswers() throws Exception {
        start(Configuration.UT, true);
        emulator.faults().latency(java.time.Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThat(client.get("Catalog_Организации").status()).isEqualTo(200);

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void numericDefinedTypesAndNumericStringsBecomeNumbers() throws Exception {
        start(Configuration.UT, true);
        ObjectNode order = utOrder("OZ-10");
        ((ObjectNode) order.path("Товары").get(0)).put("Цена", "349.50").put("Количество", "2");

        var created = client.post("Document_ЗаказКлиента", order);

        assertThat(created.json().path("Товары").get(0).path("Цена").toString()).isEqualTo("349.5");
        assertThat(created.json().path("Товары").get(0).path("Количество").toString()).isEqualTo("2");
        var wrong = client.post("Document_ЗаказКлиента", utOrder("OZ-10").put("СуммаДокумента", "много"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorCode()).isEqualTo("1");
    }

    @Test
    void unencodedCyrillicInTheQueryIsReadAsUtf8() throws Exception {
        start(Configuration.UT, true);
        // a sloppy client: Cyrillic sent as raw UTF-8 bytes; Netty sees ISO-8859-1 chars, the emulator re-decodes
        String mangled = new String("Description".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(OneCEmulator.rawUtf8ToString(new String("Цена".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1))).isEqualTo("Цена");
        assertThat(OneCEmulator.rawUtf8ToString(mangled)).isEqualTo("Description");
        assertThat(OneCEmulator.decodePath("/a/Catalog_%D0%A1%D0%BA+x")).isEqualTo("/a/Catalog_Ск+x");
    }

    @Test
    void refusesNonLoopbackHosts() {
        assertThatThrownBy(() -> new OneCEmulator(vertx, Configuration.UT, true).start("0.0.0.0", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
