package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.contract.OzonContract;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.OzonAccount;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ozon's product list, stock and price writes over real HTTP on 127.0.0.1; everything asked and answered is
 * validated against the official spec after every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzonProductEndpointsTest {

    private static final OzonAccount ROMASHKA = SandboxData.OZON_ROMASHKA;
    private static final long PODOLSK = 1020000000001L;
    private static final long KAZAN = 1020000000002L;
    private static final long MYTISHCHI = 1020000000003L; // Vasilkov's
    private static final String LIST = "/v3/product/list";
    private static final String STOCKS = "/v2/products/stocks";
    private static final String PRICES = "/v1/product/import/prices";
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:10Z");

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
        clock = new MutableClock(NOW);
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

    private OzonHttp.Reply post(String path, String body) throws Exception {
        return http.post(path, ROMASHKA.clientId(), ROMASHKA.apiKey(), body);
    }

    private static String stock(String offerId, long warehouseId, long stock) {
        long productId = OzonProducts.productId(offerId);
        return "{\"offer_id\":\"" + offerId + "\",\"product_id\":" + productId + ",\"stock\":" + stock
                + ",\"warehouse_id\":" + warehouseId + "}";
    }

    private static String stocks(String... rows) {
        return "{\"stocks\":[" + String.join(",", rows) + "]}";
    }

    private static String price(String offerId, String price, String oldPrice) {
        return "{\"offer_id\":\"" + offerId + "\",\"price\":\"" + price + "\",\"old_price\":\"" + oldPrice
                + "\",\"currency_code\":\"RUB\"}";
    }

    private static String prices(String... rows) {
        return "{\"prices\":[" + String.join(",", rows) + "]}";
    }

    private static String errorCode(JsonNode item) {
        return item.path("errors").path(0).path("code").asText(null);
    }

    // ---- /v3/product/list ----------------------------------------------------------------------------------

    @Test
    void productListPagesEverySeededOfferWithItsStableProductId() throws Exception {
        List<String> offers = new ArrayList<>();
        String lastId = "";
        int pages = 0;
        do {
            OzonHttp.Reply reply = post(LIST, "{\"filter\":{\"visibility\":\"ALL\"},\"limit\":5,\"last_id\":\""
                    + lastId + "\"}");
            assertThat(reply.status()).isEqualTo(200);
            JsonNode result = reply.body().get("result");
            assertThat(result.get("total").asInt()).isEqualTo(OzonProducts.seededOfferIds().size());
            for (JsonNode item : result.get("items")) {
                offers.add(item.get("offer_id").asText());
                assertThat(item.get("product_id").asLong()).isEqualTo(OzonProducts.productId(item.get("offer_id").asText()));
            }
            lastId = result.get("last_id").asText();
            pages++;
        } while (!lastId.isEmpty() && pages < 10);
        // the 12 ordered offers and the 10 catalog-only ones, 5 a page
        assertThat(pages).isEqualTo(5);
        assertThat(offers).containsExactlyElementsOf(OzonProducts.seededOfferIds());
        assertThat(offers).startsWith(SandboxData.OZON_OFFERS.stream().map(SandboxData.OzonOffer::offerId)
                .toArray(String[]::new));
        assertThat(OzonProducts.productId("RM-TEA-001")).isEqualTo(900_000_000L);
        assertThat(OzonProducts.productId("RM-SPN-010")).isEqualTo(900_000_011L);
    }

    @Test
    void productListFindsByOfferIdAndRefusesBadLimits() throws Exception {
        JsonNode result = post(LIST, "{\"filter\":{\"offer_id\":[\"RM-HON-003\",\"NOPE\"]},\"limit\":100}").body()
                .get("result");
        assertThat(result.get("total").asInt()).isEqualTo(1);
        assertThat(result.get("items").get(0).get("product_id").asLong()).isEqualTo(900_000_002L);
        assertThat(result.get("items").get(0).get("has_fbs_stocks").asBoolean()).isFalse();

        post(STOCKS, stocks(stock("RM-HON-003", PODOLSK, 3)));
        assertThat(post(LIST, "{\"filter\":{\"product_id\":[\"900000002\"]},\"limit\":10}").body()
                .at("/result/items/0/has_fbs_stocks").asBoolean()).isTrue();

        OzonHttp.Reply tooMany = post(LIST, "{\"limit\":1001}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("code").asInt()).isEqualTo(3);
        assertThat(post(LIST, "{\"last_id\":\"not-a-cursor!\",\"limit\":10}").status()).isEqualTo(400);
        assertThat(post(LIST, "{\"filter\":{\"visibility\":\"ARCHIVED\"},\"limit\":10}").body()
                .at("/result/total").asInt()).isZero();
    }

    // ---- /v3/product/info/list -----------------------------------------------------------------------------

    private static final String INFO = "/v3/product/info/list";

    @Test
    void productInfoGivesNameBarcodesAndSkuByAnyOfTheThreeIds() throws Exception {
        JsonNode items = post(INFO, "{\"offer_id\":[\"RM-TSH-005-M\",\"NOPE\"],\"product_id\":[\""
                + OzonProducts.productId("KT_015") + "\"],\"sku\":[\"1870000010\"]}").body().get("items");
        assertThat(items).hasSize(3);
        JsonNode shirt = items.get(0);
        assertThat(shirt.get("offer_id").asText()).isEqualTo("RM-TSH-005-M");
        assertThat(shirt.get("id").asLong()).isEqualTo(OzonProducts.productId("RM-TSH-005-M"));
        assertThat(shirt.get("name").asText()).isEqualTo("Футболка хлопковая «Берёзка», Размер M");
        assertThat(shirt.get("barcodes").get(0).asText()).isEqualTo(SandboxData.ITEMS.get(4).barcode());
        assertThat(shirt.get("sku").asLong()).isEqualTo(1_870_000_005L);
        assertThat(shirt.get("price").asText()).isEqualTo("1290.00");
        JsonNode towel = items.get(1);
        assertThat(towel.get("offer_id").asText()).isEqualTo("KT_015");
        assertThat(towel.get("barcodes")).isEmpty();
        assertThat(towel.get("sku").asLong()).isEqualTo(OzonProducts.FIRST_CATALOG_SKU + 3);
        assertThat(items.get(2).get("offer_id").asText()).isEqualTo("RM-SOP-008");
    }

    @Test
    void productInfoRefusesAnEmptyOrOversizedRequest() throws Exception {
        OzonHttp.Reply empty = post(INFO, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("code").asInt()).isEqualTo(3);
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(900_000_000L + i).append('"');
        }
        assertThat(post(INFO, "{\"product_id\":[" + ids + "]}").status()).isEqualTo(400);
        assertThat(post(INFO, "{\"sku\":[\"abc\"]}").status()).isEqualTo(400);
    }

    // ---- /v2/products/stocks -------------------------------------------------------------------------------

    @Test
    void stocksAreAcceptedAndKeptPerOfferAndWarehouse() throws Exception {
        OzonHttp.Reply reply = post(STOCKS, stocks(stock("RM-TEA-001", PODOLSK, 12), stock("RM-TEA-001", KAZAN, 0),
                "{\"product_id\":900000001,\"stock\":7,\"warehouse_id\":" + PODOLSK + "}"));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode result = reply.body().get("result");
        assertThat(result).hasSize(3);
        for (JsonNode item : result) {
            assertThat(item.get("updated").asBoolean()).isTrue();
            assertThat(item.get("errors")).isEmpty();
        }
        assertThat(result.get(2).get("offer_id").asText()).as("found by product_id alone").isEqualTo("RM-TEA-002");
        assertThat(result.get(0).get("warehouse_id").asLong()).isEqualTo(PODOLSK);

        OzonStocks kept = emulator.stocks();
        assertThat(kept.current(ROMASHKA.clientId(), "RM-TEA-001", PODOLSK)).hasValue(12);
        assertThat(kept.current(ROMASHKA.clientId(), "RM-TEA-001", KAZAN)).hasValue(0);
        assertThat(kept.current(ROMASHKA.clientId(), "RM-TEA-002", PODOLSK)).hasValue(7);
        assertThat(kept.current(SandboxData.OZON_VASILKOV.clientId(), "RM-TEA-001", PODOLSK)).isEmpty();
        assertThat(kept.received()).extracting(OzonStocks.Update::stock).containsExactly(12L, 0L, 7L);
        assertThat(kept.received()).allSatisfy(u -> assertThat(u.at()).isEqualTo(NOW));
    }

    @Test
    void stocksRefuseMoreThanAHundredRowsAndRowsWithoutRequiredFields() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            rows.add("{\"product_id\":900000000,\"stock\":1,\"warehouse_id\":" + (PODOLSK + (i % 2)) + "}");
        }
        OzonHttp.Reply tooMany = post(STOCKS, stocks(rows.toArray(String[]::new)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("code").asInt()).isEqualTo(3);
        assertThat(tooMany.body().get("message").asText()).contains("Stocks").contains("100");

        OzonHttp.Reply noWarehouse = post(STOCKS, stocks("{\"offer_id\":\"RM-TEA-001\",\"product_id\":900000000,"
                + "\"stock\":1}", stock("RM-TEA-002", PODOLSK, 1)));
        assertThat(noWarehouse.status()).isEqualTo(400);
        assertThat(noWarehouse.body().get("message").asText()).contains("Stocks[0].WarehouseId");
        assertThat(post(STOCKS, stocks("{\"offer_id\":\"RM-TEA-001\",\"stock\":1,\"warehouse_id\":" + PODOLSK + "}"))
                .status()).as("product_id is required by the spec").isEqualTo(400);
        assertThat(post(STOCKS, stocks(stock("RM-TEA-001", PODOLSK, -1))).status()).isEqualTo(400);
        assertThat(emulator.stocks().received()).as("a 400 applies nothing").isEmpty();
        assertThat(post(STOCKS, stocks(rows.subList(0, 100).toArray(String[]::new))).status()).isEqualTo(200);
    }

    @Test
    void stocksAnswerPerItemErrorsAndApplyTheRest() throws Exception {
        emulator.stocks().rejectNext("RM-MUG-004", "PRODUCT_HAS_NOT_BEEN_TAGGED_YET", "no KGT tag yet");
        OzonHttp.Reply reply = post(STOCKS, stocks(
                "{\"offer_id\":\"NO-SUCH-OFFER\",\"product_id\":1,\"stock\":1,\"warehouse_id\":" + PODOLSK + "}",
                stock("RM-TEA-001", MYTISHCHI, 1),
                stock("RM-TEA-002", PODOLSK, 1_000_000),
                stock("RM-MUG-004", PODOLSK, 4),
                "{\"product_id\":12345,\"stock\":1,\"warehouse_id\":" + PODOLSK + "}",
                stock("RM-HON-003", PODOLSK, 999_999)));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode result = reply.body().get("result");
        assertThat(errorCode(result.get(0))).isEqualTo("offer_id_not_found");
        assertThat(result.get(0).get("offer_id").asText()).isEqualTo("NO-SUCH-OFFER");
        assertThat(errorCode(result.get(1))).isEqualTo("WAREHOUSE_NOT_FOUND");
        assertThat(errorCode(result.get(2))).isEqualTo("STOCK_TOO_BIG");
        assertThat(errorCode(result.get(3))).isEqualTo("PRODUCT_HAS_NOT_BEEN_TAGGED_YET");
        assertThat(result.get(3).at("/errors/0/message").asText()).isEqualTo("no KGT tag yet");
        assertThat(errorCode(result.get(4))).isEqualTo("NOT_FOUND_ERROR");
        assertThat(result.get(5).get("updated").asBoolean()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(result.get(i).get("updated").asBoolean()).isFalse();
        }
        assertThat(emulator.stocks().received()).extracting(OzonStocks.Update::offerId).containsExactly("RM-HON-003");
        // the armed rejection was used up
        assertThat(post(STOCKS, stocks(stock("RM-MUG-004", PODOLSK, 4))).body().at("/result/0/updated").asBoolean())
                .isTrue();
    }

    @Test
    void theSamePairAtMostOnceIn30SecondsOfTheClock() throws Exception {
        assertThat(post(STOCKS, stocks(stock("RM-TEA-001", PODOLSK, 5))).body().at("/result/0/updated").asBoolean())
                .isTrue();
        clock.advance(Duration.ofSeconds(29));
        JsonNode tooSoon = post(STOCKS, stocks(stock("RM-TEA-001", PODOLSK, 6), stock("RM-TEA-001", KAZAN, 6)))
                .body().get("result");
        assertThat(errorCode(tooSoon.get(0))).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(tooSoon.get(0).at("/errors/0/message").asText()).isEqualTo("Stock is updated too frequently");
        assertThat(tooSoon.get(1).get("updated").asBoolean()).as("another warehouse is another pair").isTrue();
        assertThat(emulator.stocks().current(ROMASHKA.clientId(), "RM-TEA-001", PODOLSK)).hasValue(5);

        clock.advance(Duration.ofSeconds(1));
        assertThat(post(STOCKS, stocks(stock("RM-TEA-001", PODOLSK, 7))).body().at("/result/0/updated").asBoolean())
                .as("30 s after the accepted one").isTrue();
        JsonNode twiceInOne = post(STOCKS, stocks(stock("RM-TEA-002", PODOLSK, 1), stock("RM-TEA-002", PODOLSK, 2)))
                .body().get("result");
        assertThat(errorCode(twiceInOne.get(1))).isEqualTo("TOO_MANY_REQUESTS");

        List<OzonStocks.Update> pair = emulator.stocks().received().stream()
                .filter(u -> u.offerId().equals("RM-TEA-001") && u.warehouseId() == PODOLSK).toList();
        assertThat(pair).extracting(OzonStocks.Update::stock).containsExactly(5L, 7L);
        assertThat(Duration.between(pair.get(0).at(), pair.get(1).at())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eightyStockRequestsPerMinutePerClientIdThen429UntilTheNextMinute() throws Exception {
        emulator.rateLimitPerSecond(0); // isolate the method's own limit from the global 50 per second
        clock.set(Instant.parse("2026-11-10T12:00:00Z"));
        for (int i = 0; i < 80; i++) {
            assertThat(post(STOCKS, stocks()).status()).isEqualTo(200);
        }
        OzonHttp.Reply limited = post(STOCKS, stocks(stock("RM-TEA-001", PODOLSK, 1)));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().get("code").asInt()).isEqualTo(8);
        assertThat(emulator.stocks().received()).isEmpty();
        assertThat(http.post(STOCKS, SandboxData.OZON_VASILKOV.clientId(), SandboxData.OZON_VASILKOV.apiKey(),
                stocks()).status()).as("per Client-Id").isEqualTo(200);
        assertThat(post(PRICES, prices(price("RM-TEA-001", "349", "0"))).status()).as("other methods").isEqualTo(200);

        clock.advance(Duration.ofSeconds(60));
        assertThat(post(STOCKS, stocks()).status()).isEqualTo(200);

        emulator.rateLimitsOff();
        for (int i = 0; i < 100; i++) {
            assertThat(post(STOCKS, stocks()).status()).isEqualTo(200);
        }
    }

    // ---- /v1/product/import/prices -------------------------------------------------------------------------

    @Test
    void pricesAreKeptAndDiscountRulesAnsweredPerItem() throws Exception {
        OzonHttp.Reply reply = post(PRICES, prices(
                price("RM-TEA-001", "300", "319.99"),   // < 400: needs 20 RUB
                price("RM-TEA-002", "300", "320"),
                price("RM-HON-003", "1000", "1052.50"), // 400..10000: needs 5 % of old_price (52.63 > 52.50)
                price("RM-MUG-004", "1000", "1053"),   // 53 >= 52.65
                price("RM-TSH-005-M", "20000", "20499"), // > 10000: needs 500 RUB
                price("RM-TSH-005-L", "20000", "20500"),
                price("RM-TSH-005-XL", "100", "1000"),  // exactly 90 %: too big
                price("RM-SCF-006", "1890", "0"),       // "0" resets old_price
                price("NO-SUCH-OFFER", "100", "0"),
                "{\"product_id\":900000008,\"price\":\"720.50\"}",
                price("RM-SOP-008", "-1", "0")));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode result = reply.body().get("result");
        assertThat(result).hasSize(11);
        assertThat(errorCode(result.get(0))).isEqualTo("discount_for_low_price_is_too_small");
        assertThat(errorCode(result.get(1))).isNull();
        assertThat(errorCode(result.get(2))).isEqualTo("discount_for_average_price_is_too_small");
        assertThat(errorCode(result.get(3))).isNull();
        assertThat(errorCode(result.get(4))).isEqualTo("discount_for_top_price_is_too_small");
        assertThat(errorCode(result.get(5))).isNull();
        assertThat(errorCode(result.get(6))).isEqualTo("discount_too_big");
        assertThat(errorCode(result.get(7))).isNull();
        assertThat(errorCode(result.get(8))).isEqualTo("NOT_FOUND_ERROR");
        assertThat(errorCode(result.get(9))).isNull();
        assertThat(result.get(9).get("offer_id").asText()).isEqualTo("RM-CAN-007");
        assertThat(errorCode(result.get(10))).isEqualTo("price_negative");
        assertThat(result.get(1).get("product_id").asLong()).isEqualTo(900_000_001L);
        for (int i : new int[]{1, 3, 5, 7, 9}) {
            assertThat(result.get(i).get("updated").asBoolean()).isTrue();
        }

        OzonPrices.Price tea = emulator.prices().current(ROMASHKA.clientId(), "RM-TEA-002").orElseThrow();
        assertThat(tea.price()).isEqualByComparingTo("300");
        assertThat(tea.oldPrice()).isEqualByComparingTo("320");
        assertThat(tea.currencyCode()).isEqualTo("RUB");
        assertThat(emulator.prices().current(ROMASHKA.clientId(), "RM-SCF-006").orElseThrow().oldPrice()).isNull();
        assertThat(emulator.prices().current(ROMASHKA.clientId(), "RM-TEA-001")).isEmpty();
        assertThat(emulator.prices().received()).hasSize(5);

        // old_price "0" resets: a later price needs no discount check against the old one
        post(PRICES, prices(price("RM-TEA-002", "310", "0")));
        assertThat(emulator.prices().current(ROMASHKA.clientId(), "RM-TEA-002").orElseThrow().oldPrice()).isNull();
    }

    @Test
    void pricesRefuseMoreThanAThousandRowsAndMalformedAmounts() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            rows.add(price("RM-TEA-001", "349", "0"));
        }
        OzonHttp.Reply tooMany = post(PRICES, prices(rows.toArray(String[]::new)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("code").asInt()).isEqualTo(3);
        assertThat(tooMany.body().get("message").asText()).contains("Prices").contains("1000");
        OzonHttp.Reply malformed = post(PRICES, prices(price("RM-TEA-001", "349,00", "0")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("message").asText()).contains("Prices[0].Price");
        assertThat(post(PRICES, prices("{\"price\":\"1\"}")).status()).isEqualTo(400);
        assertThat(emulator.prices().received()).isEmpty();
    }

    @Test
    void tenPriceUpdatesPerProductPerHour() throws Exception {
        for (int i = 0; i < 10; i++) {
            JsonNode item = post(PRICES, prices(price("RM-TEA-001", String.valueOf(340 + i), "0"))).body()
                    .at("/result/0");
            assertThat(item.get("updated").asBoolean()).isTrue();
            clock.advance(Duration.ofMinutes(5));
        }
        JsonNode eleventh = post(PRICES, prices(price("RM-TEA-001", "360", "0"), price("RM-TEA-002", "289", "0")))
                .body().get("result");
        assertThat(errorCode(eleventh.get(0))).startsWith("error limiting");
        assertThat(eleventh.get(0).at("/errors/0/message").asText()).startsWith("error limiting");
        assertThat(eleventh.get(1).get("updated").asBoolean()).as("another product").isTrue();
        assertThat(emulator.prices().current(ROMASHKA.clientId(), "RM-TEA-001").orElseThrow().price())
                .isEqualByComparingTo("349");
        clock.advance(Duration.ofMinutes(10)); // the first update is now an hour old
        assertThat(post(PRICES, prices(price("RM-TEA-001", "360", "0"))).body().at("/result/0/updated").asBoolean())
                .isTrue();
    }

    // ---- faults --------------------------------------------------------------------------------------------

    @Test
    void faultsApplyToTheNewPaths() throws Exception {
        emulator.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, 1, "POST " + STOCKS);
        OzonHttp.Reply down = post(STOCKS, stocks(stock("RM-TEA-001", PODOLSK, 1)));
        assertThat(down.status()).isEqualTo(503);
        assertThat(emulator.stocks().received()).isEmpty();

        emulator.faults().arm(Faults.Kind.RATE_LIMITED, 1, PRICES);
        assertThat(post(PRICES, prices(price("RM-TEA-001", "349", "0"))).status()).isEqualTo(429);
        assertThat(emulator.prices().received()).isEmpty();

        emulator.faults().arm(Faults.Kind.LOSE_REPLY, 1, STOCKS);
        assertThatThrownBy(() -> post(STOCKS, stocks(stock("RM-TEA-001", PODOLSK, 9)))).isInstanceOf(IOException.class);
        assertThat(emulator.stocks().current(ROMASHKA.clientId(), "RM-TEA-001", PODOLSK))
                .as("the work was done, only the answer lost").hasValue(9);

        emulator.faults().latency(Duration.ofMillis(150));
        long started = System.nanoTime();
        assertThat(post(LIST, "{\"limit\":1}").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void registeredOffersAndWarehousesServeBenchmarks() throws Exception {
        emulator.rateLimitsOff();
        long id = emulator.products().register("BENCH-000001");
        assertThat(id).isEqualTo(OzonProducts.FIRST_PRODUCT_ID + OzonProducts.seededOfferIds().size());
        assertThat(emulator.products().register("BENCH-000001")).isEqualTo(id);
        emulator.stocks().addWarehouse(ROMASHKA.clientId(), 77L);
        JsonNode item = post(STOCKS, stocks("{\"offer_id\":\"BENCH-000001\",\"product_id\":" + id
                + ",\"stock\":3,\"warehouse_id\":77}")).body().at("/result/0");
        assertThat(item.get("updated").asBoolean()).isTrue();
        assertThat(emulator.stocks().current(ROMASHKA.clientId(), "BENCH-000001", 77L)).hasValue(3);
        assertThat(Map.of("x", 1)).isNotEmpty();
        assertThat(new BigDecimal("1")).isNotNull();
    }
}
