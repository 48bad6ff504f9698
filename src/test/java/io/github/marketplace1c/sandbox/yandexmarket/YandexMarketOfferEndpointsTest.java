package io.github.marketplace1c.sandbox.yandexmarket;

import io.github.marketplace1c.contract.YandexMarketContract;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.YandexMarketAccount;
import io.github.marketplace1c.sandbox.ozon.MutableClock;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Market's stock and price writes over real HTTP on 127.0.0.1; everything asked and answered is validated against
 * the official spec after every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YandexMarketOfferEndpointsTest {

    private static final YandexMarketAccount ROMASHKA = SandboxData.YM_ROMASHKA;
    private static final YandexMarketAccount VASILKOV = SandboxData.YM_VASILKOV;
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:10Z");
    private static final String STOCKS = "/v2/campaigns/" + ROMASHKA.campaignId() + "/offers/stocks";
    private static final String PRICES = "/v2/businesses/" + ROMASHKA.businessId() + "/offer-prices/updates";

    private Vertx vertx;
    private MutableClock clock;
    private YandexMarketEmulator emulator;
    private YmHttp http;

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
        clock = new MutableClock(NOW);
        emulator = new YandexMarketEmulator(vertx, clock, true).start("127.0.0.1", 0);
        http = new YmHttp(emulator.baseUrl());
    }

    @AfterEach
    void conformsToSpec() {
        try {
            YandexMarketContract.assertConforms(emulator.recorded());
        } finally {
            emulator.close();
        }
    }

    private YmHttp.Reply putStocks(String body) throws Exception {
        return http.send("PUT", STOCKS, ROMASHKA.apiKey(), body);
    }

    private YmHttp.Reply postPrices(String body) throws Exception {
        return http.send("POST", PRICES, ROMASHKA.apiKey(), body);
    }

    private static String sku(String sku, long count) {
        return "{\"sku\":\"" + sku + "\",\"items\":[{\"count\":" + count + "}]}";
    }

    private static String skus(List<String> rows) {
        return "{\"skus\":[" + String.join(",", rows) + "]}";
    }

    private static String offer(String offerId, String value, String discountBase) {
        return "{\"offerId\":\"" + offerId + "\",\"price\":{\"value\":" + value + ",\"currencyId\":\"RUR\""
                + (discountBase == null ? "" : ",\"discountBase\":" + discountBase) + "}}";
    }

    private static String offers(String... rows) {
        return "{\"offers\":[" + String.join(",", rows) + "]}";
    }

    /** n distinct registered offerIds, BENCH-00000..n-1. */
    private List<String> benchOffers(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = String.format("BENCH-%05d", i);
            emulator.addOffer(id);
            ids.add(id);
        }
        return ids;
    }

    // ---- PUT v2/campaigns/{campaignId}/offers/stocks -------------------------------------------------------

    @Test
    void stocksAreAcceptedAndKeptPerCampaign() throws Exception {
        YmHttp.Reply reply = putStocks("{\"skus\":[" + sku("RM-TEA-001", 15) + ",{\"sku\":\"RM-TSH-005-M\",\"items\":"
                + "[{\"count\":0,\"updatedAt\":\"2026-11-10T14:59:00+03:00\"}]}]}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("status").asText()).isEqualTo("OK");
        assertThat(reply.header("X-RateLimit-Resource-Limit")).isEqualTo("100000");
        assertThat(reply.header("X-RateLimit-Resource-Remaining")).isEqualTo("99998");
        assertThat(reply.header("X-RateLimit-Resource-Until")).isEqualTo("Tue, 10 Nov 2026 12:01:00 GMT");

        YandexMarketStocks.Stock tea = emulator.stocks().current(ROMASHKA.campaignId(), "RM-TEA-001").orElseThrow();
        assertThat(tea.count()).isEqualTo(15);
        assertThat(tea.updatedAt()).as("no updatedAt: the clock's time").isEqualTo(NOW);
        YandexMarketStocks.Stock shirt = emulator.stocks().current(ROMASHKA.campaignId(), "RM-TSH-005-M").orElseThrow();
        assertThat(shirt.count()).isZero();
        assertThat(shirt.updatedAt()).isEqualTo(Instant.parse("2026-11-10T11:59:00Z"));
        assertThat(emulator.stocks().current(VASILKOV.campaignId(), "RM-TEA-001")).isEmpty();
        assertThat(emulator.stocks().received()).extracting(YandexMarketStocks.Stock::offerId)
                .containsExactly("RM-TEA-001", "RM-TSH-005-M");
    }

    @Test
    void stocksRefuseBadBatchesWhole() throws Exception {
        List<String> ids = benchOffers(2001);
        List<String> rows = new ArrayList<>();
        ids.forEach(id -> rows.add(sku(id, 1)));
        YmHttp.Reply tooMany = putStocks(skus(rows));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(putStocks(skus(rows.subList(0, 2000))).status()).isEqualTo(200);
        emulator.stocks().clear();

        YmHttp.Reply duplicate = putStocks(skus(List.of(sku("RM-TEA-001", 1), sku("RM-TEA-001", 2))));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorCode()).isEqualTo("DUPLICATE_OFFER");
        assertThat(putStocks(skus(List.of(sku("RM-TEA-001", 2_000_000_001L)))).status()).isEqualTo(400);
        assertThat(putStocks(skus(List.of(sku("RM-TEA-001", -1)))).status()).isEqualTo(400);
        assertThat(putStocks("{\"skus\":[{\"sku\":\"RM-TEA-001\",\"items\":[{\"count\":1},{\"count\":2}]}]}").status())
                .isEqualTo(400);
        assertThat(putStocks("{\"skus\":[]}").status()).isEqualTo(400);
        assertThat(putStocks("{\"skus\":[{\"sku\":\"RM-TEA-001\",\"items\":[{\"count\":1,\"updatedAt\":\"yesterday\"}]}]}")
                .status()).isEqualTo(400);
        assertThat(putStocks(skus(List.of(sku("RM-TEA-001", 2_000_000_000L)))).status()).isEqualTo(200);
        assertThat(emulator.stocks().received()).hasSize(1);
    }

    @Test
    void unknownSkusAreNamedOneErrorEachAndNothingIsApplied() throws Exception {
        YmHttp.Reply reply = putStocks(skus(List.of(sku("RM-TEA-001", 1), sku("NOPE-1", 1), sku("NOPE-2", 1))));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(reply.body().get("errors")).hasSize(2);
        assertThat(reply.body().get("errors")).allSatisfy(e -> assertThat(e.get("code").asText()).isEqualTo("OFFER_NOT_FOUND"));
        assertThat(reply.body().at("/errors/0/message").asText()).contains("NOPE-1");
        assertThat(reply.body().at("/errors/1/message").asText()).contains("NOPE-2");
        assertThat(emulator.stocks().received()).isEmpty();
    }

    @Test
    void theKeyMustOwnTheCampaign() throws Exception {
        assertThat(http.send("PUT", STOCKS, VASILKOV.apiKey(), skus(List.of(sku("RM-TEA-001", 1)))).status())
                .isEqualTo(403);
        assertThat(http.send("PUT", STOCKS, null, skus(List.of(sku("RM-TEA-001", 1)))).status()).isEqualTo(401);
        assertThat(http.send("PUT", STOCKS, "no-such-key", skus(List.of(sku("RM-TEA-001", 1)))).status()).isEqualTo(403);
        assertThat(http.send("PUT", "/v2/campaigns/99/offers/stocks", ROMASHKA.apiKey(),
                skus(List.of(sku("RM-TEA-001", 1)))).status()).isEqualTo(403);
        assertThat(http.send("POST", PRICES, VASILKOV.apiKey(), offers(offer("RM-TEA-001", "349", null))).status())
                .isEqualTo(403);
        assertThat(emulator.stocks().received()).isEmpty();
        assertThat(emulator.prices().received()).isEmpty();
    }

    @Test
    void theSkuQuotaIsCountedInItemsAndAnswers420UntilTheNextMinute() throws Exception {
        emulator.stockSkusPerMinute(3000);
        List<String> rows = new ArrayList<>();
        benchOffers(2000).forEach(id -> rows.add(sku(id, 1)));
        assertThat(putStocks(skus(rows)).status()).isEqualTo(200);
        YmHttp.Reply limited = putStocks(skus(rows.subList(0, 1001)));
        assertThat(limited.status()).isEqualTo(420);
        assertThat(limited.errorCode()).isEqualTo("METHOD_FAILURE");
        assertThat(limited.header("X-RateLimit-Resource-Limit")).isEqualTo("3000");
        assertThat(limited.header("X-RateLimit-Resource-Remaining")).isEqualTo("1000");
        assertThat(limited.header("X-RateLimit-Resource-Until")).isEqualTo("Tue, 10 Nov 2026 12:01:00 GMT");
        assertThat(emulator.stocks().receivedCount()).isEqualTo(2000);
        assertThat(putStocks(skus(rows.subList(0, 1000))).status()).as("what is left still fits").isEqualTo(200);
        assertThat(http.send("PUT", "/v2/campaigns/" + VASILKOV.campaignId() + "/offers/stocks", VASILKOV.apiKey(),
                skus(rows.subList(0, 1000))).status()).as("per campaign").isEqualTo(200);

        clock.set(Instant.parse("2026-11-10T12:01:00Z"));
        assertThat(putStocks(skus(rows)).status()).isEqualTo(200);

        emulator.rateLimitsOff();
        for (int i = 0; i < 3; i++) {
            YmHttp.Reply free = putStocks(skus(rows));
            assertThat(free.status()).isEqualTo(200);
            assertThat(free.header("X-RateLimit-Resource-Limit")).isNull();
        }
        assertThat(YandexMarketEmulator.DEFAULT_STOCK_SKUS_PER_MINUTE).isEqualTo(100_000);
    }

    // ---- POST v2/businesses/{businessId}/offer-prices/updates ----------------------------------------------

    @Test
    void pricesAreAcceptedAndKeptPerBusiness() throws Exception {
        YmHttp.Reply reply = postPrices(offers(offer("RM-TEA-001", "349", "399"), offer("RM-CAN-007", "720.5", null)));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("status").asText()).isEqualTo("OK");
        assertThat(reply.header("X-RateLimit-Resource-Remaining")).isEqualTo("9998");
        YandexMarketPrices.Price tea = emulator.prices().current(ROMASHKA.businessId(), "RM-TEA-001").orElseThrow();
        assertThat(tea.value()).isEqualByComparingTo("349");
        assertThat(tea.discountBase()).isEqualByComparingTo("399");
        assertThat(tea.currencyId()).isEqualTo("RUR");
        assertThat(emulator.prices().current(ROMASHKA.businessId(), "RM-CAN-007").orElseThrow().value())
                .isEqualByComparingTo("720.50");
        assertThat(emulator.prices().current(VASILKOV.businessId(), "RM-TEA-001")).isEmpty();
        assertThat(emulator.prices().received()).hasSize(2);
    }

    @Test
    void pricesRefuseBadBatchesWhole() throws Exception {
        List<String> ids = benchOffers(501);
        List<String> rows = new ArrayList<>();
        ids.forEach(id -> rows.add(offer(id, "100", null)));
        assertThat(postPrices(offers(rows.toArray(String[]::new))).status()).isEqualTo(400);
        assertThat(postPrices(offers(rows.subList(0, 500).toArray(String[]::new))).status()).isEqualTo(200);
        emulator.prices().clear();

        assertThat(postPrices(offers(offer("RM-TEA-001", "1", null), offer("RM-TEA-001", "2", null))).errorCode())
                .isEqualTo("DUPLICATE_OFFER");
        assertThat(postPrices(offers(offer("RM-TEA-001", "349", "350"))).status()).as("discount under 5 %")
                .isEqualTo(400);
        assertThat(postPrices(offers(offer("RM-TEA-001", "1", "1000"))).status()).as("discount over 99 %")
                .isEqualTo(400);
        assertThat(postPrices(offers(offer("RM-TEA-001", "349", "399.5"))).status()).as("discountBase whole")
                .isEqualTo(400);
        assertThat(postPrices("{\"offers\":[{\"offerId\":\"RM-TEA-001\",\"price\":{\"value\":1,\"currencyId\":\"USD\"}}]}")
                .status()).isEqualTo(400);
        YmHttp.Reply unknown = postPrices(offers(offer("RM-TEA-001", "349", null), offer("NOPE", "1", null)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("OFFER_NOT_FOUND");
        assertThat(unknown.body().get("errors")).hasSize(1);
        assertThat(emulator.prices().received()).isEmpty();
    }

    @Test
    void theOfferQuotaAnswers420AndCanBeTurnedOff() throws Exception {
        emulator.priceOffersPerMinute(3);
        assertThat(postPrices(offers(offer("RM-TEA-001", "349", null), offer("RM-TEA-002", "289", null))).status())
                .isEqualTo(200);
        YmHttp.Reply limited = postPrices(offers(offer("RM-TEA-001", "349", null), offer("RM-TEA-002", "289", null)));
        assertThat(limited.status()).isEqualTo(420);
        assertThat(limited.header("X-RateLimit-Resource-Remaining")).isEqualTo("1");
        assertThat(emulator.prices().received()).hasSize(2);
        emulator.priceOffersPerMinute(0);
        assertThat(postPrices(offers(offer("RM-TEA-001", "349", null), offer("RM-TEA-002", "289", null))).status())
                .isEqualTo(200);
        assertThat(YandexMarketEmulator.DEFAULT_PRICE_OFFERS_PER_MINUTE).isEqualTo(10_000);
    }

    // ---- faults --------------------------------------------------------------------------------------------

    @Test
    void faultsApplyToTheNewPaths() throws Exception {
        emulator.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, 1, "/offers/stocks");
        YmHttp.Reply down = putStocks(skus(List.of(sku("RM-TEA-001", 1))));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("X-RateLimit-Resource-Remaining")).as("5xx uses no quota").isEqualTo("100000");
        assertThat(emulator.stocks().received()).isEmpty();

        emulator.faults().arm(Faults.Kind.RATE_LIMITED, 1, "/offer-prices/updates");
        YmHttp.Reply limited = postPrices(offers(offer("RM-TEA-001", "349", null)));
        assertThat(limited.status()).isEqualTo(420);
        assertThat(limited.header("X-RateLimit-Resource-Until")).isEqualTo("Tue, 10 Nov 2026 12:00:12 GMT");
        assertThat(emulator.prices().received()).isEmpty();

        emulator.faults().arm(Faults.Kind.LOSE_REPLY, 1, "PUT /v2/campaigns");
        assertThatThrownBy(() -> putStocks(skus(List.of(sku("RM-TEA-001", 9))))).isInstanceOf(IOException.class);
        assertThat(emulator.stocks().current(ROMASHKA.campaignId(), "RM-TEA-001").orElseThrow().count())
                .as("the work was done, only the answer lost").isEqualTo(9);

        emulator.faults().latency(Duration.ofMillis(150));
        long started = System.nanoTime();
        assertThat(postPrices(offers(offer("RM-TEA-001", "349", null))).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
