package io.github.marketplace1c.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.contract.OzonContract;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxServices;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.ozon.OzonFinance;
import io.github.marketplace1c.sandbox.ozon.OzonFinanceSeed;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static io.github.marketplace1c.testing.OneCReports.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ozon's October 2026 realization report and accruals, end to end: Ozon emulator -> application -> 1C emulator over
 * HTTP, into УНФ and УТ. The figures checked are the ones an accountant compares with Ozon's report.
 */
class OzonReportsTest {

    private static final SandboxData.OzonAccount ROMASHKA = SandboxData.OZON_ROMASHKA;
    private static final String ROMASHKA_REPORT = "100001-2026-10";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path temp;

    private static FlowWorld world(OneCEmulator.Configuration configuration, Path temp) throws Exception {
        FlowWorld world = new FlowWorld(configuration, temp, Map.of());
        world.start(); // the sandbox's product, warehouse and service maps
        return world;
    }

    private static SandboxData.Item item(String offerId) {
        return OzonFinanceSeed.offer(offerId).item();
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void theOctoberReportIsOneCommissionAgentReportWithItsSalesReturnsAndRewardToTheKopeck(
            OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            List<Journal.RunSummary> runs = world.runFlow("ozon-sales-report");

            assertThat(runs).hasSize(2).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("OK");
                assertThat(r.done()).isEqualTo(1);
                assertThat(r.deadLetters()).isZero();
            });
            OneCReports onec = new OneCReports(world.onec);
            ObjectNode doc = onec.oneSales(ROMASHKA_REPORT).orElseThrow();
            assertThat(doc.path("Организация_Key").asText()).isEqualTo(SandboxData.ROMASHKA.ref());
            assertThat(doc.path("Контрагент_Key").asText()).isEqualTo(SandboxData.OZON.ref());
            assertThat(doc.path("Договор_Key").asText()).isEqualTo(SandboxData.ROMASHKA_OZON_CONTRACT.ref());
            assertThat(doc.path("ДатаВходящегоДокумента").asText()).startsWith("2026-10-31");

            List<OneCReports.Line> sales = onec.saleLines(doc);
            List<OneCReports.Line> returns = onec.returnLines(doc);
            assertThat(sales).hasSize(9);
            assertThat(returns).hasSize(2);
            // 14 × 349.00; Ozon's reward 12 % = 586.32, less the 35.50 of points Ozon pays for
            OneCReports.Line tea = lineOf(sales, item("RM-TEA-001"));
            assertThat(tea.quantity()).isEqualByComparingTo("14");
            assertThat(tea.sum()).isEqualByComparingTo("4886.00");
            assertThat(tea.reward()).isEqualByComparingTo("550.82");
            // the shirt in size L: 2 sold, 1 returned, a line each, the characteristic kept
            OneCReports.Line shirtSold = lineOf(sales, item("RM-TSH-005-L"));
            assertThat(shirtSold.quantity()).isEqualByComparingTo("2");
            assertThat(shirtSold.sum()).isEqualByComparingTo("2580.00");
            assertThat(shirtSold.reward()).isEqualByComparingTo("464.40");
            OneCReports.Line shirtReturned = lineOf(returns, item("RM-TSH-005-L"));
            assertThat(shirtReturned.quantity()).isEqualByComparingTo("1");
            assertThat(shirtReturned.sum()).isEqualByComparingTo("1290.00");
            assertThat(shirtReturned.reward()).isEqualByComparingTo("232.20");
            // the scarf: 18 % = 680.40 less 15.00 Ozon pays for its pick-up point programme
            assertThat(lineOf(sales, item("RM-SCF-006")).reward()).isEqualByComparingTo("665.40");

            assertThat(sum(sales, OneCReports.Line::sum)).isEqualByComparingTo("27779.00");
            assertThat(sum(sales, OneCReports.Line::reward)).isEqualByComparingTo("4042.94");
            assertThat(sum(returns, OneCReports.Line::sum)).isEqualByComparingTo("1740.00");
            assertThat(sum(returns, OneCReports.Line::reward)).isEqualByComparingTo("299.70");

            // Ozon's own "итого к начислению" was the figure reconciled with
            JsonNode journal = world.adminJson("GET", "/api/reports?marketplace=ozon&account=" + ROMASHKA.id()
                    + "&kind=sales", null);
            assertThat(journal).hasSize(1);
            assertThat(journal.get(0).toString()).contains("22295.76").contains("LOADED");

            OzonContract.assertConforms(world.ozon.recorded());
        }
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void theMonthsAccrualsAreOneServicesReceiptWithARowPerMappedService(OneCEmulator.Configuration configuration)
            throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            // pages of 2 accruals: the flow follows last_id through every page of every day
            world.ozon.finance().accrualPageSize(2);
            List<Journal.RunSummary> runs = world.runFlow("ozon-services");

            assertThat(runs).allSatisfy(r -> assertThat(r.done()).isEqualTo(1));
            OneCReports onec = new OneCReports(world.onec);
            List<ObjectNode> docs = onec.services("Ozon 100001 2026-10");
            assertThat(docs).hasSize(1);
            ObjectNode doc = docs.get(0);
            assertThat(doc.path("Расходы")).hasSize(6);
            // logistics (76.00) and last mile (25.00) per unit for 46 units sold and the full accrual's one unit,
            // plus the packaging item fee (15.00 per unit) the POSTING accruals of 9 mugs and candles carry and the
            // full accrual's: one 1C service
            assertThat(onec.serviceAmount(doc, SandboxServices.LOGISTICS)).isEqualByComparingTo("4897.00");
            assertThat(onec.serviceAmount(doc, SandboxServices.ACQUIRING)).isEqualByComparingTo("421.04");
            assertThat(onec.serviceAmount(doc, SandboxServices.STORAGE)).isEqualByComparingTo("121.35");
            // search promotion 450.00 + 380.50, and the full accrual's seller-level fee 12.00
            assertThat(onec.serviceAmount(doc, SandboxServices.PROMOTION)).isEqualByComparingTo("842.50");
            assertThat(onec.serviceAmount(doc, SandboxServices.DEDUCTIONS)).isEqualByComparingTo("1990.00");
            // container fees (CONTAINER_FEES) of two supplies, 350.00 + 280.00, and the full accrual's box, 40.00
            assertThat(onec.serviceAmount(doc, SandboxServices.ACCEPTANCE)).isEqualByComparingTo("670.00");
            assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo("8941.89");
            // Ozon's own figure, each accrual's total_amount less its sale part, is what it was reconciled with
            JsonNode journal = world.adminJson("GET", "/api/reports?marketplace=ozon&account=" + ROMASHKA.id()
                    + "&kind=services", null);
            assertThat(journal).hasSize(1);
            assertThat(journal.get(0).toString()).contains("8941.89").contains("LOADED");

            long byDay = world.ozon.recorded().stream().filter(e -> e.path().equals("/v1/finance/accrual/by-day")).count();
            assertThat(byDay).as("every day of October, twice (list and read), for both cabinets, plus extra pages")
                    .isGreaterThan(2 * 2 * 31);
            OzonContract.assertConforms(world.ozon.recorded());
        }
    }

    @Test
    void aReportOzonHasNotPublishedYetWritesNothingParksNothingAndLoadsOnALaterRun() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            world.ozon.finance().publishAt(ROMASHKA.clientId(), OCTOBER, world.clock.instant().plus(Duration.ofDays(1)));

            List<Journal.RunSummary> first = world.runFlow("ozon-sales-report");

            Journal.RunSummary romashka = first.stream().filter(r -> r.accountId().equals(ROMASHKA.id())).findFirst()
                    .orElseThrow();
            assertThat(romashka.status()).isEqualTo("OK");
            assertThat(romashka.fetched()).isZero();
            assertThat(romashka.deadLetters()).isZero();
            OneCReports onec = new OneCReports(world.onec);
            assertThat(onec.sales(ROMASHKA_REPORT)).isEmpty();
            assertThat(onec.sales("100002-2026-10")).as("the other cabinet's report was out").hasSize(1);
            assertThat(world.adminJson("GET", "/api/dead-letters?status=new", null)).isEmpty();
            assertThat(world.ozon.recorded()).anyMatch(e -> e.path().equals("/v2/finance/realization")
                    && e.status() == 404 && e.requestHeaders().get("Client-Id").equals(ROMASHKA.clientId()));

            // the next day Ozon has published it
            world.ozon.finance().publishAt(ROMASHKA.clientId(), OCTOBER, world.clock.instant());
            List<Journal.RunSummary> later = world.runFlow("ozon-sales-report");

            assertThat(later.stream().filter(r -> r.accountId().equals(ROMASHKA.id())).findFirst().orElseThrow().done())
                    .isEqualTo(1);
            assertThat(onec.sales(ROMASHKA_REPORT)).hasSize(1);
            assertThat(onec.saleLines(onec.oneSales(ROMASHKA_REPORT).orElseThrow())).hasSize(9);
            assertThat(onec.sales("100002-2026-10")).as("loaded once, not again").hasSize(1);
        }
    }

    @Test
    void anUnmappedProductParksTheWholeReportAndMappingItLoadsTheReportWhole() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UNF, temp)) {
            SandboxData.OzonOffer soap = OzonFinanceSeed.offer("RM-SOP-008");
            assertThat(soap.mapped()).isFalse();
            world.ozon.finance().addRow(ROMASHKA.clientId(), OCTOBER, OzonFinance.saleRow(soap, 3,
                    soap.item().price(), new BigDecimal("0.12"), OzonFinance.Loyalty.NONE));

            world.runFlow("ozon-sales-report");

            OneCReports onec = new OneCReports(world.onec);
            assertThat(onec.sales(ROMASHKA_REPORT)).as("nothing half-written").isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("accountId").asText()).isEqualTo(ROMASHKA.id());
            assertThat(letters.get(0).path("message").asText()).contains("RM-SOP-008");

            JsonNode answer = world.adminJson("PUT", "/api/mappings/products", """
                    {"marketplace":"ozon","key":"RM-SOP-008","ref":"%s","name":"Мыло"}
                    """.formatted(soap.item().nomenclatureRef()));
            assertThat(answer.path("replayed").toString()).contains("DONE");

            ObjectNode doc = onec.oneSales(ROMASHKA_REPORT).orElseThrow();
            List<OneCReports.Line> sales = onec.saleLines(doc);
            assertThat(sales).hasSize(10);
            OneCReports.Line soapLine = lineOf(sales, soap.item());
            assertThat(soapLine.quantity()).isEqualByComparingTo("3");
            assertThat(soapLine.sum()).isEqualByComparingTo("599.70");
            assertThat(soapLine.reward()).isEqualByComparingTo("71.96");
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null)).isEmpty();
        }
    }

    @Test
    void moneyInAGroupOzonAddsLaterParksTheMonthAsUnmappedServiceAndMappingItLoadsItWhole() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UNF, temp)) {
            // a group the spec does not have yet, with its own fee: 30.00 for re-labelling
            java.time.LocalDate day = OCTOBER.atDay(12);
            ObjectNode accrual = OzonFinanceSeed.containerAccrual(9_000_000_001L, day, "RELABEL-1", 401,
                    new BigDecimal("-30.00"));
            accrual.remove("container_fees");
            ObjectNode fee = accrual.putObject("relabel_fees").putArray("fees").addObject();
            fee.put("type_id", 501);
            fee.putObject("accrued").put("amount", "-30.00").put("currency", "RUB");
            world.ozon.finance().addAccrual(ROMASHKA.clientId(), 9_000_000_001L, day, accrual);

            world.runFlow("ozon-services");

            OneCReports onec = new OneCReports(world.onec);
            assertThat(onec.services("Ozon 100001 2026-10")).as("nothing half-written").isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_SERVICE&status=new", null);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("accountId").asText()).isEqualTo(ROMASHKA.id());
            assertThat(letters.get(0).path("message").asText()).contains("relabel_fees.fees:501");

            SandboxServices.Service deductions = SandboxServices.DEDUCTIONS;
            JsonNode answer = world.adminJson("PUT", "/api/mappings/services", "{\"marketplace\":\"ozon\","
                    + "\"key\":\"relabel_fees.fees:501\",\"ref\":\"" + deductions.nomenclatureRef()
                    + "\",\"expenseItemRef\":\"" + deductions.expenseItemRef() + "\",\"name\":\""
                    + deductions.name() + "\"}");
            assertThat(answer.path("replayed").toString()).contains("DONE");

            ObjectNode doc = onec.services("Ozon 100001 2026-10").get(0);
            assertThat(onec.serviceAmount(doc, SandboxServices.DEDUCTIONS)).isEqualByComparingTo("2020.00");
            assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo("8971.89");
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_SERVICE&status=new", null)).isEmpty();
            JsonNode journal = world.adminJson("GET", "/api/reports?marketplace=ozon&account=" + ROMASHKA.id()
                    + "&kind=services", null);
            assertThat(journal.get(0).toString()).as("reconciled with the parked money in").contains("8971.89")
                    .contains("LOADED");
        }
    }

    @Test
    void aReportOzonCorrectsUpdatesItsOneDocumentAndAnUnchangedOneIsNotWrittenAgain() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            world.runFlow("ozon-sales-report");
            OneCReports onec = new OneCReports(world.onec);
            String ref = onec.oneSales(ROMASHKA_REPORT).orElseThrow().path("Ref_Key").asText();

            List<Journal.RunSummary> unchanged = world.runFlow("ozon-sales-report");
            assertThat(unchanged).allSatisfy(r -> {
                assertThat(r.done()).isZero();
                assertThat(r.skipped()).isEqualTo(1);
            });

            // Ozon corrects the report: one more unit of green tea sold
            world.ozon.finance().addRow(ROMASHKA.clientId(), OCTOBER, OzonFinance.saleRow(
                    OzonFinanceSeed.offer("RM-TEA-002"), 1, new BigDecimal("289.00"), new BigDecimal("0.12"),
                    OzonFinance.Loyalty.NONE));
            world.runFlow("ozon-sales-report");

            ObjectNode doc = onec.oneSales(ROMASHKA_REPORT).orElseThrow();
            assertThat(doc.path("Ref_Key").asText()).isEqualTo(ref);
            OneCReports.Line tea = lineOf(onec.saleLines(doc), item("RM-TEA-002"));
            assertThat(tea.quantity()).isEqualByComparingTo("10");
            assertThat(tea.sum()).isEqualByComparingTo("2890.00");
            assertThat(tea.reward()).isEqualByComparingTo("346.80"); // 312.12 + 34.68
        }
    }

    @Test
    void aRowWhoseTotalDoesNotAddUpIsAReconciliationMismatchAndNothingIsWritten() throws Exception {
        try (FlowWorld world = world(OneCEmulator.Configuration.UT, temp)) {
            ObjectNode row = OzonFinance.saleRow(OzonFinanceSeed.offer("RM-TEA-002"), 1, new BigDecimal("289.00"),
                    new BigDecimal("0.12"), OzonFinance.Loyalty.NONE);
            // Ozon says it accrues 5 roubles more than sale less reward: a payout the report does not explain
            ObjectNode part = (ObjectNode) row.get("delivery_commission");
            part.put("total", part.get("total").decimalValue().add(new BigDecimal("5.00")).doubleValue());
            world.ozon.finance().addRow(ROMASHKA.clientId(), OCTOBER, row);

            world.runFlow("ozon-sales-report");

            assertThat(new OneCReports(world.onec).sales(ROMASHKA_REPORT)).isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=RECONCILIATION_MISMATCH&status=new", null);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("message").asText()).contains("transfer").contains("-5.00");
        }
    }

    private static BigDecimal sum(List<OneCReports.Line> lines, java.util.function.Function<OneCReports.Line, BigDecimal> f) {
        return lines.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
