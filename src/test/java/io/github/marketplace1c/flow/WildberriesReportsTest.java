package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxServices;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.wildberries.WildberriesFinance;
import io.github.marketplace1c.sandbox.wildberries.WildberriesFinanceSeed;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.WildberriesReports;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wildberries realization reports end to end: WB emulator (finance-api) -> application -> 1C emulator (strict), over
 * HTTP, for УНФ and УТ. Expectations are computed from the emulator's rows, never from the application.
 */
class WildberriesReportsTest {

    /** WB allows one finance request a minute; tests allow many (pacing has its own test). */
    static final Map<String, String> FAST = Map.of("mp1c.wildberries.finance.requestsPerMinute", "6000",
            "mp1c.wildberries.finance.burst", "100");

    @TempDir
    Path temp;

    static FlowWorld world(OneCEmulator.Configuration configuration, Path temp) {
        return world(configuration, temp, Map.of());
    }

    static FlowWorld world(OneCEmulator.Configuration configuration, Path temp, Map<String, String> extra) {
        Map<String, String> overrides = new java.util.HashMap<>(FAST);
        overrides.putAll(extra);
        FlowWorld world = new FlowWorld(configuration, temp, overrides);
        world.wildberries.financeRateLimit(6000, 100);
        return world;
    }

    static final SandboxData.WildberriesAccount ROMASHKA = SandboxData.WB_ROMASHKA;

    static WildberriesFinance.Report report(FlowWorld world, int week) {
        return world.wildberries.finance().report(ROMASHKA.token(), WildberriesFinanceSeed.reportId(ROMASHKA, week))
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void everyOctoberReportBecomesOneCommissionReportWithLinesReturnsAndRewardToTheKopeck(
            OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            world.start();
            List<Journal.RunSummary> runs = world.runFlow("wildberries-sales-report");
            assertThat(runs).hasSize(2).allSatisfy(run -> {
                assertThat(run.status()).isEqualTo("OK");
                assertThat(run.fetched()).isEqualTo(WildberriesFinanceSeed.WEEKS);
                assertThat(run.done()).isEqualTo(WildberriesFinanceSeed.WEEKS - 1);
                assertThat(run.skipped()).as("the week that starts in September").isEqualTo(1);
            });
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            for (int week = 1; week < WildberriesFinanceSeed.WEEKS; week++) {
                WildberriesFinance.Report report = report(world, week);
                List<ObjectNode> docs = reports.documents(reports.salesSet(), report.reportId());
                assertThat(docs).as("week %d", week).hasSize(1);
                ObjectNode doc = docs.get(0);
                assertThat(doc.path("Posted").asBoolean()).isTrue();
                assertThat(doc.path("Организация_Key").asText()).isEqualTo(SandboxData.ROMASHKA.ref());
                assertThat(doc.path("Контрагент_Key").asText()).isEqualTo(SandboxData.WILDBERRIES.ref());
                assertThat(doc.path("Договор_Key").asText()).isEqualTo(SandboxData.ROMASHKA_WB_CONTRACT.ref());
                assertThat(doc.path("ДатаВходящегоДокумента").asText()).startsWith(report.createDate().toString());
                assertThat(reports.actualLines(doc)).as("week %d", week)
                        .containsExactlyInAnyOrderEntriesOf(reports.expectedLines(report));
                assertThat(reports.expectedLines(report).keySet()).anyMatch(k -> k.endsWith("|RETURN"));
                BigDecimal sales = BigDecimal.ZERO;
                BigDecimal returns = BigDecimal.ZERO;
                BigDecimal reward = BigDecimal.ZERO;
                for (var e : reports.expectedLines(report).entrySet()) {
                    boolean ret = e.getKey().endsWith("|RETURN");
                    sales = ret ? sales : sales.add(e.getValue().sum());
                    returns = ret ? returns.add(e.getValue().sum()) : returns;
                    reward = ret ? reward.subtract(e.getValue().reward()) : reward.add(e.getValue().reward());
                }
                // the marketplace's own figures agree with ours: sales less returns is WB's retailAmountSum
                assertThat(sales.subtract(returns)).isEqualByComparingTo(report.sums().retailAmountSum());
                if (reports.unf()) {
                    assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo(sales);
                    assertThat(doc.path("СуммаДокументаВозврат").decimalValue()).isEqualByComparingTo(returns);
                } else {
                    assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo(sales.subtract(returns));
                    assertThat(doc.path("СуммаВознаграждения").decimalValue()).isEqualByComparingTo(reward);
                    assertThat(doc.path("НачалоПериода").asText()).startsWith(report.dateFrom().toString());
                    assertThat(doc.path("КонецПериода").asText()).startsWith(report.dateTo().toString());
                }
            }
            // the September week is not in 1C: it starts before the account's first report day
            assertThat(reports.documents(reports.salesSet(), report(world, 0).reportId())).isEmpty();
            JsonNode skipped = world.adminJson("GET", "/api/journal/records?flow=sales-report&account=wb-romashka"
                    + "&outcome=SKIPPED", null);
            assertThat(skipped).hasSize(1);
            assertThat(skipped.get(0).path("message").asText()).contains("before the account's first report day");
            // the reconciliation journal: every loaded report reconciled, difference zero
            JsonNode journal = world.adminJson("GET", "/api/reports?account=wb-romashka&kind=sales", null);
            assertThat(journal).hasSize(WildberriesFinanceSeed.WEEKS);
            for (JsonNode row : journal) {
                if (row.path("status").asText().equals("LOADED")) {
                    assertThat(row.path("difference").decimalValue()).isEqualByComparingTo("0");
                    assertThat(row.path("mpNetSales").decimalValue())
                            .isEqualByComparingTo(row.path("sales").decimalValue()
                                    .subtract(row.path("salesReturns").decimalValue()));
                }
            }
            assertThat(journal).filteredOn(r -> r.path("status").asText().equals("LOADED"))
                    .hasSize(WildberriesFinanceSeed.WEEKS - 1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void feesBecomeOneServicesReceiptPerReportWithOneRowPerMappedServiceKind(OneCEmulator.Configuration configuration)
            throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            world.start();
            List<Journal.RunSummary> runs = world.runFlow("wildberries-services");
            assertThat(runs).allSatisfy(run -> assertThat(run.status()).isEqualTo("OK"));
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            for (int week = 1; week < WildberriesFinanceSeed.WEEKS; week++) {
                WildberriesFinance.Report report = report(world, week);
                List<ObjectNode> docs = reports.documents(reports.servicesSet(), report.reportId());
                assertThat(docs).hasSize(1);
                ObjectNode doc = docs.get(0);
                Map<SandboxServices.Service, BigDecimal> fees = WildberriesReports.expectedFees(report);
                assertThat(fees).doesNotContainKey(null);
                assertThat(doc.path("Расходы")).hasSize(fees.size());
                BigDecimal total = BigDecimal.ZERO;
                for (Map.Entry<SandboxServices.Service, BigDecimal> fee : fees.entrySet()) {
                    SandboxServices.Service service = fee.getKey();
                    List<JsonNode> rows = new ArrayList<>();
                    for (JsonNode row : doc.path("Расходы")) {
                        boolean same = reports.unf()
                                ? row.path("Номенклатура_Key").asText().equals(service.nomenclatureRef())
                                : row.path("СтатьяРасходов").asText().equals(service.expenseItemRef());
                        if (same) {
                            rows.add(row);
                        }
                    }
                    assertThat(rows).as("%s in week %d", service.name(), week).hasSize(1);
                    assertThat(rows.get(0).path("Сумма").decimalValue()).isEqualByComparingTo(fee.getValue());
                    assertThat(rows.get(0).path("Содержание").asText()).isEqualTo(service.name());
                    total = total.add(fee.getValue());
                }
                assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo(total);
                WildberriesFinance.Sums sums = report.sums();
                assertThat(total).isEqualByComparingTo(sums.deliveryServiceSum().add(sums.paidStorageSum())
                        .add(sums.paidAcceptanceSum()).add(sums.penaltySum()).add(sums.deductionSum())
                        .subtract(sums.additionalPaymentSum()));
            }
            // logistics, rebilled transport, storage, acceptance, fines and the promotion deduction: each its own row
            assertThat(world.onec.objects(reports.servicesSet()).stream()
                    .flatMap(d -> java.util.stream.StreamSupport.stream(d.path("Расходы").spliterator(), false))
                    .map(r -> r.path("Содержание").asText()).distinct())
                    .containsExactlyInAnyOrder(SandboxServices.LOGISTICS.name(),
                            SandboxServices.REBILLED_LOGISTICS.name(), SandboxServices.STORAGE.name(),
                            SandboxServices.ACCEPTANCE.name(), SandboxServices.FINES.name(),
                            SandboxServices.PROMOTION.name());
        }
    }

    @Test
    void anUnmappedProductParksTheReportWithNothingWrittenAndItsMappingLoadsTheReportWhole() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            world.start();
            SandboxData.WildberriesCard card = SandboxData.WB_CARDS.get(0);
            MappingTable products = world.app().bean("productMappings", MappingTable.class);
            assertThat(products.delete("wildberries", "", String.valueOf(card.chrtId()))).isTrue();
            world.runFlow("wildberries-sales-report");
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            List<Long> parked = new ArrayList<>();
            for (int week = 1; week < WildberriesFinanceSeed.WEEKS; week++) {
                WildberriesFinance.Report report = report(world, week);
                boolean sold = false;
                for (int i = 0; i < report.rowCount(); i++) {
                    sold |= report.row(i).barcode().equals(card.barcode()) && report.row(i).quantity() > 0;
                }
                assertThat(reports.documents(reports.salesSet(), report.reportId())).as("week %d", week)
                        .hasSize(sold ? 0 : 1);
                if (sold) {
                    parked.add(report.reportId());
                }
            }
            assertThat(parked).isNotEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?flow=sales-report&account=wb-romashka"
                    + "&status=new", null);
            assertThat(letters).hasSize(parked.size()).allSatisfy(letter -> {
                assertThat(letter.path("reason").asText()).isEqualTo("UNMAPPED_PRODUCT");
                assertThat(letter.path("message").asText()).contains(String.valueOf(card.chrtId()))
                        .contains("Nothing was written to 1C");
            });
            // the integrator maps the product: the parked reports load whole
            JsonNode answer = world.adminJson("PUT", "/api/mappings/products", "{\"marketplace\":\"wildberries\","
                    + "\"key\":\"" + card.chrtId() + "\",\"ref\":\"" + card.item().nomenclatureRef() + "\"}");
            assertThat(answer.path("replayed")).hasSize(parked.size() * 2); // both accounts sold it
            for (long reportId : parked) {
                WildberriesFinance.Report report = world.wildberries.finance().report(ROMASHKA.token(), reportId)
                        .orElseThrow();
                List<ObjectNode> docs = reports.documents(reports.salesSet(), reportId);
                assertThat(docs).hasSize(1);
                assertThat(reports.actualLines(docs.get(0))).containsExactlyInAnyOrderEntriesOf(
                        reports.expectedLines(report));
            }
            assertThat(world.adminJson("GET", "/api/dead-letters?flow=sales-report&status=new", null)).isEmpty();
        }
    }

    @Test
    void anUnmappedServiceParksTheServicesReceiptAndItsMappingLoadsItWhole() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UNF, temp)) {
            world.start();
            MappingTable services = world.app().bean("serviceMappings", MappingTable.class);
            assertThat(services.delete("wildberries", "", "Штраф")).isTrue();
            world.runFlow("wildberries-services");
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            List<Long> fined = new ArrayList<>();
            for (int week = 1; week < WildberriesFinanceSeed.WEEKS; week++) {
                WildberriesFinance.Report report = report(world, week);
                boolean fine = WildberriesReports.expectedFees(report).containsKey(SandboxServices.FINES);
                assertThat(reports.documents(reports.servicesSet(), report.reportId())).hasSize(fine ? 0 : 1);
                if (fine) {
                    fined.add(report.reportId());
                }
            }
            assertThat(fined).isNotEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?flow=services&account=wb-romashka&status=new",
                    null);
            assertThat(letters).hasSize(fined.size()).allSatisfy(letter -> {
                assertThat(letter.path("reason").asText()).isEqualTo("UNMAPPED_SERVICE");
                assertThat(letter.path("message").asText()).contains("Штраф");
            });
            SandboxServices.Service fines = SandboxServices.FINES;
            JsonNode answer = world.adminJson("PUT", "/api/mappings/services", "{\"marketplace\":\"wildberries\","
                    + "\"key\":\"Штраф\",\"ref\":\"" + fines.nomenclatureRef() + "\",\"expenseItemRef\":\""
                    + fines.expenseItemRef() + "\",\"name\":\"" + fines.name() + "\"}");
            assertThat(answer.path("replayed")).hasSize(fined.size() * 2);
            for (long reportId : fined) {
                List<ObjectNode> docs = reports.documents(reports.servicesSet(), reportId);
                assertThat(docs).hasSize(1);
                assertThat(docs.get(0).path("Расходы")).anySatisfy(row -> {
                    assertThat(row.path("Номенклатура_Key").asText()).isEqualTo(fines.nomenclatureRef());
                    assertThat(row.path("Сумма").decimalValue()).isEqualByComparingTo("500");
                });
                assertThat(docs.get(0).path("Расходы")).hasSize(WildberriesReports.expectedFees(world.wildberries
                        .finance().report(ROMASHKA.token(), reportId).orElseThrow()).size());
            }
            // the service map is edited like the others: listed and exported
            assertThat(world.adminJson("GET", "/api/mappings/services?marketplace=wildberries", null))
                    .hasSize(SandboxServices.WILDBERRIES.size());
            assertThat(world.admin("GET", "/api/mappings/services/export", null).body())
                    .contains("service_key").contains("expense_item_ref").contains("Платная приемка");
        }
    }

    /** Week 1's rows plus a deduction of a kind the sandbox has never seen (WB adds them without notice). */
    static WildberriesFinance.Report withNewDeduction(FlowWorld world) {
        WildberriesFinance.Report week = report(world, 1);
        List<WildberriesFinance.Row> rows = new ArrayList<>();
        for (int i = 0; i < week.rowCount(); i++) {
            rows.add(week.row(i));
        }
        WildberriesFinance.Row last = rows.get(rows.size() - 1);
        rows.add(WildberriesFinance.Row.fee(last.rrdId() + 1, "Удержание", new BigDecimal("333.33"), last.nmId(),
                last.vendorCode(), last.barcode(), week.dateFrom().plusDays(3))
                .withBonusType("Оказание услуг «ВБ.Медиа»"));
        return world.wildberries.finance().replaceReport(ROMASHKA.token(), week.reportId(), rows);
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void aDeductionOfANewBonusTypeParksItsReportAndItsOwnMappingLoadsItAsItsOwnRow(
            OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            WildberriesFinance.Report report = withNewDeduction(world);
            world.start();
            world.runFlow("wildberries-services");
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            assertThat(reports.documents(reports.servicesSet(), report.reportId())).isEmpty();
            assertThat(reports.documents(reports.servicesSet(), report(world, 2).reportId())).hasSize(1);
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?flow=services&account=wb-romashka"
                    + "&status=new", null);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("reason").asText()).isEqualTo("UNMAPPED_SERVICE");
            assertThat(letters.get(0).path("message").asText()).contains("Удержание: Оказание услуг «ВБ.Медиа»");
            JsonNode waiting = world.adminJson("GET", "/api/reports?account=wb-romashka&status=WAITING_FOR_MAPPING",
                    null);
            assertThat(waiting).hasSize(1);
            assertThat(waiting.get(0).path("services").decimalValue()).as("the parked fee is counted")
                    .isEqualByComparingTo(report.sums().deliveryServiceSum().add(report.sums().paidStorageSum())
                            .add(report.sums().paidAcceptanceSum()).add(report.sums().penaltySum())
                            .add(report.sums().deductionSum()));

            SandboxServices.Service promotion = SandboxServices.PROMOTION;
            JsonNode answer = world.adminJson("PUT", "/api/mappings/services", "{\"marketplace\":\"wildberries\","
                    + "\"key\":\"Удержание: Оказание услуг «ВБ.Медиа»\",\"ref\":\"" + promotion.nomenclatureRef()
                    + "\",\"expenseItemRef\":\"" + promotion.expenseItemRef() + "\",\"name\":\"ВБ.Медиа\"}");
            assertThat(answer.path("replayed")).hasSize(1);
            List<ObjectNode> docs = reports.documents(reports.servicesSet(), report.reportId());
            assertThat(docs).hasSize(1);
            assertThat(docs.get(0).path("Расходы")).anySatisfy(row -> {
                assertThat(row.path("Содержание").asText()).isEqualTo("ВБ.Медиа");
                assertThat(row.path("Сумма").decimalValue()).isEqualByComparingTo("333.33");
            });
            assertThat(world.adminJson("GET", "/api/dead-letters?flow=services&status=new", null)).isEmpty();
        }
    }

    @Test
    void aReportInAnotherCurrencyIsRefusedNamingItAndTheOthersLoad() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UNF, temp)) {
            WildberriesFinance.Report report = report(world, 2);
            report.currency("KZT");
            world.start();
            List<Journal.RunSummary> runs = world.runFlow("wildberries-services");
            assertThat(runs).allSatisfy(run -> assertThat(run.status()).isEqualTo("OK"));
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            assertThat(reports.documents(reports.servicesSet(), report.reportId())).isEmpty();
            assertThat(reports.documents(reports.servicesSet(), report(world, 3).reportId())).hasSize(1);
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=UNSUPPORTED_CURRENCY", null);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("recordKey").asText()).isEqualTo("services:" + report.reportId());
            assertThat(letters.get(0).path("message").asText()).contains("is in KZT, not roubles")
                    .contains("nothing was written to 1C");
        }
    }

    @Test
    void aListEntryLackingASumStillLoadsItsReportAndTheOthers() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            WildberriesFinance.Report report = report(world, 2);
            report.omitSum("paidAcceptanceSum");
            report.omitSum("forPaySum");
            world.start();
            assertThat(world.runFlow("wildberries-services")).allSatisfy(run -> assertThat(run.status()).isEqualTo("OK"));
            assertThat(world.runFlow("wildberries-sales-report")).allSatisfy(run ->
                    assertThat(run.status()).isEqualTo("OK"));
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            for (int week = 1; week < WildberriesFinanceSeed.WEEKS; week++) {
                assertThat(reports.documents(reports.servicesSet(), report(world, week).reportId())).hasSize(1);
                assertThat(reports.documents(reports.salesSet(), report(world, week).reportId())).hasSize(1);
            }
            JsonNode journal = world.adminJson("GET", "/api/reports?account=wb-romashka&kind=SERVICES", null);
            assertThat(journal).as("not compared where WB did not state it")
                    .anySatisfy(entry -> assertThat(entry.path("mpServices").isNull()).isTrue())
                    .anySatisfy(entry -> assertThat(entry.path("mpServices").isNull()).isFalse());
        }
    }

    @Test
    void totalsThatDoNotMatchWBsListWriteNothingAndSayByHowMuch() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            WildberriesFinance.Report report = report(world, 2);
            BigDecimal rows = report.sums().forPaySum();
            BigDecimal stated = rows.add(new BigDecimal("1.50"));
            report.overrideSum("forPaySum", stated);
            world.start();
            world.runFlow("wildberries-sales-report");
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            assertThat(reports.documents(reports.salesSet(), report.reportId())).isEmpty();
            assertThat(reports.documents(reports.salesSet(), report(world, 3).reportId())).hasSize(1);
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?flow=sales-report&account=wb-romashka"
                    + "&reason=RECONCILIATION_MISMATCH", null);
            assertThat(letters).hasSize(1);
            String message = letters.get(0).path("message").asText();
            assertThat(message).contains("transfer to the seller")
                    .contains("report lines " + rows.setScale(2).toPlainString())
                    .contains("marketplace " + stated.setScale(2).toPlainString()).contains("difference -1.50")
                    .contains("Nothing was written to 1C");
            JsonNode journal = world.adminJson("GET", "/api/reports?account=wb-romashka&status=RECONCILIATION_MISMATCH",
                    null);
            assertThat(journal).hasSize(1);
            assertThat(journal.get(0).path("difference").decimalValue()).isEqualByComparingTo("-1.50");
            assertThat(journal.get(0).path("mpTransfer").decimalValue()).isEqualByComparingTo(stated);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void aCorrectedReportRewritesItsOnePostedDocument(OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            world.start();
            world.runFlow("wildberries-sales-report");
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            WildberriesFinance.Report report = report(world, 1);
            ObjectNode before = reports.documents(reports.salesSet(), report.reportId()).get(0);
            assertThat(before.path("Posted").asBoolean()).isTrue();
            // WB corrects the report: one more sale of the scarf
            List<WildberriesFinance.Row> rows = new ArrayList<>();
            for (int i = 0; i < report.rowCount(); i++) {
                rows.add(report.row(i));
            }
            SandboxData.WildberriesCard scarf = SandboxData.WB_CARDS.get(7);
            long last = rows.get(rows.size() - 1).rrdId();
            rows.add(WildberriesFinance.Row.goods(last + 1, true, scarf.nmId(), scarf.vendorCode(), scarf.barcode(),
                    "0", scarf.item().name(), 2, new BigDecimal("1701.00"), new BigDecimal("2568.51"),
                    report.dateFrom().plusDays(2)));
            WildberriesFinance.Report corrected = world.wildberries.finance().replaceReport(ROMASHKA.token(),
                    report.reportId(), rows);
            int logged = world.onec.requestLog().size();
            List<Journal.RunSummary> second = world.runFlow("wildberries-sales-report");
            Journal.RunSummary romashka = second.stream().filter(r -> r.accountId().equals(ROMASHKA.id()))
                    .findFirst().orElseThrow();
            assertThat(romashka.done()).as("only the corrected report is loaded again").isEqualTo(1);
            List<ObjectNode> after = reports.documents(reports.salesSet(), report.reportId());
            assertThat(after).hasSize(1);
            assertThat(after.get(0).path("Ref_Key").asText()).isEqualTo(before.path("Ref_Key").asText());
            assertThat(after.get(0).path("Posted").asBoolean()).isTrue();
            assertThat(reports.actualLines(after.get(0))).containsExactlyInAnyOrderEntriesOf(
                    reports.expectedLines(corrected));
            String ref = before.path("Ref_Key").asText();
            List<String> log = world.onec.requestLog().subList(logged, world.onec.requestLog().size());
            List<String> calls = log.stream().filter(l -> l.contains(ref) && !l.startsWith("GET")).toList();
            assertThat(calls).hasSize(3);
            assertThat(calls.get(0)).startsWith("POST").contains("/Unpost");
            assertThat(calls.get(1)).startsWith("PATCH");
            assertThat(calls.get(2)).startsWith("POST").contains("/Post");
            assertThat(log).as("no second document").noneMatch(l -> l.startsWith("POST ")
                    && l.contains(reports.salesSet()) && !l.contains(reports.salesSet() + "("));
        }
    }
}
