package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.contract.WildberriesContract;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.WildberriesAccount;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Wildberries emulator over real HTTP on 127.0.0.1. After every test, everything it was asked and answered is
 * validated against the official spec ({@link WildberriesContract#assertConforms}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WildberriesEmulatorTest {

    private static final WildberriesAccount ROMASHKA = SandboxData.WB_ROMASHKA;
    private static final WildberriesAccount VASILKOV = SandboxData.WB_VASILKOV;
    private static final String NEW = "/api/v3/orders/new";
    private static final String LIST = "/api/v3/orders";
    private static final String STATUS = "/api/v3/orders/status";
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    /** A 30-day window (the most WB allows) around all the seeded orders. */
    private static final long FROM = Instant.parse("2026-10-20T00:00:00Z").getEpochSecond();
    private static final long TO = FROM + Duration.ofDays(30).toSeconds();

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

    // ---- GET /api/v3/orders --------------------------------------------------------------------------------

    @Test
    void pagingWithNextReturnsEverySeededOrderExactlyOnceThenAnEmptyPage() throws Exception {
        for (WildberriesAccount account : SandboxData.WB_ACCOUNTS) {
            List<Long> seen = new ArrayList<>();
            long next = 0;
            int pages = 0;
            JsonNode page;
            do {
                WildberriesHttp.Reply reply = http.get(LIST + "?limit=7&next=" + next + "&dateFrom=" + FROM
                        + "&dateTo=" + TO, account.token());
                assertThat(reply.status()).isEqualTo(200);
                page = reply.body().get("orders");
                assertThat(page.size()).isLessThanOrEqualTo(7);
                page.forEach(o -> seen.add(o.get("id").asLong()));
                next = reply.body().get("next").asLong();
                pages++;
            } while (!page.isEmpty() && pages < 20);

            List<Long> seeded = WildberriesSeed.orders(account.token()).stream().map(WildberriesSeed.SeededOrder::id).toList();
            assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(seeded);
            assertThat(pages).isEqualTo((seeded.size() + 6) / 7 + 1);
        }
    }

    @Test
    void listCarriesNoStatusAndMoneyInKopecks() throws Exception {
        JsonNode orders = http.get(LIST + "?limit=1000&next=0&dateFrom=" + FROM + "&dateTo=" + TO, ROMASHKA.token())
                .body().get("orders");
        assertThat(orders).hasSize(WildberriesSeed.orders(ROMASHKA.token()).size());
        for (JsonNode o : orders) {
            assertThat(o.has("supplierStatus") || o.has("wbStatus") || o.has("status")).isFalse();
            assertThat(o.has("finalPrice") || o.has("salePrice")).as("not in the Order schema").isFalse();
            SandboxData.WildberriesCard card = SandboxData.WB_CARDS.stream()
                    .filter(c -> c.chrtId() == o.get("chrtId").asLong()).findFirst().orElseThrow();
            assertThat(o.get("price").isIntegralNumber()).isTrue();
            assertThat(o.get("price").asLong()).isEqualTo(card.item().price().movePointRight(2).longValueExact());
            assertThat(o.get("convertedPrice").asLong()).isEqualTo(o.get("price").asLong());
            assertThat(o.get("currencyCode").asInt()).isEqualTo(643);
            assertThat(o.get("skus")).hasSize(1);
            assertThat(o.get("skus").get(0).asText()).isEqualTo(card.barcode());
            assertThat(o.get("nmId").asLong()).isEqualTo(card.nmId());
            assertThat(o.get("article").asText()).isEqualTo(card.vendorCode());
            assertThat(o.get("warehouseId").asLong()).isEqualTo(1_101_001L);
            assertThat(o.get("deliveryType").asText()).isEqualTo("fbs");
        }
        // orders in a supply say which
        long confirmed = WildberriesSeed.orders(ROMASHKA.token()).stream()
                .filter(o -> !o.supplierStatus().equals("new")).findFirst().orElseThrow().id();
        assertThat(orders).filteredOn(o -> o.get("id").asLong() == confirmed)
                .singleElement().satisfies(o -> assertThat(o.get("supplyId").asText()).startsWith("WB-GI-"));
    }

    @Test
    void periodIsAtMostThirtyDaysAndDefaultsToTheLastThirty() throws Exception {
        assertThat(http.get(LIST + "?limit=10&next=0&dateFrom=" + FROM + "&dateTo=" + TO, ROMASHKA.token()).status())
                .isEqualTo(200);

        WildberriesHttp.Reply tooLong = http.get(LIST + "?limit=10&next=0&dateFrom=" + FROM + "&dateTo=" + (TO + 1),
                ROMASHKA.token());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("code").asText()).isEqualTo("IncorrectParameter");
        assertThat(tooLong.body().get("message").asText()).contains("30");
        assertThat(tooLong.body().get("data").isNull()).isTrue();
        assertThat(tooLong.header("Content-Type")).startsWith("application/json");

        WildberriesHttp.Reply reversed = http.get(LIST + "?limit=10&next=0&dateFrom=" + TO + "&dateTo=" + FROM,
                ROMASHKA.token());
        assertThat(reversed.status()).isEqualTo(400);
        // two 4xx cost 20 requests: the whole default burst; 4 s at one per 200 ms refill it
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(4));

        // no dates: the 30 days before now (2026-11-10 12:00) hold every seeded order
        JsonNode all = http.get(LIST + "?limit=1000&next=0", ROMASHKA.token()).body().get("orders");
        assertThat(all).hasSize(WildberriesSeed.orders(ROMASHKA.token()).size());
        // a month later, only those created after 2026-11-01 12:00 remain in the default window
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        JsonNode later = http.get(LIST + "?limit=1000&next=0", ROMASHKA.token()).body().get("orders");
        long expected = WildberriesSeed.orders(ROMASHKA.token()).stream()
                .filter(o -> !o.createdAt().isBefore(Instant.parse("2026-11-01T12:00:00Z"))).count();
        assertThat(later.size()).isEqualTo((int) expected).isPositive()
                .isLessThan(WildberriesSeed.orders(ROMASHKA.token()).size());
    }

    @Test
    void periodBoundsAreInclusiveUnixSeconds() throws Exception {
        WildberriesSeed.SeededOrder some = WildberriesSeed.orders(VASILKOV.token()).get(5);
        long at = some.createdAt().getEpochSecond();
        JsonNode exact = http.get(LIST + "?limit=10&next=0&dateFrom=" + at + "&dateTo=" + at, VASILKOV.token())
                .body().get("orders");
        assertThat(exact).extracting(o -> o.get("id").asLong()).contains(some.id());
        assertThat(exact).allSatisfy(o -> assertThat(Instant.parse(o.get("createdAt").asText()).getEpochSecond()).isEqualTo(at));
    }

    @Test
    void limitAndNextAreRequiredAndChecked() throws Exception {
        emulator.rateLimit(0, 0); // six 4xx would otherwise eat 60 requests' worth of the bucket
        for (String query : List.of("?next=0", "?limit=10", "?limit=0&next=0", "?limit=1001&next=0",
                "?limit=ten&next=0", "?limit=10&next=-1")) {
            WildberriesHttp.Reply reply = http.get(LIST + query, ROMASHKA.token());
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.body().get("code").asText()).isEqualTo("IncorrectParameter");
        }
    }

    // ---- GET /api/v3/orders/new ----------------------------------------------------------------------------

    @Test
    void newOrdersAreOnlyTheNewOnesStillWanted() throws Exception {
        Set<Long> expected = new java.util.TreeSet<>();
        WildberriesSeed.orders(ROMASHKA.token()).stream()
                .filter(o -> o.supplierStatus().equals("new") && o.wbStatus().equals("waiting"))
                .forEach(o -> expected.add(o.id()));
        assertThat(expected).isNotEmpty();
        JsonNode reply = http.get(NEW, ROMASHKA.token()).body();
        assertThat(reply.has("next")).as("no paging").isFalse();
        assertThat(ids(reply)).containsExactlyElementsOf(expected);
        JsonNode first = reply.get("orders").get(0);
        assertThat(first.get("finalPrice").asLong()).isEqualTo(first.get("price").asLong());
        assertThat(first.get("salePrice").isIntegralNumber()).isTrue();
        assertThat(first.get("scanPrice").isNull()).isTrue();
        assertThat(first.has("supplyId")).isFalse();

        // a cancelled new order and one the seller took into a supply both leave the list
        long[] two = expected.stream().limit(2).mapToLong(Long::longValue).toArray();
        emulator.orders().cancelByBuyer(two[0]);
        emulator.orders().setStatus(two[1], "confirm", "waiting");
        assertThat(ids(http.get(NEW, ROMASHKA.token()).body())).doesNotContain(two[0], two[1])
                .hasSize(expected.size() - 2);
    }

    // ---- POST /api/v3/orders/status ------------------------------------------------------------------------

    @Test
    void statusesShowABuyersCancellation() throws Exception {
        long id = WildberriesSeed.orders(VASILKOV.token()).stream()
                .filter(o -> o.supplierStatus().equals("new") && o.wbStatus().equals("waiting"))
                .findFirst().orElseThrow().id();
        JsonNode before = http.post(STATUS, VASILKOV.token(), "{\"orders\":[" + id + "]}").body().get("orders");
        assertThat(before).singleElement().satisfies(s -> {
            assertThat(s.get("id").asLong()).isEqualTo(id);
            assertThat(s.get("supplierStatus").asText()).isEqualTo("new");
            assertThat(s.get("wbStatus").asText()).isEqualTo("waiting");
            assertThat(s.get("isCancellable").asBoolean()).isTrue();
        });

        clock.advance(Duration.ofMinutes(3));
        emulator.orders().cancelByBuyer(id);
        JsonNode after = http.post(STATUS, VASILKOV.token(), "{\"orders\":[" + id + "," + id + "]}").body().get("orders");
        assertThat(after).singleElement().satisfies(s -> {
            assertThat(s.get("supplierStatus").asText()).isEqualTo("new");
            assertThat(s.get("wbStatus").asText()).isEqualTo("canceled_by_client");
            assertThat(s.get("isCancellable").asBoolean()).isFalse();
        });
        assertThat(emulator.orders().status(id)).get()
                .extracting(WildberriesOrders.Status::changedAt).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
    }

    @Test
    void statusesAnswerOnlyTheAccountsOwnOrdersAndCheckTheBody() throws Exception {
        List<WildberriesSeed.SeededOrder> seeded = WildberriesSeed.orders(ROMASHKA.token());
        long foreign = WildberriesSeed.orders(VASILKOV.token()).get(0).id();
        String body = "{\"orders\":[" + seeded.get(0).id() + "," + foreign + ",1," + seeded.get(1).id() + "]}";
        JsonNode answer = http.post(STATUS, ROMASHKA.token(), body).body();
        assertThat(ids(answer)).containsExactly(seeded.get(0).id(), seeded.get(1).id());
        assertThat(answer.get("orders").get(0).get("supplierStatus").asText()).isEqualTo(seeded.get(0).supplierStatus());

        emulator.rateLimit(0, 0);
        WildberriesHttp.Reply empty = http.post(STATUS, ROMASHKA.token(), "{\"orders\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("code").asText()).isEqualTo("IncorrectParameter");
        StringBuilder many = new StringBuilder("{\"orders\":[1");
        for (int i = 2; i <= 1001; i++) {
            many.append(',').append(i);
        }
        assertThat(http.post(STATUS, ROMASHKA.token(), many + "]}").status()).isEqualTo(400);
        WildberriesHttp.Reply notJson = http.post(STATUS, ROMASHKA.token(), "{\"orders\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("code").asText()).isEqualTo("IncorrectRequestBody");
        assertThat(http.post(STATUS, ROMASHKA.token(), "{\"orders\":[\"x\"]}").status()).isEqualTo(400);
    }

    // ---- auth ----------------------------------------------------------------------------------------------

    @Test
    void answersMissingAndUnknownTokensWith401ProblemBody() throws Exception {
        WildberriesHttp.Reply missing = http.get(NEW, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("Content-Type")).startsWith("application/json");
        JsonNode problem = missing.body();
        assertThat(problem.get("title").asText()).isEqualTo("unauthorized");
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("statusText").asText()).isEqualTo("Unauthorized");
        assertThat(problem.get("requestId").asText()).hasSize(32);
        assertThat(problem.get("origin").asText()).isNotBlank();
        assertThat(problem.get("code").asText()).isNotBlank();
        assertThat(Instant.parse(problem.get("timestamp").asText())).isEqualTo(NOW);

        WildberriesHttp.Reply unknown = http.get(NEW, "not-a-token");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("detail").asText()).startsWith("token problem").doesNotContain("not-a-token");

        assertThat(http.get(NEW, "Bearer " + ROMASHKA.token()).status()).isEqualTo(200);

        emulator.addAccount("test-token");
        WildberriesHttp.Reply added = http.get(NEW, "test-token");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("orders")).isEmpty();
    }

    @Test
    void unknownPathIsWbsPathNotFound() throws Exception {
        WildberriesHttp.Reply reply = http.get("/api/v3/ordersx", ROMASHKA.token());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("title").asText()).isEqualTo("path not found");
        assertThat(reply.body().get("status").asInt()).isEqualTo(404);
    }

    // ---- rate limit ----------------------------------------------------------------------------------------

    @Test
    void defaultBucketIsTheFbsGroupsTwentyBurst() throws Exception {
        assertThat(http.get(NEW, ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("19");
        assertThat(http.get(NEW, ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("18");
        clock.advance(Duration.ofMillis(200)); // one request back every 200 ms
        assertThat(http.get(NEW, ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("18");
    }

    @Test
    void burstThen429WithRetryFromTheClock() throws Exception {
        emulator.rateLimit(60, 5); // one a second, burst 5
        for (int remaining = 4; remaining >= 0; remaining--) {
            WildberriesHttp.Reply ok = http.get(NEW, ROMASHKA.token());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-Ratelimit-Remaining")).isEqualTo(Integer.toString(remaining));
        }
        WildberriesHttp.Reply limited = http.get(NEW, ROMASHKA.token());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("X-Ratelimit-Retry")).isEqualTo("1");
        assertThat(limited.header("X-Ratelimit-Limit")).isEqualTo("5");
        assertThat(limited.header("X-Ratelimit-Reset")).isEqualTo("5");
        assertThat(limited.header("X-Ratelimit-Remaining")).isNull();
        assertThat(limited.body().get("title").asText()).isEqualTo("too many requests");
        assertThat(limited.body().get("status").asInt()).isEqualTo(429);
        assertThat(limited.body().get("detail").asText()).startsWith("limited by ").doesNotContain(ROMASHKA.token());

        // per account
        assertThat(http.get(NEW, VASILKOV.token()).status()).isEqualTo(200);

        clock.advance(Duration.ofMillis(500));
        assertThat(http.get(NEW, ROMASHKA.token()).status()).as("a 429 costs nothing, but half a second is not enough")
                .isEqualTo(429);
        clock.advance(Duration.ofMillis(500));
        WildberriesHttp.Reply again = http.get(NEW, ROMASHKA.token());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("X-Ratelimit-Remaining")).isEqualTo("0");
        clock.advance(Duration.ofSeconds(30));
        assertThat(http.get(NEW, ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("4");
    }

    @Test
    void aFourXxCostsTenRequests() throws Exception {
        emulator.rateLimit(60, 20);
        assertThat(http.get(NEW, ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("19");
        WildberriesHttp.Reply bad = http.get(LIST + "?limit=0&next=0", ROMASHKA.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("X-Ratelimit-Remaining")).isEqualTo("9");
        assertThat(http.get(NEW, ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("8");
        // a second 4xx overdraws the bucket: the debt must be paid before the next request
        assertThat(http.get(LIST + "?limit=0&next=0", ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("0");
        WildberriesHttp.Reply limited = http.get(NEW, ROMASHKA.token());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("X-Ratelimit-Retry")).isEqualTo("3");
        assertThat(limited.header("X-Ratelimit-Reset")).isEqualTo("22");
        clock.advance(Duration.ofSeconds(3));
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(200);

        // a bad token costs the anonymous bucket, not the account's
        emulator.rateLimit(60, 20);
        assertThat(http.get(NEW, "wrong").header("X-Ratelimit-Remaining")).isEqualTo("10");
        assertThat(http.get(NEW, ROMASHKA.token()).header("X-Ratelimit-Remaining")).isEqualTo("19");
    }

    // ---- faults --------------------------------------------------------------------------------------------

    @Test
    void serverErrorFaultAnswersItsStatusWithTheProblemBody() throws Exception {
        emulator.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, 1, "GET /api/v3/orders");
        WildberriesHttp.Reply failed = http.get(LIST + "?limit=10&next=0", ROMASHKA.token());
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body().get("status").asInt()).isEqualTo(503);
        assertThat(failed.body().get("statusText").asText()).isEqualTo("Service Unavailable");
        assertThat(failed.header("X-Ratelimit-Remaining")).isNotNull();
        assertThat(http.get(LIST + "?limit=10&next=0", ROMASHKA.token()).status()).isEqualTo(200);

        emulator.faults().arm(Faults.Kind.SERVER_ERROR, 1, null);
        assertThat(http.post(STATUS, ROMASHKA.token(), "{\"orders\":[1]}").status()).isEqualTo(500);
    }

    @Test
    void rateLimitedFaultAnswers429WithRetryHeaders() throws Exception {
        emulator.faults().arm(Faults.Kind.RATE_LIMITED, 1, "POST /api/v3/orders/status");
        WildberriesHttp.Reply limited = http.post(STATUS, ROMASHKA.token(), "{\"orders\":[1]}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("X-Ratelimit-Retry")).isEqualTo("2");
        assertThat(limited.header("X-Ratelimit-Limit")).isEqualTo("20");
        assertThat(limited.header("X-Ratelimit-Reset")).isEqualTo("4"); // 20 at one per 200 ms
        assertThat(limited.body().get("title").asText()).isEqualTo("too many requests");

        emulator.faults().armStatus(Faults.Kind.RATE_LIMITED, 7, 1, NEW);
        assertThat(http.get(NEW, ROMASHKA.token()).header("X-Ratelimit-Retry")).isEqualTo("7");
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(200);
    }

    @Test
    void loseReplyFaultDropsTheConnection() throws Exception {
        // java.net.http retries an idempotent GET once by itself when the connection drops: lose both
        emulator.faults().arm(Faults.Kind.LOSE_REPLY, 2, "GET " + NEW);
        assertThatThrownBy(() -> http.get(NEW, ROMASHKA.token())).isInstanceOf(IOException.class);
        assertThat(emulator.recorded()).hasSize(2).extracting(RecordedExchange::status).containsOnly(0);

        emulator.faults().arm(Faults.Kind.LOSE_REPLY, 1, "POST " + STATUS);
        assertThatThrownBy(() -> http.post(STATUS, ROMASHKA.token(), "{\"orders\":[1]}")).isInstanceOf(IOException.class);
        assertThat(emulator.recorded()).last().extracting(RecordedExchange::status).isEqualTo(0);
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(200);
    }

    @Test
    void malformedRecordFaultBreaksThePriceOfTheFirstOrderOfTheNextListOnly() throws Exception {
        String page = LIST + "?limit=10&next=0&dateFrom=" + FROM + "&dateTo=" + TO;
        emulator.faults().arm(Faults.Kind.MALFORMED_RECORD, 1, "GET " + LIST);
        JsonNode broken = http.get(page, ROMASHKA.token()).body().get("orders");
        assertThat(broken.get(0).get("price").asLong()).isEqualTo(WildberriesEmulator.MALFORMED_PRICE);
        assertThat(broken.get(1).get("price").asLong()).isPositive();
        assertThat(http.get(page, ROMASHKA.token()).body().get("orders").get(0).get("price").asLong()).isPositive();
        // the stored order is intact
        assertThat(emulator.orders().get(broken.get(0).get("id").asLong()).orElseThrow().get("price").asLong())
                .isPositive();

        emulator.faults().arm(Faults.Kind.MALFORMED_RECORD, 1, "GET " + NEW);
        assertThat(http.get(NEW, ROMASHKA.token()).body().get("orders").get(0).get("price").asLong())
                .isEqualTo(WildberriesEmulator.MALFORMED_PRICE);
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        emulator.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void controlEndpointArmsAndClearsFaults() throws Exception {
        HttpRequest arm = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"SERVER_ERROR\",\"times\":2,\"path\":\"/api/v3/orders\",\"status\":503}")).build();
        assertThat(http.raw(arm).statusCode()).isEqualTo(200);
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(503);
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(503);
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(200);

        assertThat(http.raw(arm).statusCode()).isEqualTo(200);
        HttpRequest clear = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/faults")).DELETE().build();
        assertThat(http.raw(clear).statusCode()).isEqualTo(204);
        assertThat(http.get(NEW, ROMASHKA.token()).status()).isEqualTo(200);

        HttpRequest unknown = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"EARTHQUAKE\"}")).build();
        assertThat(http.raw(unknown).statusCode()).isEqualTo(400);
    }

    // ---- seed ----------------------------------------------------------------------------------------------

    @Test
    void seedIsDeterministicAndCoversTheFlowsCases() {
        assertThat(WildberriesSeed.orders().toString()).isEqualTo(WildberriesSeed.orders().toString());
        for (WildberriesAccount account : SandboxData.WB_ACCOUNTS) {
            List<WildberriesSeed.SeededOrder> seeded = WildberriesSeed.orders(account.token());
            assertThat(seeded).hasSizeBetween(20, 30);
            assertThat(seeded).extracting(WildberriesSeed.SeededOrder::id).isSorted().doesNotHaveDuplicates();
            assertThat(seeded).extracting(WildberriesSeed.SeededOrder::createdAt).isSorted()
                    .allSatisfy(t -> assertThat(t).isBetween(Instant.parse("2026-10-28T00:00:00Z"),
                            Instant.parse("2026-11-06T23:59:59Z")));

            assertThat(seeded).filteredOn(o -> o.wbStatus().equals("canceled_by_client")).hasSize(3)
                    .allSatisfy(o -> assertThat(o.supplierStatus()).isIn("new", "confirm"));
            Instant goLive = WildberriesSeed.goLive(account);
            assertThat(goLive).isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
            List<WildberriesSeed.SeededOrder> unmapped = seeded.stream().filter(o -> !card(o).mapped()).toList();
            assertThat(unmapped).hasSizeBetween(2, 3).allSatisfy(o -> {
                assertThat(o.createdAt()).isAfterOrEqualTo(goLive);
                assertThat(o.wbStatus()).isNotEqualTo("canceled_by_client");
            });
            assertThat(seeded).anySatisfy(o -> assertThat(o.createdAt()).isBefore(goLive));
            assertThat(seeded).anySatisfy(o -> assertThat(o.supplierStatus()).isEqualTo("new"));
            assertThat(seeded).anySatisfy(o -> assertThat(o.supplierStatus()).isEqualTo("complete"));

            // carts: 2-3 orderUids shared by 2-3 orders created within the same minute
            var carts = seeded.stream().collect(java.util.stream.Collectors.groupingBy(
                    o -> o.order().get("orderUid").asText()));
            var shared = carts.values().stream().filter(c -> c.size() > 1).toList();
            assertThat(shared).hasSizeBetween(2, 3).allSatisfy(cart -> {
                assertThat(cart).hasSizeBetween(2, 3);
                assertThat(cart).extracting(o -> o.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                        .containsOnly(cart.get(0).createdAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
                assertThat(cart).extracting(o -> o.order().get("rid").asText()).doesNotHaveDuplicates();
            });

            long warehouse = WildberriesSeed.warehousesOf(account).get(0).id();
            for (WildberriesSeed.SeededOrder o : seeded) {
                assertThat(o.order().get("warehouseId").asLong()).isEqualTo(warehouse);
                assertThat(o.order().get("price").asLong())
                        .isEqualTo(card(o).item().price().movePointRight(2).longValueExact());
                assertThat(o.order().get("rid").asText()).matches("[0-9a-f]{32}");
                assertThat(o.order().get("orderUid").asText()).matches("\\d{9}_[0-9a-f]{32}");
                assertThat(WildberriesStatuses.SUPPLIER).contains(o.supplierStatus());
                assertThat(WildberriesStatuses.WB).contains(o.wbStatus());
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static SandboxData.WildberriesCard card(WildberriesSeed.SeededOrder o) {
        return SandboxData.WB_CARDS.stream().filter(c -> c.chrtId() == o.order().get("chrtId").asLong())
                .findFirst().orElseThrow();
    }

    private static List<Long> ids(JsonNode reply) {
        List<Long> ids = new ArrayList<>();
        reply.get("orders").forEach(o -> ids.add(o.get("id").asLong()));
        return ids;
    }
}
