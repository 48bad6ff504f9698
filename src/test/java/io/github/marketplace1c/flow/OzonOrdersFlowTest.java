package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.contract.OzonContract;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCOrders;
import io.github.marketplace1c.testing.OzonSeedExpectations;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Ozon orders flow end to end: Ozon emulator -> application (its own routes and config) -> 1C emulator in
 * strict mode, over real HTTP, in each 1C configuration.
 */
class OzonOrdersFlowTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void everyMappedPostingBecomesOnePostedOrderWithItsLinesAndSums(OneCEmulator.Configuration configuration)
            throws Exception {
        try (FlowWorld world = new FlowWorld(configuration, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);

            List<Journal.RunSummary> runs = world.runOrders();

            assertThat(runs).hasSize(SandboxData.OZON_ACCOUNTS.size());
            int expectedOrders = 0;
            for (SandboxData.OzonAccount account : SandboxData.OZON_ACCOUNTS) {
                OzonSeedExpectations expected = OzonSeedExpectations.of(world.ozon, account);
                assertThat(expected.orders()).as("seed has orders for %s", account.id()).hasSizeGreaterThan(5);
                assertThat(expected.unmapped()).as("seed has unmapped postings").isNotEmpty();
                Journal.RunSummary run = runs.stream().filter(r -> r.accountId().equals(account.id())).findFirst()
                        .orElseThrow();
                assertThat(run.status()).isEqualTo("OK");
                assertThat(run.fetched()).isEqualTo(expected.fetched());
                assertThat(run.done()).isEqualTo(expected.orders().size());
                assertThat(run.skipped()).isEqualTo(expected.beforeGoLive().size() + expected.cancelled().size());
                assertThat(run.deadLetters()).isEqualTo(expected.unmapped().size());
                assertThat(run.fetched()).isEqualTo(run.done() + run.skipped() + run.deadLetters());
                for (ObjectNode posting : expected.orders()) {
                    assertOrderMatchesPosting(orders, orders.one(posting.path("posting_number").asText())
                            .orElseThrow(() -> new AssertionError("no 1C order for " + posting)), posting, account);
                }
                for (ObjectNode posting : expected.unmapped()) {
                    assertThat(orders.byNumber(posting.path("posting_number").asText())).isEmpty();
                }
                for (ObjectNode posting : expected.beforeGoLive()) {
                    assertThat(orders.byNumber(posting.path("posting_number").asText())).isEmpty();
                }
                expectedOrders += expected.orders().size();
            }
            assertThat(orders.all()).hasSize(expectedOrders);
            assertThat(orders.creates()).isEqualTo(expectedOrders);

            JsonNode skipped = world.adminJson("GET", "/api/journal/records?outcome=SKIPPED&limit=1000", null);
            assertThat(skipped.findValuesAsText("message"))
                    .anyMatch(m -> m.contains("before the account's go-live date 2026-11-01"))
                    .anyMatch(m -> m.contains("cancelled on the marketplace before it reached 1C"));
            JsonNode deadLetters = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT", null);
            assertThat(deadLetters.size()).isEqualTo(runs.stream().mapToInt(Journal.RunSummary::deadLetters).sum());
            assertThat(deadLetters.get(0).path("message").asText()).contains("no 1C nomenclature is mapped to product");

            OzonContract.assertConforms(world.ozon.recorded());
        }
    }

    private static void assertOrderMatchesPosting(OneCOrders orders, ObjectNode doc, ObjectNode posting,
                                                  SandboxData.OzonAccount account) {
        String number = posting.path("posting_number").asText();
        assertThat(doc.path("Posted").asBoolean()).as("order %s posted", number).isTrue();
        assertThat(doc.path("Организация_Key").asText()).isEqualTo(account.organization().ref());
        assertThat(doc.path("Контрагент_Key").asText()).isEqualTo(SandboxData.OZON.ref());
        assertThat(doc.path("Договор_Key").asText()).isEqualTo(account.contract().ref());
        assertThat(doc.path("Комментарий").asText()).contains("Ozon").contains(account.id()).contains(number);
        long warehouseId = posting.path("delivery_method").path("warehouse_id").asLong();
        String warehouseRef = SandboxData.OZON_WAREHOUSES.stream().filter(w -> w.id() == warehouseId).findFirst()
                .orElseThrow().onecWarehouse().ref();
        assertThat(orders.warehouse(doc)).isEqualTo(warehouseRef);
        JsonNode products = posting.path("products");
        JsonNode rows = doc.path(orders.rowsField());
        assertThat(rows).as("lines of %s", number).hasSize(products.size());
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < products.size(); i++) {
            JsonNode product = products.get(i);
            JsonNode row = rows.get(i);
            SandboxData.Item item = OzonSeedExpectations.offer(product.path("offer_id").asText()).item();
            BigDecimal quantity = new BigDecimal(product.path("quantity").asText());
            BigDecimal price = new BigDecimal(product.path("price").path("amount").asText());
            assertThat(row.path("LineNumber").asInt()).isEqualTo(i + 1);
            assertThat(orders.nomenclature(row)).isEqualTo(item.nomenclatureRef());
            assertThat(row.path("Характеристика_Key").asText()).isEqualTo(item.characteristicRef() == null
                    ? "00000000-0000-0000-0000-000000000000" : item.characteristicRef());
            assertThat(row.path("Количество").decimalValue()).isEqualByComparingTo(quantity);
            assertThat(row.path("Цена").decimalValue()).isEqualByComparingTo(price);
            assertThat(row.path("Сумма").decimalValue()).isEqualByComparingTo(price.multiply(quantity));
            total = total.add(price.multiply(quantity));
        }
        assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo(total);
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void aBuyerCancellationAfterTheOrderReached1CCancelsIt(OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = new FlowWorld(configuration, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.runOrders();
            ObjectNode posting = OzonSeedExpectations.of(world.ozon, SandboxData.OZON_ROMASHKA).orders().get(0);
            String number = posting.path("posting_number").asText();
            assertThat(orders.one(number)).isPresent();

            world.ozon.postings().cancel(number, "Покупатель");
            List<Journal.RunSummary> second = world.runOrders();

            Journal.RunSummary romashka = second.stream().filter(r -> r.accountId().equals("ozon-romashka"))
                    .findFirst().orElseThrow();
            assertThat(romashka.done()).isEqualTo(1);
            ObjectNode doc = orders.one(number).orElseThrow();
            if (orders.unf()) {
                assertThat(doc.path("ВариантЗавершения").asText()).isEqualTo("Отменен");
                assertThat(doc.path("СостояниеЗаказа").asText()).isEqualTo(SandboxData.guid("order-state", "Завершен"));
            } else {
                assertThat(doc.path("Статус").asText()).isEqualTo("Закрыт");
                assertThat(doc.path("Товары")).allSatisfy(row -> assertThat(row.path("Отменено").asBoolean()).isTrue());
            }
            assertThat(doc.path("Комментарий").asText()).contains("Отменён на маркетплейсе");
            assertThat(orders.byNumber(number)).hasSize(1);

            // The same cancellation seen again changes nothing.
            world.runOrders();
            assertThat(orders.byNumber(number)).hasSize(1);
        }
    }
}
