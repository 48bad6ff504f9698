package io.github.marketplace1c.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.contract.YandexMarketContract;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxServices;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.yandexmarket.RecordedExchange;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketReportSeed;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static io.github.marketplace1c.testing.OneCReports.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Yandex Market's October 2026 realization and services reports, end to end: generate, poll until DONE, download
 * the report file (format=JSON: a ZIP archive of one JSON file per sheet) from the emulator on loopback, into УНФ
 * and УТ.
 */
class YandexMarketReportsTest {

    private static final SandboxData.YandexMarketAccount ROMASHKA = SandboxData.YM_ROMASHKA;
    private static final String ROMASHKA_REPORT = "YM-21000001-2026-10";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static FlowWorld world(OneCEmulator.Configuration configuration, Path temp) throws Exception {
        FlowWorld world = new FlowWorld(configuration, temp, Map.of("mp1c.yandex-market.reports.pollIntervalMs", "20"));
        world.start(); // the sandbox's product, warehouse and service maps
        return world;
    }

    private static SandboxData.Item item(String offerId) {
        return YandexMarketReportSeed.offer(offerId).item();
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void theRealizationReportIsGeneratedPolledUntilDoneDownloadedAndWrittenToTheKopeck(
            OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            world.yandexMarket.reports().pollsUntilDone(4);

            List<Journal.RunSummary> runs = world.runFlow("yandex-market-sales-report");

            assertThat(runs).hasSize(2).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("OK");
                assertThat(r.done()).isEqualTo(1);
            });
            // pending for a few polls, then done; one generation per account and report
            List<String> statuses = world.yandexMarket.recorded().stream()
                    .filter(e -> e.path().startsWith("/v2/reports/info/") && apiKey(e).equals(ROMASHKA.apiKey()))
                    .map(e -> status(e)).toList();
            assertThat(statuses).startsWith("PENDING", "PROCESSING", "PROCESSING", "PROCESSING", "DONE");
            assertThat(world.yandexMarket.reports().jobs()).hasSize(2);
            assertThat(world.yandexMarket.reports().downloads()).as("list sums the file, read loads it").isEqualTo(4);
            assertThat(world.yandexMarket.reports().jobs()).allSatisfy(job ->
                    assertThat(entries(job.file())).as("what Market serves for format=JSON")
                            .containsExactlyInAnyOrder("delivered.json", "returned.json"));

            OneCReports onec = new OneCReports(world.onec);
            ObjectNode doc = onec.oneSales(ROMASHKA_REPORT).orElseThrow();
            assertThat(doc.path("Организация_Key").asText()).isEqualTo(SandboxData.ROMASHKA.ref());
            assertThat(doc.path("Контрагент_Key").asText()).isEqualTo(SandboxData.YANDEX_MARKET.ref());
            assertThat(doc.path("Договор_Key").asText()).isEqualTo(SandboxData.ROMASHKA_YM_CONTRACT.ref());
            List<OneCReports.Line> sales = onec.saleLines(doc);
            List<OneCReports.Line> returns = onec.returnLines(doc);
            assertThat(sales).hasSize(5);
            assertThat(returns).hasSize(1);
            // СберСпасибо points are Market's discount, paid to the seller: the sale sum is the full price
            assertThat(lineOf(sales, item("RM-TEA-001")).sum()).isEqualByComparingTo("3490.00");
            // the seller's own promotion discount (100.00 a unit) lowers the sale sum
            OneCReports.Line shirt = lineOf(sales, item("RM-TSH-005-M"));
            assertThat(shirt.quantity()).isEqualByComparingTo("2");
            assertThat(shirt.sum()).isEqualByComparingTo("2380.00");
            OneCReports.Line honeyBack = lineOf(returns, item("RM-HON-003"));
            assertThat(honeyBack.quantity()).isEqualByComparingTo("1");
            assertThat(honeyBack.sum()).isEqualByComparingTo("590.00");
            // 3490.00 + 2360.00 + 2380.00 + 2161.50 + 1560.00
            assertThat(sales.stream().map(OneCReports.Line::sum).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("11951.50");
            // Market's fees are services: no reward in the commission agent report
            assertThat(sales).allSatisfy(l -> assertThat(l.reward()).isEqualByComparingTo("0"));

            YandexMarketContract.assertConforms(world.yandexMarket.recorded());
        }
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void theServicesReportIsOneReceiptWithARowPerMappedService(OneCEmulator.Configuration configuration)
            throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            List<Journal.RunSummary> runs = world.runFlow("yandex-market-services");

            assertThat(runs).allSatisfy(r -> assertThat(r.done()).isEqualTo(1));
            OneCReports onec = new OneCReports(world.onec);
            List<ObjectNode> docs = onec.services(ROMASHKA_REPORT + "-services");
            assertThat(docs).hasSize(1);
            ObjectNode doc = docs.get(0);
            assertThat(doc.path("Расходы")).hasSize(2);
            // 9 % placement fee of five orders, each to the kopeck
            assertThat(onec.serviceAmount(doc, SandboxServices.PLACEMENT)).isEqualByComparingTo("1093.64");
            // the loyalty programme and the sales boost, both mapped to promotion
            assertThat(onec.serviceAmount(doc, SandboxServices.PROMOTION)).isEqualByComparingTo("256.01");
            JsonNode generate = JSON.readTree(world.yandexMarket.recorded().stream()
                    .filter(e -> e.path().equals("/v2/reports/united-marketplace-services/generate")
                            && apiKey(e).equals(ROMASHKA.apiKey())).findFirst().orElseThrow().requestBody());
            assertThat(generate.path("campaignIds").toString()).isEqualTo("[" + ROMASHKA.campaignId() + "]");
            YandexMarketContract.assertConforms(world.yandexMarket.recorded());
        }
    }

    @Test
    void anUnmappedProductParksTheReportAndMappingItLoadsItFromTheSameJob() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            SandboxData.YandexMarketOffer notebook = YandexMarketReportSeed.offer("RM-NTB-009");
            assertThat(notebook.mapped()).isFalse();
            world.yandexMarket.reports().addRealizationRow(ROMASHKA.campaignId(), OCTOBER, YandexMarketReportSeed.DELIVERED,
                    YandexMarketReportSeed.deliveredRow(52_000_019_999L, notebook, 2, notebook.item().price(),
                            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, LocalDate.of(2026, 10, 29)));

            world.runFlow("yandex-market-sales-report");

            OneCReports onec = new OneCReports(world.onec);
            assertThat(onec.sales(ROMASHKA_REPORT)).isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("message").asText()).contains("RM-NTB-009");
            int jobs = world.yandexMarket.reports().jobs().size();

            JsonNode answer = world.adminJson("PUT", "/api/mappings/products", """
                    {"marketplace":"yandex-market","key":"RM-NTB-009","ref":"%s","name":"Блокнот"}
                    """.formatted(notebook.item().nomenclatureRef()));
            assertThat(answer.path("replayed").toString()).contains("DONE");

            List<OneCReports.Line> sales = onec.saleLines(onec.oneSales(ROMASHKA_REPORT).orElseThrow());
            assertThat(sales).hasSize(6);
            assertThat(lineOf(sales, notebook.item()).sum()).isEqualByComparingTo("620.00");
            assertThat(world.yandexMarket.reports().jobs()).as("the replay read the job it had, no new generation")
                    .hasSize(jobs);
        }
    }

    @Test
    void aMonthMarketHasNoDataForIsNotAReportAndNotAFailure() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            world.yandexMarket.reports().clearRealization(ROMASHKA.campaignId(), OCTOBER);

            List<Journal.RunSummary> runs = world.runFlow("yandex-market-sales-report");

            Journal.RunSummary romashka = runs.stream().filter(r -> r.accountId().equals(ROMASHKA.id())).findFirst()
                    .orElseThrow();
            assertThat(romashka.status()).isEqualTo("OK");
            assertThat(romashka.fetched()).isZero();
            assertThat(world.adminJson("GET", "/api/dead-letters?status=new", null)).isEmpty();
        }
    }

    @Test
    void aServicesColumnMarketAddedThatCarriesMoneyParksTheReportUntilItIsMapped() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            SandboxData.YandexMarketOffer tea = YandexMarketReportSeed.offer("RM-TEA-001");
            ObjectNode row = YandexMarketReportSeed.serviceRow(ROMASHKA, 52_000_019_998L, tea, 1, tea.item().price(),
                    YandexMarketReportSeed.PLACEMENT_SERVICE, LocalDate.of(2026, 10, 20), "totalAmount",
                    new BigDecimal("31.41"));
            row.put("ecoSurchargeAmount", new BigDecimal("12.50")); // a column no documentation lists
            world.yandexMarket.reports().addServiceRow(ROMASHKA.businessId(), OCTOBER, YandexMarketReportSeed.PLACEMENT,
                    row);

            world.runFlow("yandex-market-services");

            OneCReports onec = new OneCReports(world.onec);
            assertThat(onec.services(ROMASHKA_REPORT + "-services")).as("not written short").isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?flow=services&account=" + ROMASHKA.id()
                    + "&status=new", null);
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.path("reason").asText()).isEqualTo("UNMAPPED_SERVICE");
                assertThat(letter.path("message").asText()).contains("placement.ecoSurchargeAmount");
            });

            SandboxServices.Service placement = SandboxServices.PLACEMENT;
            JsonNode answer = world.adminJson("PUT", "/api/mappings/services", "{\"marketplace\":\"yandex-market\","
                    + "\"key\":\"placement.ecoSurchargeAmount\",\"ref\":\"" + placement.nomenclatureRef()
                    + "\",\"expenseItemRef\":\"" + placement.expenseItemRef() + "\",\"name\":\""
                    + placement.name() + "\"}");
            assertThat(answer.path("replayed").toString()).contains("DONE");

            List<ObjectNode> docs = onec.services(ROMASHKA_REPORT + "-services");
            assertThat(docs).hasSize(1);
            // 1093.64 of the seeded orders + 31.41 of the new one + the 12.50 of the new column
            assertThat(onec.serviceAmount(docs.get(0), SandboxServices.PLACEMENT)).isEqualByComparingTo("1137.55");
            assertThat(onec.serviceAmount(docs.get(0), SandboxServices.PROMOTION)).isEqualByComparingTo("256.01");
        }
    }

    @Test
    void aSalesSheetMarketAddedThatCarriesMoneyIsADeadLetterNamingItAndNothingIsWritten() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UNF, temp)) {
            ObjectNode row = JSON.createObjectNode();
            row.put("orderId", 52_000_019_997L);
            row.put("shopSku", "RM-TEA-001");
            row.put("partialRefundSum", new BigDecimal("150.00"));
            world.yandexMarket.reports().addRealizationRow(ROMASHKA.campaignId(), OCTOBER, "partial_refunds", row);

            List<Journal.RunSummary> runs = world.runFlow("yandex-market-sales-report");

            assertThat(new OneCReports(world.onec).sales(ROMASHKA_REPORT)).isEmpty();
            assertThat(runs).filteredOn(r -> r.accountId().equals(ROMASHKA.id())).singleElement()
                    .satisfies(r -> assertThat(r.deadLetters()).isEqualTo(1));
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?flow=sales-report&account=" + ROMASHKA.id()
                    + "&status=new", null);
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.path("reason").asText()).isEqualTo("INVALID_PAYLOAD");
                assertThat(letter.path("message").asText()).contains("sheet partial_refunds")
                        .contains("partialRefundSum = 150.00").contains("Nothing was written to 1C");
            });
            // the other campaign's month is not held up
            assertThat(new OneCReports(world.onec).sales("YM-" + SandboxData.YM_VASILKOV.campaignId()
                    + "-2026-10")).hasSize(1);
        }
    }

    private static List<String> entries(byte[] zip) {
        List<String> names = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static String apiKey(RecordedExchange exchange) {
        return exchange.requestHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Api-Key"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static String status(RecordedExchange exchange) {
        try {
            return JSON.readTree(exchange.responseBody()).path("result").path("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
