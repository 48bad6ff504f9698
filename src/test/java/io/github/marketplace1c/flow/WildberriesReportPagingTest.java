package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.contract.WildberriesContract;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.wildberries.RecordedExchange;
import io.github.marketplace1c.sandbox.wildberries.WildberriesFinance;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.WildberriesReports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the Wildberries report rows are paged ({@code rrdId} until 204), paced (1 request a minute at WB) and
 * checked against the finance spec, and a report of 100,000 rows in one page.
 */
class WildberriesReportPagingTest {

    private static final SandboxData.WildberriesAccount ROMASHKA = SandboxData.WB_ROMASHKA;
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 12);
    private static final List<SandboxData.WildberriesCard> MAPPED = SandboxData.WB_CARDS.stream()
            .filter(SandboxData.WildberriesCard::mapped).toList();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    /** Row i of a synthetic report: sales of the mapped cards in turn, every tenth row a return. */
    static WildberriesFinance.Row row(long reportId, int i) {
        SandboxData.WildberriesCard card = MAPPED.get(i % MAPPED.size());
        BigDecimal price = card.item().price();
        BigDecimal forPay = price.multiply(new BigDecimal("0.755")).setScale(2, RoundingMode.HALF_UP);
        return WildberriesFinance.Row.goods(reportId * 1_000_000L + i, i % 10 != 9, card.nmId(), card.vendorCode(),
                card.barcode(), "0", card.item().name(), 1, price, forPay, MONDAY.plusDays(i % 7));
    }

    private List<RecordedExchange> detailedCalls(FlowWorld world, long reportId) {
        return world.wildberries.recorded().stream()
                .filter(e -> e.path().equals("/api/finance/v1/sales-reports/detailed/" + reportId)).toList();
    }

    @Test
    void aReportWhoseFirstPageIs204WritesNothingAndAPageEndingExactlyAtTheLimitIsFollowedBy204() throws Exception {
        try (FlowWorld world = WildberriesReportsTest.world(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.wildberries.reports.pageSize", "10"))) {
            world.wildberries.finance().clear();
            long empty = 501;
            long twenty = 502;
            world.wildberries.finance().addReport(ROMASHKA.token(), empty, MONDAY, MONDAY.plusDays(6),
                    MONDAY.plusDays(7), List.of());
            List<WildberriesFinance.Row> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rows.add(row(twenty, i));
            }
            WildberriesFinance.Report report = world.wildberries.finance().addReport(ROMASHKA.token(), twenty,
                    MONDAY.plusWeeks(1), MONDAY.plusWeeks(1).plusDays(6), MONDAY.plusWeeks(1).plusDays(7), rows);
            world.start();
            List<Journal.RunSummary> runs = world.runFlow("wildberries-sales-report");
            Journal.RunSummary romashka = runs.stream().filter(r -> r.accountId().equals(ROMASHKA.id())).findFirst()
                    .orElseThrow();
            assertThat(romashka.status()).isEqualTo("OK");
            assertThat(romashka.fetched()).isEqualTo(2);
            assertThat(romashka.done()).isEqualTo(1);
            assertThat(romashka.skipped()).isEqualTo(1);

            // the empty report: one request, answered 204, no document
            assertThat(detailedCalls(world, empty)).extracting(RecordedExchange::status).containsExactly(204);
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            assertThat(reports.documents(reports.salesSet(), empty)).isEmpty();
            JsonNode skipped = world.adminJson("GET", "/api/journal/records?flow=sales-report&outcome=SKIPPED", null);
            assertThat(skipped.get(0).path("message").asText()).contains("no sales or returns");

            // twenty rows, ten a page: 10, 10, then 204; each page asks from the last rrdId it got
            List<RecordedExchange> calls = detailedCalls(world, twenty);
            assertThat(calls).extracting(RecordedExchange::status).containsExactly(200, 200, 204);
            assertThat(calls).extracting(c -> json.readTree(c.requestBody()).path("rrdId").asLong())
                    .containsExactly(0L, rows.get(9).rrdId(), rows.get(19).rrdId());
            assertThat(json.readTree(calls.get(0).responseBody())).hasSize(10);
            List<ObjectNode> docs = reports.documents(reports.salesSet(), twenty);
            assertThat(docs).hasSize(1);
            assertThat(reports.actualLines(docs.get(0))).containsExactlyInAnyOrderEntriesOf(reports.expectedLines(report));

            // everything the client sent and the emulator answered conforms to WB's finance and content specs
            WildberriesContract.assertConforms(world.wildberries.recorded());
            assertThat(world.wildberries.recorded()).anyMatch(e -> e.path().equals("/content/v2/get/cards/list"));
        }
    }

    @Test
    void theClientKeepsToTheFinanceLimitSoWildberriesNeverAnswers429() throws Exception {
        // WB's 1 a minute, scaled to 1 a second on both sides so the test takes seconds
        try (FlowWorld world = WildberriesReportsTest.world(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.wildberries.finance.requestsPerMinute", "60", "mp1c.wildberries.finance.burst", "1"))) {
            world.wildberries.financeRateLimit(60, 1);
            world.wildberries.finance().clear();
            for (int week = 0; week < 2; week++) {
                List<WildberriesFinance.Row> rows = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    rows.add(row(600 + week, i));
                }
                world.wildberries.finance().addReport(ROMASHKA.token(), 600 + week, MONDAY.plusWeeks(week),
                        MONDAY.plusWeeks(week).plusDays(6), MONDAY.plusWeeks(week).plusDays(7), rows);
            }
            world.start();
            world.runFlow("wildberries-sales-report");
            List<RecordedExchange> finance = world.wildberries.recorded().stream()
                    .filter(e -> e.path().startsWith("/api/finance/")).toList();
            // list + (page + 204) per report (Vasilkov's list is a 204)
            assertThat(finance.stream().filter(e -> e.requestHeaders().containsValue(ROMASHKA.token()))
                    .map(e -> e.path() + " " + e.status() + " " + e.at()).toList()).hasSize(5);
            assertThat(finance).noneMatch(e -> e.status() == 429);
            assertThat(world.onec.objects("Document_ОтчетКомиссионера")).hasSize(2);
        }
    }

    @Test
    void aReportOfAHundredThousandRowsLoadsFromOneFullPageToTheKopeck() throws Exception {
        try (FlowWorld world = WildberriesReportsTest.world(OneCEmulator.Configuration.UNF, temp)) {
            world.wildberries.finance().clear();
            long id = 700;
            int count = 100_000;
            WildberriesFinance.Report report = world.wildberries.finance().addGeneratedReport(ROMASHKA.token(), id,
                    MONDAY, MONDAY.plusDays(6), MONDAY.plusDays(7), count, i -> row(id, i));
            world.start();
            List<Journal.RunSummary> runs = world.runFlow("wildberries-sales-report");
            assertThat(runs).allSatisfy(r -> assertThat(r.deadLetters()).isZero());
            // the page holds exactly the limit (100,000): one more request, answered 204
            assertThat(detailedCalls(world, id)).extracting(RecordedExchange::status).containsExactly(200, 204);
            WildberriesReports reports = new WildberriesReports(world.wildberries.finance(), world.onec);
            List<ObjectNode> docs = reports.documents(reports.salesSet(), id);
            assertThat(docs).hasSize(1);
            var expected = reports.expectedLines(report);
            assertThat(reports.actualLines(docs.get(0))).containsExactlyInAnyOrderEntriesOf(expected);
            BigDecimal quantity = expected.values().stream().map(WildberriesReports.Expected::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(quantity).isEqualByComparingTo(BigDecimal.valueOf(count));
            JsonNode journal = world.adminJson("GET", "/api/reports?account=wb-romashka", null);
            assertThat(journal.get(0).path("rowsRead").asLong()).isEqualTo(count);
            assertThat(journal.get(0).path("difference").decimalValue()).isEqualByComparingTo("0");
        }
    }
}
