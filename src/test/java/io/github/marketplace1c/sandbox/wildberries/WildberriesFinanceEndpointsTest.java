package io.github.marketplace1c.sandbox.wildberries;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.marketplace1c.contract.WildberriesContract;
import io.github.marketplace1c.sandbox.SandboxClock;
import io.github.marketplace1c.sandbox.SandboxData;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's finance-api and card list over real HTTP, every exchange checked against WB's specs
 * (13-finances.yaml, 02-items.yaml): full rows without {@code fields}, rrdId paging to 204, WB's errors and limit.
 */
class WildberriesFinanceEndpointsTest {

    private static final String TOKEN = SandboxData.WB_ROMASHKA.token();
    private final Vertx vertx = Vertx.vertx();
    private final Clock clock = SandboxClock.startingAt(SandboxClock.START);
    private WildberriesEmulator emulator;
    private WildberriesHttp http;

    @BeforeEach
    void start() {
        emulator = new WildberriesEmulator(vertx, clock, true).start("127.0.0.1", 0);
        emulator.financeRateLimit(6000, 100);
        http = new WildberriesHttp(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theListAndTheFullRowsConformAndPageByRrdIdUntil204() throws Exception {
        var list = http.post("/api/finance/v1/sales-reports/list", TOKEN,
                "{\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-31\",\"period\":\"weekly\"}");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(WildberriesFinanceSeed.WEEKS);
        var first = list.body().get(1);
        long reportId = first.path("reportId").asLong();
        assertThat(first.path("forPaySum").isTextual()).as("money as strings").isTrue();
        WildberriesFinance.Report report = emulator.finance().report(TOKEN, reportId).orElseThrow();
        assertThat(new BigDecimal(first.path("retailAmountSum").asText()))
                .isEqualByComparingTo(report.sums().retailAmountSum());

        int half = report.rowCount() / 2;
        var page1 = http.post("/api/finance/v1/sales-reports/detailed/" + reportId, TOKEN,
                "{\"limit\":" + half + ",\"rrdId\":0}");
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.body()).hasSize(half);
        assertThat(page1.body().get(0).size()).as("every field without fields[]").isGreaterThan(80);
        long last = page1.body().get(half - 1).path("rrdId").asLong();
        var page2 = http.post("/api/finance/v1/sales-reports/detailed/" + reportId, TOKEN,
                "{\"limit\":100000,\"rrdId\":" + last + "}");
        assertThat(page2.body()).hasSize(report.rowCount() - half);
        assertThat(page2.body().get(0).path("rrdId").asLong()).isGreaterThan(last);
        long end = page2.body().get(page2.body().size() - 1).path("rrdId").asLong();
        var done = http.post("/api/finance/v1/sales-reports/detailed/" + reportId, TOKEN,
                "{\"limit\":100000,\"rrdId\":" + end + "}");
        assertThat(done.status()).isEqualTo(204);
        assertThat(done.text()).isEmpty();

        var narrowed = http.post("/api/finance/v1/sales-reports/detailed/" + reportId, TOKEN,
                "{\"limit\":3,\"rrdId\":0,\"fields\":[\"nmId\",\"forPay\"]}");
        assertThat(narrowed.body().get(0).size()).as("rrdId, nmId, forPay").isEqualTo(3);

        var cards = http.post("/content/v2/get/cards/list", TOKEN,
                "{\"settings\":{\"cursor\":{\"limit\":100},\"filter\":{\"withPhoto\":-1}}}");
        assertThat(cards.status()).isEqualTo(200);
        assertThat(cards.body().path("cards")).isNotEmpty();
        assertThat(cards.body().path("cards").get(0).path("sizes").get(0).path("chrtID").asLong()).isPositive();

        WildberriesContract.assertConforms(emulator.recorded());
    }

    @Test
    void wrongRequestsGetWBsErrorsAndTheOneAMinuteLimitAnswers429WithItsHeaders() throws Exception {
        var noDates = http.post("/api/finance/v1/sales-reports/list", TOKEN, "{}");
        assertThat(noDates.status()).isEqualTo(400);
        assertThat(noDates.body().path("detail").asText()).contains("dateFrom");
        var tooMany = http.post("/api/finance/v1/sales-reports/detailed/1", TOKEN, "{\"limit\":100001}");
        assertThat(tooMany.status()).isEqualTo(400);
        var anonymous = http.post("/api/finance/v1/sales-reports/list", null,
                "{\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-31\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        var none = http.post("/api/finance/v1/sales-reports/list", TOKEN,
                "{\"dateFrom\":\"2020-01-01\",\"dateTo\":\"2020-01-31\"}");
        assertThat(none.status()).isEqualTo(204);

        emulator.financeRateLimit(WildberriesEmulator.DEFAULT_FINANCE_REQUESTS_PER_MINUTE,
                WildberriesEmulator.DEFAULT_FINANCE_BURST);
        var allowed = http.post("/api/finance/v1/sales-reports/list", TOKEN,
                "{\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-31\"}");
        assertThat(allowed.status()).isEqualTo(200);
        var limited = http.post("/api/finance/v1/sales-reports/detailed/1", TOKEN, "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("X-Ratelimit-Retry"))).isBetween(1L, 60L);
        WildberriesContract.assertConforms(emulator.recorded());
    }
}
