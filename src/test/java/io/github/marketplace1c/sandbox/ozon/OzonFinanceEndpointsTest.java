package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.contract.OzonContract;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.OzonAccount;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ozon's realization report and accrual API over real HTTP on 127.0.0.1: publication by the clock, the report's
 * own arithmetic, {@code last_id} paging; everything asked and answered is validated against the spec.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzonFinanceEndpointsTest {

    private static final OzonAccount ROMASHKA = SandboxData.OZON_ROMASHKA;
    private static final OzonAccount VASILKOV = SandboxData.OZON_VASILKOV;
    private static final String REPORT = "/v2/finance/realization";
    private static final String BY_DAY = "/v1/finance/accrual/by-day";
    private static final String OCTOBER = "{\"month\":10,\"year\":2026}";

    private Vertx vertx;
    private MutableClock clock;
    private OzonEmulator emulator;
    private OzonHttp http;

    @BeforeAll
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-05T00:00:00Z"));
        emulator = new OzonEmulator(vertx, clock, true).start("127.0.0.1", 0);
        http = new OzonHttp(emulator.baseUrl());
    }

    @AfterEach
    void conformsToSpec() {
        try {
            OzonContract.assertConforms(emulator.recorded());
        } finally {
            emulator.close();
        }
    }

    private OzonHttp.Reply post(OzonAccount account, String path, String body) throws Exception {
        return http.post(path, account.clientId(), account.apiKey(), body);
    }

    @Test
    void theReportIsNotFoundUntilOzonPublishesItThenItIsThere() throws Exception {
        OzonHttp.Reply early = post(VASILKOV, REPORT, OCTOBER);
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.body().path("code").asInt()).isEqualTo(5);
        assertThat(early.body().path("message").asText()).isEqualTo(FinanceEndpoints.NOT_READY_MESSAGE);

        assertThat(post(ROMASHKA, REPORT, OCTOBER).status()).as("Ромашка's was published on the 4th").isEqualTo(200);

        clock.set(OzonFinanceSeed.VASILKOV_PUBLISHED);
        OzonHttp.Reply published = post(VASILKOV, REPORT, OCTOBER);
        assertThat(published.status()).isEqualTo(200);
        JsonNode header = published.body().path("result").path("header");
        assertThat(header.path("number").asText()).isEqualTo("100002-2026-10");
        assertThat(header.path("start_date").asText()).isEqualTo("2026-10-01");
        assertThat(header.path("stop_date").asText()).isEqualTo("2026-10-31");
        assertThat(header.path("contract_number").asText()).isEqualTo("ОЗ-2026/42");
        assertThat(header.path("receiver_inn").asText()).isEqualTo(VASILKOV.organization().inn());
        assertThat(published.body().path("result").path("rows")).hasSize(4);
    }

    @Test
    void aMonthNotOverYetHasNoReportAndAWrongMonthIsRefused() throws Exception {
        assertThat(post(ROMASHKA, REPORT, "{\"month\":11,\"year\":2026}").status()).isEqualTo(404);
        OzonHttp.Reply bad = post(ROMASHKA, REPORT, "{\"month\":13,\"year\":2026}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("message").asText()).contains("month");
        assertThat(post(ROMASHKA, REPORT, "{\"month\":7,\"year\":2023}").status()).isEqualTo(400);
    }

    @Test
    void salesAreInDeliveryCommissionReturnsInReturnCommissionAndEachTotalAddsUp() throws Exception {
        JsonNode rows = post(ROMASHKA, REPORT, OCTOBER).body().path("result").path("rows");
        int sold = 0;
        int returned = 0;
        for (JsonNode row : rows) {
            boolean sale = row.has("delivery_commission");
            assertThat(sale).as("a row is a sale or a return").isNotEqualTo(row.has("return_commission"));
            JsonNode c = sale ? row.get("delivery_commission") : row.get("return_commission");
            BigDecimal amount = c.get("amount").decimalValue();
            assertThat(amount).isEqualByComparingTo(c.get("price_per_instance").decimalValue()
                    .multiply(BigDecimal.valueOf(c.get("quantity").asInt())));
            BigDecimal payouts = c.get("bonus").decimalValue().add(c.get("bank_coinvestment").decimalValue())
                    .add(c.get("stars").decimalValue()).add(c.get("pick_up_point_coinvestment").decimalValue());
            assertThat(c.get("total").decimalValue())
                    .isEqualByComparingTo(amount.subtract(c.get("standard_fee").decimalValue()).add(payouts));
            if (sale) {
                sold += c.get("quantity").asInt();
            } else {
                returned += c.get("quantity").asInt();
            }
        }
        assertThat(sold).isEqualTo(14 + 9 + 6 + 5 + 3 + 2 + 1 + 2 + 4);
        assertThat(returned).isEqualTo(2);
        JsonNode tea = rows.get(0);
        assertThat(tea.path("item").path("offer_id").asText()).isEqualTo("RM-TEA-001");
        assertThat(tea.path("delivery_commission").path("amount").decimalValue()).isEqualByComparingTo("4886.00");
        assertThat(tea.path("delivery_commission").path("standard_fee").decimalValue()).isEqualByComparingTo("586.32");
        assertThat(tea.path("delivery_commission").path("total").decimalValue()).isEqualByComparingTo("4335.18");
    }

    @Test
    void accrualTypesNameEveryTypeTheAccrualsUse() throws Exception {
        OzonHttp.Reply types = post(ROMASHKA, "/v1/finance/accrual/types", "");
        assertThat(types.status()).isEqualTo(200);
        List<Integer> ids = new ArrayList<>();
        types.body().path("accrual_types").forEach(t -> ids.add(t.path("id").asInt()));
        assertThat(ids).contains(101, 102, 104, 201, 301, 302);
    }

    @Test
    void aDayComesInPagesByLastIdAndAPageThatIsNotFullEndsIt() throws Exception {
        emulator.finance().accrualPageSize(2);
        LocalDate day = LocalDate.of(2026, 10, 30);
        for (long id = 1; id <= 3; id++) {
            emulator.finance().addAccrual(ROMASHKA.clientId(), 9_000_000_000L + id, day,
                    OzonFinanceSeed.postingAccrual(9_000_000_000L + id, day, "P-" + id,
                            OzonFinanceSeed.offer("RM-TEA-001"), 1, new BigDecimal("0.12")));
        }
        int before = emulator.finance().accruals(ROMASHKA.clientId(), day).size();
        List<Long> seen = new ArrayList<>();
        String lastId = "";
        int pages = 0;
        do {
            OzonHttp.Reply page = post(ROMASHKA, BY_DAY, "{\"date\":\"2026-10-30\",\"last_id\":\"" + lastId + "\"}");
            assertThat(page.status()).isEqualTo(200);
            page.body().path("accruals").forEach(a -> seen.add(a.path("accrual_id").asLong()));
            lastId = page.body().path("last_id").asText();
            pages++;
        } while (!lastId.isEmpty());
        assertThat(seen).hasSize(before).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo((before + 2) / 2);
    }

    @Test
    void aPageEndingExactlyAtTheLimitIsFollowedByAnEmptyOne() throws Exception {
        emulator.finance().accrualPageSize(2);
        LocalDate day = LocalDate.of(2022, 3, 1);
        for (long id = 1; id <= 2; id++) {
            emulator.finance().addAccrual(ROMASHKA.clientId(), id, day, OzonFinanceSeed.postingAccrual(id, day,
                    "P-" + id, OzonFinanceSeed.offer("RM-TEA-001"), 1, new BigDecimal("0.12")));
        }
        OzonHttp.Reply first = post(ROMASHKA, BY_DAY, "{\"date\":\"2022-03-01\",\"last_id\":\"\"}");
        assertThat(first.body().path("accruals")).hasSize(2);
        assertThat(first.body().path("last_id").asText()).isEqualTo("2");
        OzonHttp.Reply second = post(ROMASHKA, BY_DAY, "{\"date\":\"2022-03-01\",\"last_id\":\"2\"}");
        assertThat(second.body().path("accruals")).isEmpty();
        assertThat(second.body().path("last_id").asText()).isEmpty();
        OzonHttp.Reply emptyDay = post(ROMASHKA, BY_DAY, "{\"date\":\"2022-03-02\",\"last_id\":\"\"}");
        assertThat(emptyDay.status()).isEqualTo(200);
        assertThat(emptyDay.body().path("accruals")).isEmpty();
    }

    @Test
    void badAccrualRequestsAreRefusedNamingTheField() throws Exception {
        assertThat(post(ROMASHKA, BY_DAY, "{\"date\":\"2021-12-31\",\"last_id\":\"\"}").body().path("message")
                .asText()).contains("2022-01-01");
        assertThat(post(ROMASHKA, BY_DAY, "{\"date\":\"31.10.2026\",\"last_id\":\"\"}").status()).isEqualTo(400);
        assertThat(post(ROMASHKA, BY_DAY, "{\"date\":\"2026-10-31\"}").body().path("message").asText())
                .contains("last_id");
    }

    @Test
    void theSeededMonthHasServicesOfEveryKindOnItsDays() throws Exception {
        List<Integer> types = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            JsonNode page = post(ROMASHKA, BY_DAY, "{\"date\":\"" + YearMonth.of(2026, 10).atDay(d)
                    + "\",\"last_id\":\"\"}").body();
            for (JsonNode a : page.path("accruals")) {
                a.path("posting").path("products").forEach(p -> p.path("delivery").path("services")
                        .forEach(s -> types.add(s.path("type_id").asInt())));
                a.path("item_fees").path("fees").forEach(f -> f.path("fees").forEach(x -> types.add(x.path("type_id").asInt())));
                if (a.has("non_item_fee")) {
                    types.add(a.path("non_item_fee").path("type_id").asInt());
                }
                assertThat(a.path("total_amount").path("amount").isTextual()).as("money is a string").isTrue();
            }
        }
        assertThat(types).contains(101, 102, 104, 201, 301, 302);
    }
}
