package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.contract.WildberriesContract;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.WildberriesAccount;
import io.github.marketplace1c.sandbox.SandboxData.WildberriesCard;
import io.github.marketplace1c.sandbox.ozon.MutableClock;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stocks ({@code marketplace-api}) and prices ({@code discounts-prices-api}) of the Wildberries emulator over real
 * HTTP on 127.0.0.1. After every test, everything it was asked and answered is validated against 02-items.yaml
 * ({@link WildberriesContract#assertConforms}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WildberriesStocksPricesTest {

    private static final WildberriesAccount ROMASHKA = SandboxData.WB_ROMASHKA;
    private static final WildberriesAccount VASILKOV = SandboxData.WB_VASILKOV;
    private static final long ROMASHKA_WAREHOUSE = 1_101_001L;
    private static final long VASILKOV_WAREHOUSE = 1_101_002L;
    private static final String STOCKS = "/api/v3/stocks/";
    private static final String UPLOAD = "/api/v2/upload/task";
    private static final String TASKS = "/api/v2/history/tasks";
    private static final String GOODS = "/api/v2/history/goods/task";
    private static final String BUFFER = "/api/v2/buffer/tasks";
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final WildberriesCard TEA = SandboxData.WB_CARDS.get(0);
    private static final WildberriesCard HONEY = SandboxData.WB_CARDS.get(2);
    private static final WildberriesCard SHIRT_M = SandboxData.WB_CARDS.get(4);
    private static final WildberriesCard SHIRT_L = SandboxData.WB_CARDS.get(5);
    private static final long UNKNOWN = 999_999_999L;

    private Vertx vertx;
    private MutableClock clock;
    private WildberriesEmulator emulator;
    private WildberriesHttp http;

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
        emulator = new WildberriesEmulator(vertx, clock, true).start("127.0.0.1", 0);
        http = new WildberriesHttp(emulator.baseUrl());
    }

    @AfterEach
    void conformsToSpec() {
        try {
            WildberriesContract.assertConforms(emulator.recorded());
        } finally {
            emulator.close();
        }
    }

    // ---- PUT /api/v3/stocks/{warehouseId} ------------------------------------------------------------------

    @Test
    void stocksUpdateIs204WithoutABodyAndKeepsTheAmountsWithTheirTimes() throws Exception {
        WildberriesHttp.Reply reply = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                stocks(row(TEA.chrtId(), 12), row(SHIRT_M.chrtId(), 0)));
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.text()).isEmpty();
        assertThat(reply.header("X-Ratelimit-Remaining")).isEqualTo("19");
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, TEA.chrtId())).hasValue(12);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, SHIRT_M.chrtId())).hasValue(0);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, SHIRT_L.chrtId())).isEmpty();
        assertThat(emulator.stocks().current(VASILKOV_WAREHOUSE, TEA.chrtId())).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        // absolute amounts: the later value replaces the earlier; within one request the last row of a size wins
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                stocks(row(TEA.chrtId(), 7), row(TEA.chrtId(), 100_000))).status()).isEqualTo(204);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, TEA.chrtId())).hasValue(100_000);
        assertThat(emulator.stocks().received()).containsExactly(
                new WildberriesStocks.Received(ROMASHKA_WAREHOUSE, TEA.chrtId(), 12, NOW),
                new WildberriesStocks.Received(ROMASHKA_WAREHOUSE, SHIRT_M.chrtId(), 0, NOW),
                new WildberriesStocks.Received(ROMASHKA_WAREHOUSE, TEA.chrtId(), 7, NOW.plusSeconds(300)),
                new WildberriesStocks.Received(ROMASHKA_WAREHOUSE, TEA.chrtId(), 100_000, NOW.plusSeconds(300)));
    }

    @Test
    void aRequestCarriesOneToAThousandRows() throws Exception {
        emulator.rateLimit(0, 0);
        emulator.stocks().addChrtIds(400_000_000L, 1001);
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(rows(400_000_000L, 1000, 3)))
                .status()).isEqualTo(204);
        assertThat(emulator.stocks().received()).hasSize(1000);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, 400_000_999L)).hasValue(3);

        WildberriesHttp.Reply tooMany = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                stocks(rows(400_000_000L, 1001, 4)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("code").asText()).isEqualTo("IncorrectRequestBody");
        assertThat(tooMany.body().get("message").asText()).contains("1000");
        assertThat(emulator.stocks().received()).as("nothing of a refused request is applied").hasSize(1000);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, 400_000_000L)).hasValue(3);

        WildberriesHttp.Reply empty = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), "{\"stocks\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("code").asText()).isEqualTo("IncorrectRequestBody");
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), "{\"stocks\":").status()).isEqualTo(400);
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), "{}").status()).isEqualTo(400);
    }

    @Test
    void refusedRowsComeBackIn409GroupedByCodeAndTheOtherRowsAreApplied() throws Exception {
        emulator.stocks().rejectNext(HONEY.chrtId(), "CargoWarehouseRestrictionMGT",
                "The selected warehouse is not suitable for goods with the type \"LCL (Less than Container Load)\"");
        WildberriesHttp.Reply reply = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(
                row(TEA.chrtId(), 5), row(UNKNOWN, 1), row(SHIRT_M.chrtId(), 100_001), row(HONEY.chrtId(), 9),
                row(UNKNOWN + 1, 2), row(SHIRT_L.chrtId(), 8)));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode errors = reply.body();
        assertThat(errors.isArray()).isTrue();
        assertThat(errors).extracting(e -> e.get("code").asText())
                .containsExactly("NotFound", "UploadDataLimit", "CargoWarehouseRestrictionMGT");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("Not found");
        assertThat(errors.get(0).get("data").toString()).isEqualTo(
                "[{\"chrtId\":" + UNKNOWN + ",\"amount\":1},{\"chrtId\":" + (UNKNOWN + 1) + ",\"amount\":2}]");
        assertThat(errors.get(1).get("message").asText()).isEqualTo("Upload limit exceeded.");
        assertThat(errors.get(1).get("data").toString())
                .isEqualTo("[{\"chrtId\":" + SHIRT_M.chrtId() + ",\"amount\":100001}]");
        assertThat(errors.get(2).get("message").asText()).contains("LCL");

        // partial application: the good rows of the same request went through
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, TEA.chrtId())).hasValue(5);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, SHIRT_L.chrtId())).hasValue(8);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, SHIRT_M.chrtId())).isEmpty();
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, HONEY.chrtId())).isEmpty();
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, UNKNOWN)).isEmpty();
        assertThat(emulator.stocks().received()).extracting(WildberriesStocks.Received::chrtId)
                .containsExactly(TEA.chrtId(), SHIRT_L.chrtId());
        // a 409 is a 4xx: it costs 10 of the Marketplace bucket
        assertThat(reply.header("X-Ratelimit-Remaining")).isEqualTo("10");

        // an armed rejection is used up
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(row(HONEY.chrtId(), 9))).status())
                .isEqualTo(204);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, HONEY.chrtId())).hasValue(9);
    }

    @Test
    void theWarehouseMustBeOneOfTheTokensOwn() throws Exception {
        emulator.rateLimit(0, 0);
        WildberriesHttp.Reply foreign = http.put(STOCKS + VASILKOV_WAREHOUSE, ROMASHKA.token(), stocks(row(TEA.chrtId(), 1)));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("code").asText()).isEqualTo("NotFound");
        assertThat(foreign.body().has("data")).isTrue();
        assertThat(http.put(STOCKS + 42, ROMASHKA.token(), stocks(row(TEA.chrtId(), 1))).status()).isEqualTo(404);
        WildberriesHttp.Reply notANumber = http.put(STOCKS + "main", ROMASHKA.token(), stocks(row(TEA.chrtId(), 1)));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().get("code").asText()).isEqualTo("IncorrectParameter");
        assertThat(emulator.stocks().received()).isEmpty();

        assertThat(http.put(STOCKS + VASILKOV_WAREHOUSE, VASILKOV.token(), stocks(row(TEA.chrtId(), 1))).status())
                .isEqualTo(204);
        assertThat(emulator.stocks().current(VASILKOV_WAREHOUSE, TEA.chrtId())).hasValue(1);

        emulator.addAccount("third-seller");
        assertThat(http.put(STOCKS + 77, "third-seller", stocks(row(TEA.chrtId(), 1))).status()).isEqualTo(404);
        emulator.stocks().addWarehouse("third-seller", 77);
        assertThat(http.put(STOCKS + 77, "third-seller", stocks(row(TEA.chrtId(), 1))).status()).isEqualTo(204);
    }

    @Test
    void misspeltKeysAre204WithoutAnUpdateButASkuKeyIsRefused() throws Exception {
        emulator.rateLimit(0, 0);
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                "{\"stocks\":[{\"chrtID\":" + TEA.chrtId() + ",\"amount\":5},{\"chrtId\":" + TEA.chrtId()
                        + ",\"quantity\":5}]}").status()).isEqualTo(204);
        assertThat(emulator.stocks().received()).isEmpty();
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, TEA.chrtId())).isEmpty();

        WildberriesHttp.Reply sku = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                "{\"stocks\":[{\"chrtId\":" + HONEY.chrtId() + ",\"amount\":1},{\"sku\":\"" + TEA.barcode()
                        + "\",\"amount\":5}]}");
        assertThat(sku.status()).isEqualTo(400);
        assertThat(sku.body().get("code").asText()).isEqualTo("SKUUploadDisabled");
        assertThat(sku.body().get("message").asText()).contains("'chrtId'");
        assertThat(emulator.stocks().received()).as("a 400 applies no row").isEmpty();

        for (String bad : new String[]{"-1", "\"5\"", "1.5", "null"}) {
            WildberriesHttp.Reply reply = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                    "{\"stocks\":[{\"chrtId\":" + TEA.chrtId() + ",\"amount\":" + bad + "}]}");
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.body().get("code").asText()).isEqualTo("IncorrectRequestBody");
        }
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                "{\"stocks\":[{\"chrtId\":\"" + TEA.chrtId() + "\",\"amount\":1}]}").status()).isEqualTo(400);
        assertThat(emulator.stocks().received()).isEmpty();
    }

    @Test
    void stocksShareTheMarketplaceBucketWithOrdersAndAnswer429WithItsHeaders() throws Exception {
        emulator.rateLimit(60, 5); // one a second, burst 5
        assertThat(http.get("/api/v3/orders/new", ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("4");
        for (int remaining = 3; remaining >= 0; remaining--) {
            WildberriesHttp.Reply ok = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(row(TEA.chrtId(), 1)));
            assertThat(ok.status()).isEqualTo(204);
            assertThat(ok.header("X-Ratelimit-Remaining")).isEqualTo(Integer.toString(remaining));
        }
        WildberriesHttp.Reply limited = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                stocks(row(TEA.chrtId(), 2)));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(limited.header("X-Ratelimit-Retry")).isEqualTo("1");
        assertThat(limited.header("X-Ratelimit-Limit")).isEqualTo("5");
        assertThat(limited.header("X-Ratelimit-Reset")).isEqualTo("5");
        assertThat(limited.header("X-Ratelimit-Remaining")).isNull();
        assertThat(limited.body().get("title").asText()).isEqualTo("too many requests");
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, TEA.chrtId())).as("a 429 applies nothing").hasValue(1);
        assertThat(http.get("/api/v3/orders/new", ROMASHKA.token()).status()).isEqualTo(429);
        // per account
        assertThat(http.put(STOCKS + VASILKOV_WAREHOUSE, VASILKOV.token(), stocks(row(TEA.chrtId(), 1))).status())
                .isEqualTo(204);
        // and the prices bucket is another one
        assertThat(http.get(TASKS + "?uploadID=1", ROMASHKA.token()).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(row(TEA.chrtId(), 2))).status())
                .isEqualTo(204);
    }

    @Test
    void stocksAuthAndFaultsAnswerTheGatewaysProblemBody() throws Exception {
        WildberriesHttp.Reply noToken = http.put(STOCKS + ROMASHKA_WAREHOUSE, null, stocks(row(TEA.chrtId(), 1)));
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(noToken.body().get("title").asText()).isEqualTo("unauthorized");
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, "wrong", stocks(row(TEA.chrtId(), 1))).status()).isEqualTo(401);

        emulator.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, 1, "PUT /api/v3/stocks/");
        WildberriesHttp.Reply failed = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(row(TEA.chrtId(), 1)));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body().get("statusText").asText()).isEqualTo("Service Unavailable");
        assertThat(emulator.stocks().received()).isEmpty();

        // a lost reply: the rows were applied, the client cannot know
        emulator.faults().arm(Faults.Kind.LOSE_REPLY, 1, "PUT /api/v3/stocks/");
        assertThatThrownBy(() -> http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(row(TEA.chrtId(), 4))))
                .isInstanceOf(IOException.class);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, TEA.chrtId())).hasValue(4);
    }

    @Test
    void twoHundredThousandRowsGoThroughWithTheLimitsOff() throws Exception {
        emulator.rateLimits(false);
        emulator.stocks().addChrtIds(500_000_000L, 200_000);
        long started = System.nanoTime();
        for (int request = 0; request < 200; request++) {
            WildberriesHttp.Reply reply = http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(),
                    stocks(rows(500_000_000L + request * 1000L, 1000, request)));
            assertThat(reply.status()).isEqualTo(204);
            assertThat(reply.header("X-Ratelimit-Remaining")).isNull();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(emulator.stocks().received()).hasSize(200_000);
        assertThat(emulator.stocks().current(ROMASHKA_WAREHOUSE, 500_199_999L)).hasValue(199);
        assertThat(took).as("200 000 rows took %s", took).isLessThan(Duration.ofSeconds(30));
        // the first exchanges are enough for the contract check; 200 bodies of 1000 rows would only slow it
        var kept = emulator.recorded().subList(0, 3);
        emulator.clearRecorded();
        WildberriesContract.assertConforms(kept);
    }

    // ---- prices: POST /api/v2/upload/task and the history ----------------------------------------------------

    @Test
    void anUploadIsATaskWhoseHistoryShowsEachItem() throws Exception {
        WildberriesHttp.Reply upload = http.post(UPLOAD, ROMASHKA.token(), prices(
                price(TEA.nmId(), 500, 10), price(SHIRT_M.nmId(), 1290, 0), price(UNKNOWN, 100, 0)));
        assertThat(upload.status()).isEqualTo(200);
        assertThat(upload.header("Content-Type")).isEqualTo("application/json");
        assertThat(upload.header("X-Ratelimit-Remaining")).isEqualTo("4");
        assertThat(upload.body().get("error").asBoolean()).isFalse();
        assertThat(upload.body().get("errorText").asText()).isEmpty();
        assertThat(upload.body().get("data").get("alreadyExists").asBoolean()).isFalse();
        long id = upload.body().get("data").get("id").asLong();

        JsonNode task = http.get(TASKS + "?uploadID=" + id, ROMASHKA.token()).body();
        assertThat(task.get("error").asBoolean()).isFalse();
        assertThat(task.get("data").get("uploadID").asLong()).isEqualTo(id);
        assertThat(task.get("data").get("status").asInt()).isEqualTo(WildberriesPrices.PROCESSED_WITH_ERRORS);
        assertThat(task.get("data").get("overAllGoodsNumber").asInt()).isEqualTo(3);
        assertThat(task.get("data").get("successGoodsNumber").asInt()).isEqualTo(2);
        assertThat(task.get("data").get("uploadDate").asText()).isEqualTo("2026-11-10T12:00:00Z");

        JsonNode goods = http.get(GOODS + "?uploadID=" + id + "&limit=1000&offset=0", ROMASHKA.token()).body()
                .get("data");
        assertThat(goods.get("uploadID").asLong()).isEqualTo(id);
        JsonNode items = goods.get("historyGoods");
        assertThat(items).extracting(i -> i.get("nmID").asLong()).containsExactly(TEA.nmId(), SHIRT_M.nmId(), UNKNOWN);
        assertThat(items).extracting(i -> i.get("status").asInt()).containsExactly(2, 2, 3);
        assertThat(items.get(0).get("price").asLong()).isEqualTo(500);
        assertThat(items.get(0).get("discount").asInt()).isEqualTo(10);
        assertThat(items.get(0).get("vendorCode").asText()).isEqualTo(TEA.vendorCode());
        assertThat(items.get(0).get("currencyIsoCode4217").asText()).isEqualTo("RUB");
        assertThat(items.get(0).get("errorText").asText()).isEmpty();
        assertThat(items.get(2).get("errorText").asText()).isEqualTo(WildberriesPrices.NOT_FOUND);

        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).contains(new WildberriesPrices.Price(500, 10));
        assertThat(emulator.prices().current(ROMASHKA.token(), SHIRT_M.nmId())).contains(new WildberriesPrices.Price(1290, 0));
        assertThat(emulator.prices().current(ROMASHKA.token(), UNKNOWN)).isEmpty();

        // another account does not see the task
        assertThat(http.get(TASKS + "?uploadID=" + id, VASILKOV.token()).body().get("data").isNull()).isTrue();
        JsonNode foreign = http.get(GOODS + "?uploadID=" + id + "&limit=10", VASILKOV.token()).body().get("data");
        assertThat(foreign.get("uploadID").isNull()).isTrue();
        assertThat(foreign.get("historyGoods").isNull()).isTrue();
    }

    @Test
    void theSamePayloadTwiceIs208WithTheFirstTasksId() throws Exception {
        String payload = prices(price(TEA.nmId(), 450, 5), price(HONEY.nmId(), 600, 0));
        long id = http.post(UPLOAD, ROMASHKA.token(), payload).body().get("data").get("id").asLong();
        WildberriesHttp.Reply again = http.post(UPLOAD, ROMASHKA.token(), payload);
        assertThat(again.status()).isEqualTo(208);
        assertThat(again.body().get("data").get("id").asLong()).isEqualTo(id);
        assertThat(again.body().get("data").get("alreadyExists").asBoolean()).isTrue();
        assertThat(again.body().get("error").asBoolean()).isFalse();
        assertThat(again.body().get("errorText").asText()).isEqualTo("This task already exists");
        // another account's same payload is its own task, with its own prices
        assertThat(http.post(UPLOAD, VASILKOV.token(), payload).status()).isEqualTo(200);
        assertThat(emulator.prices().current(VASILKOV.token(), TEA.nmId())).contains(new WildberriesPrices.Price(450, 5));
        assertThat(emulator.prices().current(TEA.nmId())).as("the last applied by anyone")
                .contains(new WildberriesPrices.Price(450, 5));

        // values already set (and not the latest payload): WB refuses the upload as changing nothing
        WildberriesHttp.Reply unchanged = http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 450, 5)));
        assertThat(unchanged.status()).isEqualTo(400);
        assertThat(unchanged.body().get("errorText").asText()).isEqualTo(PriceEndpoints.NOTHING_TO_CHANGE);
        assertThat(unchanged.body().get("data").isNull()).isTrue();
        assertThat(unchanged.body().get("error").asBoolean()).isTrue();
        assertThat(http.post(UPLOAD, ROMASHKA.token(), prices(price(UNKNOWN, 450, 5))).status()).isEqualTo(400);

        clock.advance(Duration.ofSeconds(10));
        WildberriesHttp.Reply changed = http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 460, 5)));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("data").get("id").asLong()).isGreaterThan(id);
        // a payload equal to an older upload's but not the latest is a new task again
        clock.advance(Duration.ofSeconds(10));
        assertThat(http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 450, 5))).status()).isEqualTo(200);
        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).contains(new WildberriesPrices.Price(450, 5));
    }

    @Test
    void malformedUploadsAre400WithThePricesErrorBodyAndCreateNoTask() throws Exception {
        emulator.rateLimits(false);
        String[][] cases = {
                {"{\"data\":", PriceEndpoints.INVALID_FORMAT},
                {"{\"prices\":[]}", PriceEndpoints.INVALID_FORMAT},
                {"{\"data\":[]}", PriceEndpoints.EMPTY},
                {prices(price(TEA.nmId(), 100, 0), "{\"nmID\":" + TEA.nmId() + ",\"price\":200}"),
                        PriceEndpoints.DUPLICATE_ITEMS},
                {"{\"data\":[{\"nmID\":" + TEA.nmId() + ",\"price\":349.5}]}", PriceEndpoints.WHOLE_PRICE},
                {"{\"data\":[{\"nmID\":" + TEA.nmId() + ",\"price\":0}]}", PriceEndpoints.INVALID_PRICE},
                {"{\"data\":[{\"nmID\":" + TEA.nmId() + ",\"price\":-5}]}", PriceEndpoints.INVALID_PRICE},
                {"{\"data\":[{\"nmID\":" + TEA.nmId() + ",\"discount\":100}]}", PriceEndpoints.INVALID_DISCOUNT},
                {"{\"data\":[{\"nmID\":" + TEA.nmId() + ",\"discount\":-1}]}", PriceEndpoints.INVALID_DISCOUNT},
                {"{\"data\":[{\"nmID\":\"" + TEA.nmId() + "\",\"price\":100}]}", PriceEndpoints.INVALID_ITEM},
                {"{\"data\":[{\"price\":100}]}", PriceEndpoints.INVALID_ITEM},
                {"{\"data\":[{\"nmID\":" + TEA.nmId() + "}]}", PriceEndpoints.NOTHING_SPECIFIED},
                {prices(IntStream.range(0, 1001).mapToObj(i -> price(600_000_000L + i, 100, 0))
                        .toArray(String[]::new)), PriceEndpoints.TOO_MANY},
        };
        for (String[] c : cases) {
            WildberriesHttp.Reply reply = http.post(UPLOAD, ROMASHKA.token(), c[0]);
            assertThat(reply.status()).as(c[1]).isEqualTo(400);
            assertThat(reply.body().get("data").isNull()).isTrue();
            assertThat(reply.body().get("error").asBoolean()).isTrue();
            assertThat(reply.body().get("errorText").asText()).isEqualTo(c[1]);
        }
        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).isEmpty();

        // exactly 1000 is fine; a discount alone keeps the price
        emulator.prices().addNmIds(600_000_000L, 1000);
        assertThat(http.post(UPLOAD, ROMASHKA.token(), prices(IntStream.range(0, 1000)
                .mapToObj(i -> price(600_000_000L + i, 100 + i, 0)).toArray(String[]::new))).status()).isEqualTo(200);
        assertThat(emulator.prices().current(ROMASHKA.token(), 600_000_999L)).contains(new WildberriesPrices.Price(1099, 0));
        assertThat(http.post(UPLOAD, ROMASHKA.token(), "{\"data\":[{\"nmID\":600000999,\"discount\":15}]}").status())
                .isEqualTo(200);
        assertThat(emulator.prices().current(ROMASHKA.token(), 600_000_999L)).contains(new WildberriesPrices.Price(1099, 15));
    }

    @Test
    void quarantineAndArmedRejectionsFailTheirItemOnly() throws Exception {
        emulator.prices().seed(ROMASHKA.token(), TEA.nmId(), 3000, 0);
        emulator.prices().seed(ROMASHKA.token(), HONEY.nmId(), 600, 0);
        emulator.prices().rejectNext(HONEY.nmId(), "You can't change the item price. Item was added to the Sale "
                + "due to high inventory");
        // 1000 with 0 % is 3 times less than 3000: quarantine
        long id = http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 1000, 0), price(HONEY.nmId(), 650, 0)))
                .body().get("data").get("id").asLong();
        JsonNode task = http.get(TASKS + "?uploadID=" + id, ROMASHKA.token()).body().get("data");
        assertThat(task.get("status").asInt()).isEqualTo(WildberriesPrices.ALL_FAILED);
        assertThat(task.get("successGoodsNumber").asInt()).isZero();
        JsonNode items = http.get(GOODS + "?uploadID=" + id + "&limit=10", ROMASHKA.token()).body()
                .get("data").get("historyGoods");
        assertThat(items).extracting(i -> i.get("status").asInt()).containsOnly(3);
        assertThat(items.get(0).get("errorText").asText()).isEqualTo(WildberriesPrices.QUARANTINE);
        assertThat(items.get(0).get("price").asLong()).isEqualTo(1000);
        assertThat(items.get(1).get("errorText").asText()).contains("high inventory");
        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).contains(new WildberriesPrices.Price(3000, 0));
        assertThat(emulator.prices().current(ROMASHKA.token(), HONEY.nmId())).contains(new WildberriesPrices.Price(600, 0));

        // just above a third is fine, and the rejection was used up
        id = http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 1001, 0), price(HONEY.nmId(), 650, 0)))
                .body().get("data").get("id").asLong();
        assertThat(http.get(TASKS + "?uploadID=" + id, ROMASHKA.token()).body().get("data").get("status").asInt())
                .isEqualTo(WildberriesPrices.PROCESSED);
        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).contains(new WildberriesPrices.Price(1001, 0));
        assertThat(emulator.prices().current(ROMASHKA.token(), HONEY.nmId())).contains(new WildberriesPrices.Price(650, 0));
    }

    @Test
    void processingCanTakeSomePollsToShowPolling() throws Exception {
        emulator.prices().processAfterPolls(2);
        long id = http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 500, 0))).body()
                .get("data").get("id").asLong();
        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).isEmpty();

        JsonNode goods = http.get(GOODS + "?uploadID=" + id + "&limit=10", ROMASHKA.token()).body().get("data");
        assertThat(goods.get("historyGoods").isNull()).as("goods do not count as a poll").isTrue();
        assertThat(http.get(TASKS + "?uploadID=" + id, ROMASHKA.token()).body().get("data").isNull()).isTrue();
        JsonNode buffered = http.get(BUFFER + "?uploadID=" + id, ROMASHKA.token()).body().get("data");
        assertThat(buffered.get("status").asInt()).isEqualTo(WildberriesPrices.IN_PROCESSING);
        assertThat(buffered.get("overAllGoodsNumber").asInt()).isEqualTo(1);
        assertThat(buffered.get("successGoodsNumber").asInt()).isZero();
        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).isEmpty();

        clock.advance(Duration.ofSeconds(3));
        JsonNode task = http.get(TASKS + "?uploadID=" + id, ROMASHKA.token()).body().get("data");
        assertThat(task.get("status").asInt()).isEqualTo(WildberriesPrices.PROCESSED);
        assertThat(task.get("uploadDate").asText()).isEqualTo("2026-11-10T12:00:00Z");
        assertThat(task.get("activationDate").asText()).isEqualTo("2026-11-10T12:00:03Z");
        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).contains(new WildberriesPrices.Price(500, 0));
        assertThat(http.get(BUFFER + "?uploadID=" + id, ROMASHKA.token()).body().get("data").isNull()).isTrue();
    }

    @Test
    void historyGoodsPagesWithLimitAndOffset() throws Exception {
        emulator.rateLimits(false);
        emulator.prices().addNmIds(600_000_000L, 25);
        long id = http.post(UPLOAD, ROMASHKA.token(), prices(IntStream.range(0, 25)
                .mapToObj(i -> price(600_000_000L + i, 100 + i, 0)).toArray(String[]::new))).body()
                .get("data").get("id").asLong();
        JsonNode page = http.get(GOODS + "?uploadID=" + id + "&limit=10&offset=20", ROMASHKA.token()).body()
                .get("data").get("historyGoods");
        assertThat(page).extracting(i -> i.get("nmID").asLong())
                .containsExactly(600_000_020L, 600_000_021L, 600_000_022L, 600_000_023L, 600_000_024L);
        assertThat(http.get(GOODS + "?uploadID=" + id + "&limit=10&offset=30", ROMASHKA.token()).body()
                .get("data").get("historyGoods")).isEmpty();
        assertThat(http.get(GOODS + "?uploadID=" + id + "&limit=3", ROMASHKA.token()).body()
                .get("data").get("historyGoods")).hasSize(3);

        for (String bad : new String[]{"?uploadID=" + id, "?uploadID=" + id + "&limit=0",
                "?uploadID=" + id + "&limit=1001", "?limit=10", "?uploadID=x&limit=10",
                "?uploadID=" + id + "&limit=10&offset=-1"}) {
            WildberriesHttp.Reply reply = http.get(GOODS + bad, ROMASHKA.token());
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.body().get("errorText").asText()).isEqualTo(PriceEndpoints.INVALID_PARAMETERS);
        }
        assertThat(http.get(TASKS, ROMASHKA.token()).status()).isEqualTo(400);
        assertThat(http.get(TASKS + "?uploadID=123456789", ROMASHKA.token()).body().get("data").isNull()).isTrue();
    }

    @Test
    void pricesBucketIsTenPerSixSecondsWithABurstOfFiveAndA4xxCostsOne() throws Exception {
        for (int remaining = 4; remaining >= 0; remaining--) {
            WildberriesHttp.Reply ok = http.get(TASKS + "?uploadID=1", ROMASHKA.token());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-Ratelimit-Remaining")).isEqualTo(Integer.toString(remaining));
        }
        WildberriesHttp.Reply limited = http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 500, 0)));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(limited.header("X-Ratelimit-Retry")).isEqualTo("1");
        assertThat(limited.header("X-Ratelimit-Limit")).isEqualTo("5");
        assertThat(limited.header("X-Ratelimit-Reset")).isEqualTo("3");
        assertThat(limited.body().get("status").asInt()).isEqualTo(429);
        assertThat(emulator.prices().current(ROMASHKA.token(), TEA.nmId())).isEmpty();
        // the Marketplace bucket is untouched
        assertThat(http.get("/api/v3/orders/new", ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("19");

        clock.advance(Duration.ofMillis(600)); // one request back every 600 ms
        WildberriesHttp.Reply bad = http.get(TASKS, ROMASHKA.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("X-Ratelimit-Remaining")).isEqualTo("0");
        clock.advance(Duration.ofMillis(1200));
        assertThat(http.get(TASKS + "?uploadID=1", ROMASHKA.token()).header("X-Ratelimit-Remaining"))
                .as("a 4xx cost one request here, not ten").isEqualTo("1");

        emulator.faults().arm(Faults.Kind.RATE_LIMITED, 1, "POST " + UPLOAD);
        emulator.pricesRateLimit(0, 0);
        WildberriesHttp.Reply faulted = http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 500, 0)));
        assertThat(faulted.status()).isEqualTo(429);
        assertThat(faulted.header("X-Ratelimit-Limit")).isEqualTo("5");
        assertThat(faulted.header("X-Ratelimit-Reset")).isEqualTo("3");
        assertThat(http.post(UPLOAD, ROMASHKA.token(), prices(price(TEA.nmId(), 500, 0))).status()).isEqualTo(200);
    }

    @Test
    void pricesAnswer401WithTheProblemBody() throws Exception {
        WildberriesHttp.Reply reply = http.post(UPLOAD, "wrong", prices(price(TEA.nmId(), 500, 0)));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.body().get("title").asText()).isEqualTo("unauthorized");
        assertThat(http.get(TASKS + "?uploadID=1", null).status()).isEqualTo(401);
    }

    @Test
    void allRateLimitsSwitchOffAndBackOnFromTheControlEndpoint() throws Exception {
        HttpRequest off = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/rate-limits"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build();
        assertThat(http.raw(off).statusCode()).isEqualTo(200);
        for (int i = 0; i < 30; i++) {
            WildberriesHttp.Reply reply = http.get(TASKS + "?uploadID=1", ROMASHKA.token());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("X-Ratelimit-Remaining")).isNull();
            assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(row(TEA.chrtId(), i))).status())
                    .isEqualTo(204);
        }
        HttpRequest on = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/rate-limits"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")).build();
        assertThat(http.raw(on).statusCode()).isEqualTo(200);
        assertThat(http.get(TASKS + "?uploadID=1", ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("4");
        assertThat(http.put(STOCKS + ROMASHKA_WAREHOUSE, ROMASHKA.token(), stocks(row(TEA.chrtId(), 1)))
                .header("X-Ratelimit-Remaining")).isEqualTo("19");
        HttpRequest junk = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/rate-limits"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":\"no\"}")).build();
        assertThat(http.raw(junk).statusCode()).isEqualTo(400);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static String row(long chrtId, long amount) {
        return "{\"chrtId\":" + chrtId + ",\"amount\":" + amount + "}";
    }

    private static String[] rows(long firstChrtId, int count, long amount) {
        return IntStream.range(0, count).mapToObj(i -> row(firstChrtId + i, amount)).toArray(String[]::new);
    }

    private static String stocks(String... rows) {
        return "{\"stocks\":[" + String.join(",", rows) + "]}";
    }

    private static String price(long nmId, long price, int discount) {
        return "{\"nmID\":" + nmId + ",\"price\":" + price + ",\"discount\":" + discount + "}";
    }

    private static String prices(String... items) {
        return "{\"data\":[" + String.join(",", items) + "]}";
    }
}
