package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Yandex Market emulator over real HTTP on 127.0.0.1. After every test, everything it was asked and answered is
 * validated against the official spec ({@link YandexMarketContract#assertConforms}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YandexMarketEmulatorTest {

    private static final YandexMarketAccount ROMASHKA = SandboxData.YM_ROMASHKA;
    private static final YandexMarketAccount VASILKOV = SandboxData.YM_VASILKOV;
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

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

    // ---- paging and shape ----------------------------------------------------------------------------------

    @Test
    void pagesOfTenReturnEverySeededOrderExactlyOnce() throws Exception {
        for (YandexMarketAccount account : SandboxData.YM_ACCOUNTS) {
            List<Long> seen = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                YmHttp.Reply reply = http.orders(account.businessId(),
                        "limit=10" + (token == null ? "" : "&pageToken=" + token), account.apiKey(), "{}");
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body().has("status")).as("getBusinessOrders is not wrapped in status/result").isFalse();
                assertThat(reply.body().get("orders").size()).isLessThanOrEqualTo(10);
                assertThat(reply.body().get("paging").isObject()).isTrue();
                reply.body().get("orders").forEach(o -> seen.add(o.get("orderId").asLong()));
                token = reply.body().get("paging").path("nextPageToken").asText(null);
                pages++;
            } while (token != null && pages < 20);

            List<Long> seeded = YandexMarketSeed.orders(account.businessId()).stream()
                    .map(YandexMarketSeed.SeededOrder::orderId).toList();
            assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(seeded);
            assertThat(pages).isEqualTo((seeded.size() + 9) / 10);
        }
    }

    @Test
    void ordersCarryTheSpecsFieldsWithLineTotalPrices() throws Exception {
        JsonNode orders = all(ROMASHKA, "{}").get("orders");
        boolean sawCashback = false;
        for (JsonNode order : orders) {
            assertThat(order.get("campaignId").asLong()).isEqualTo(ROMASHKA.campaignId());
            assertThat(order.get("programType").asText()).isEqualTo("FBS");
            assertThat(order.get("creationDate").asText()).endsWith("+03:00");
            assertThat(order.get("delivery").get("warehouseId").asText()).isEqualTo(YandexMarketSeed.warehouseId(ROMASHKA));
            BigDecimal orderPayment = BigDecimal.ZERO;
            for (JsonNode item : order.get("items")) {
                SandboxData.YandexMarketOffer offer = offer(item.get("offerId").asText());
                JsonNode prices = item.get("prices");
                assertThat(prices.get("payment").get("currencyId").asText()).isEqualTo("RUR");
                BigDecimal payment = prices.get("payment").get("value").decimalValue();
                BigDecimal cashback = prices.get("cashback").get("value").decimalValue();
                // YM gives the value of all units of a line, split into what the buyer paid and Plus points
                assertThat(payment.add(cashback)).isEqualByComparingTo(
                        offer.item().price().multiply(BigDecimal.valueOf(item.get("count").asInt())));
                sawCashback |= cashback.signum() > 0;
                orderPayment = orderPayment.add(payment);
            }
            assertThat(order.get("prices").get("payment").get("value").decimalValue()).isEqualByComparingTo(orderPayment);
        }
        assertThat(sawCashback).as("some lines are partly paid with Plus points").isTrue();
    }

    // ---- filters -------------------------------------------------------------------------------------------

    @Test
    void filtersByCampaignStatusAndSubstatus() throws Exception {
        int seeded = YandexMarketSeed.orders(ROMASHKA.businessId()).size();
        assertThat(all(ROMASHKA, "{\"campaignIds\":[" + ROMASHKA.campaignId() + "]}").get("orders")).hasSize(seeded);
        // another business's campaign: an empty answer, not an access error
        assertThat(all(ROMASHKA, "{\"campaignIds\":[" + VASILKOV.campaignId() + "]}").get("orders")).isEmpty();

        JsonNode cancelled = all(ROMASHKA, "{\"statuses\":[\"CANCELLED\"]}").get("orders");
        assertThat(cancelled).hasSize(3)
                .allSatisfy(o -> assertThat(o.get("substatus").asText()).isEqualTo("USER_CHANGED_MIND"));

        JsonNode ready = all(ROMASHKA, "{\"statuses\":[\"PROCESSING\"],\"substatuses\":[\"READY_TO_SHIP\"]}").get("orders");
        long expected = YandexMarketSeed.orders(ROMASHKA.businessId()).stream()
                .filter(o -> o.order().get("substatus").asText().equals("READY_TO_SHIP")).count();
        assertThat(ready).hasSize((int) expected).isNotEmpty();
    }

    @Test
    void updateDateRangeFindsOnlyTheJustCancelledOrder() throws Exception {
        long orderId = YandexMarketSeed.orders(VASILKOV.businessId()).stream()
                .filter(o -> o.order().get("status").asText().equals("PROCESSING"))
                .findFirst().orElseThrow().orderId();
        emulator.orders().cancel(orderId, "USER_CHANGED_MIND");

        JsonNode reply = all(VASILKOV, "{\"dates\":{\"updateDateFrom\":\"2026-11-10T14:59:00+03:00\","
                + "\"updateDateTo\":\"2026-11-10T15:01:00+03:00\"}}");
        assertThat(reply.get("orders")).hasSize(1);
        JsonNode order = reply.get("orders").get(0);
        assertThat(order.get("orderId").asLong()).isEqualTo(orderId);
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("substatus").asText()).isEqualTo("USER_CHANGED_MIND");
        assertThat(order.get("updateDate").asText()).isEqualTo("2026-11-10T15:00:00+03:00");
        assertThat(emulator.orders().updatedAt(orderId)).contains(NOW);

        emulator.orders().setStatus(orderId, "PROCESSING", "READY_TO_SHIP");
        assertThat(emulator.orders().get(orderId).orElseThrow().get("substatus").asText()).isEqualTo("READY_TO_SHIP");
    }

    @Test
    void creationDatesAreMoscowDaysStartIncludedEndExcludedAtMostThirtyApart() throws Exception {
        JsonNode reply = all(ROMASHKA, "{\"dates\":{\"creationDateFrom\":\"2026-11-01\",\"creationDateTo\":\"2026-11-03\"}}");
        long expected = YandexMarketSeed.orders(ROMASHKA.businessId()).stream()
                .map(o -> LocalDate.from(ZonedDateTime.parse(o.order().get("creationDate").asText())))
                .filter(d -> d.equals(LocalDate.of(2026, 11, 1)) || d.equals(LocalDate.of(2026, 11, 2))).count();
        assertThat(reply.get("orders")).hasSize((int) expected).isNotEmpty();

        YmHttp.Reply tooLong = http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(),
                "{\"dates\":{\"creationDateFrom\":\"2026-09-01\",\"creationDateTo\":\"2026-11-03\"}}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("BAD_REQUEST");

        // without dates: the last 30 days only
        clock.set(Instant.parse("2026-12-05T12:00:00Z"));
        JsonNode later = all(ROMASHKA, "{}");
        assertThat(later.get("orders")).allSatisfy(o -> assertThat(LocalDate.from(
                ZonedDateTime.parse(o.get("creationDate").asText()))).isAfterOrEqualTo(LocalDate.of(2026, 11, 5)));
        assertThat(later.get("orders").size()).isLessThan(YandexMarketSeed.orders(ROMASHKA.businessId()).size());
    }

    // ---- request checks and auth ---------------------------------------------------------------------------

    @Test
    void aLimitAboveFiftyIsCutToFiftyWhileBadRequestsAre400() throws Exception {
        long business = 70_000_777L;
        emulator.addAccount(business, "test-key", 21_000_777L);
        ObjectNode template = YandexMarketSeed.orders(ROMASHKA.businessId()).get(0).order();
        for (int i = 0; i < 55; i++) {
            ObjectNode order = template.deepCopy();
            order.put("orderId", 90_000_000L + i);
            emulator.orders().add(business, 21_000_777L, order, NOW);
        }
        YmHttp.Reply cut = http.orders(business, "limit=51", "test-key", "{}");
        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.body().get("orders")).hasSize(50);
        assertThat(cut.body().get("paging").has("nextPageToken")).isTrue();

        for (String query : List.of("limit=0", "limit=ten", "pageToken=not-ours")) {
            YmHttp.Reply bad = http.orders(business, query, "test-key", "{}");
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.body().get("status").asText()).isEqualTo("ERROR");
            assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
        }
        assertThat(http.orders(business, "", "test-key", "{\"statuses\":[]}").status()).isEqualTo(400);
        assertThat(http.orders(business, "", "test-key", "{\"statuses\":[\"SHIPPED\"]}").status()).isEqualTo(400);
        assertThat(http.orders(business, "", "test-key", "").status()).isEqualTo(400);
        assertThat(http.orders(business, "", "test-key", "{\"statuses\":").status()).isEqualTo(400);
    }

    @Test
    void answersBadCredentialsAsMarketDoes() throws Exception {
        YmHttp.Reply missing = http.orders(ROMASHKA.businessId(), "", null, "{}");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(missing.errorCode()).isEqualTo("UNAUTHORIZED");

        YmHttp.Reply wrongKey = http.orders(ROMASHKA.businessId(), "", "not-the-key", "{}");
        assertThat(wrongKey.status()).isEqualTo(403);
        assertThat(wrongKey.errorCode()).isEqualTo("FORBIDDEN");

        YmHttp.Reply otherBusiness = http.orders(ROMASHKA.businessId(), "", VASILKOV.apiKey(), "{}");
        assertThat(otherBusiness.status()).isEqualTo(403);
        assertThat(otherBusiness.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(otherBusiness.body().get("errors").get(0).get("message").asText())
                .contains(Long.toString(ROMASHKA.businessId()));

        emulator.addAccount(70_000_888L, "added-key", 21_000_888L);
        YmHttp.Reply added = http.orders(70_000_888L, "", "added-key", "{}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("orders")).isEmpty();
        assertThat(added.body().get("paging").has("nextPageToken")).isFalse();
    }

    // ---- limits --------------------------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesTheResourceHeadersFromTheClock() throws Exception {
        YmHttp.Reply first = http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}");
        assertThat(first.header("X-RateLimit-Resource-Limit")).isEqualTo("10000");
        assertThat(first.header("X-RateLimit-Resource-Remaining")).isEqualTo("9999");
        assertThat(first.header("X-RateLimit-Resource-Until")).isEqualTo("Tue, 10 Nov 2026 13:00:00 GMT");
        // a client error uses the quota up too; the headers come with it
        YmHttp.Reply bad = http.orders(ROMASHKA.businessId(), "limit=0", ROMASHKA.apiKey(), "{}");
        assertThat(bad.header("X-RateLimit-Resource-Remaining")).isEqualTo("9998");
        Instant until = DateTimeFormatter.RFC_1123_DATE_TIME.parse(bad.header("X-RateLimit-Resource-Until"), Instant::from);
        assertThat(until).isEqualTo(Instant.parse("2026-11-10T13:00:00Z"));
    }

    @Test
    void overTheHourlyQuotaAnswers420UntilTheNextHourOfTheClock() throws Exception {
        emulator.requestsPerHour(3);
        for (int remaining = 2; remaining >= 0; remaining--) {
            YmHttp.Reply ok = http.orders(ROMASHKA.businessId(), "limit=1", ROMASHKA.apiKey(), "{}");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Resource-Limit")).isEqualTo("3");
            assertThat(ok.header("X-RateLimit-Resource-Remaining")).isEqualTo(Integer.toString(remaining));
        }
        clock.advance(Duration.ofMinutes(30));
        YmHttp.Reply limited = http.orders(ROMASHKA.businessId(), "limit=1", ROMASHKA.apiKey(), "{}");
        assertThat(limited.status()).isEqualTo(420);
        assertThat(limited.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(limited.body().get("errors").get(0).get("message").asText())
                .startsWith("Hit rate limit of 3 requests per 1 hour");
        assertThat(limited.header("X-RateLimit-Resource-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-RateLimit-Resource-Until")).isEqualTo("Tue, 10 Nov 2026 13:00:00 GMT");

        // per business
        assertThat(http.orders(VASILKOV.businessId(), "limit=1", VASILKOV.apiKey(), "{}").status()).isEqualTo(200);

        clock.set(Instant.parse("2026-11-10T13:00:00Z"));
        YmHttp.Reply next = http.orders(ROMASHKA.businessId(), "limit=1", ROMASHKA.apiKey(), "{}");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.header("X-RateLimit-Resource-Remaining")).isEqualTo("2");
        assertThat(next.header("X-RateLimit-Resource-Until")).isEqualTo("Tue, 10 Nov 2026 14:00:00 GMT");

        emulator.requestsPerHour(0);
        YmHttp.Reply off = http.orders(ROMASHKA.businessId(), "limit=1", ROMASHKA.apiKey(), "{}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.header("X-RateLimit-Resource-Limit")).isNull();
    }

    @Test
    void theSeventhConcurrentRequestOfABusinessGets420() throws Exception {
        emulator.faults().latency(Duration.ofMillis(600));
        List<CompletableFuture<YmHttp.Reply>> inFlight = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inFlight.add(http.ordersAsync(ROMASHKA.businessId(), "limit=1", ROMASHKA.apiKey(), "{}"));
        }
        List<YmHttp.Reply> replies = new ArrayList<>();
        for (CompletableFuture<YmHttp.Reply> f : inFlight) {
            replies.add(f.get());
        }
        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(6);
        assertThat(replies).filteredOn(r -> r.status() == 420).singleElement().satisfies(r -> {
            assertThat(r.body().get("errors").get(0).get("message").asText())
                    .isEqualTo("Hit rate limit of 6 parallel requests for businessId " + ROMASHKA.businessId());
            assertThat(r.header("X-RateLimit-Resource-Until")).isNotNull();
        });
        // slots are given back once the answers are out
        emulator.faults().latency(Duration.ZERO);
        assertThat(http.orders(ROMASHKA.businessId(), "limit=1", ROMASHKA.apiKey(), "{}").status()).isEqualTo(200);
    }

    // ---- faults --------------------------------------------------------------------------------------------

    @Test
    void serverErrorFaultAnswersItsStatusAndDoesNotUseTheQuota() throws Exception {
        emulator.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, 1, "POST /v1/businesses/");
        YmHttp.Reply failed = http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.text()).isEqualTo("{\"status\":\"ERROR\",\"errors\":[{\"code\":\"INTERNAL_ERROR\","
                + "\"message\":\"Internal server error\"}]}");
        assertThat(failed.header("X-RateLimit-Resource-Remaining")).isEqualTo("10000");

        emulator.faults().arm(Faults.Kind.SERVER_ERROR, 1, null);
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(500);
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(200);
    }

    @Test
    void rateLimitedFaultAnswers420UntilTwoSecondsAhead() throws Exception {
        emulator.faults().arm(Faults.Kind.RATE_LIMITED, 1, "/orders");
        YmHttp.Reply limited = http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}");
        assertThat(limited.status()).isEqualTo(420);
        assertThat(limited.errorCode()).isEqualTo("METHOD_FAILURE");
        assertThat(limited.header("X-RateLimit-Resource-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-RateLimit-Resource-Until")).isEqualTo("Tue, 10 Nov 2026 12:00:02 GMT");
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(200);
    }

    @Test
    void loseReplyFaultDropsTheConnection() throws Exception {
        emulator.faults().arm(Faults.Kind.LOSE_REPLY, 1, "/orders");
        assertThatThrownBy(() -> http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}"))
                .isInstanceOf(IOException.class);
        assertThat(emulator.recorded()).last().extracting(RecordedExchange::status).isEqualTo(0);
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(200);
    }

    @Test
    void malformedRecordFaultZeroesTheFirstItemCountOfTheNextAnswerOnly() throws Exception {
        emulator.faults().arm(Faults.Kind.MALFORMED_RECORD, 1, "/orders");
        JsonNode broken = http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").body().get("orders");
        assertThat(broken.get(0).get("items").get(0).get("count").asInt()).isEqualTo(YandexMarketEmulator.MALFORMED_ITEM_COUNT);
        assertThat(broken.get(0).get("items").get(0).get("prices").get("payment").get("value").decimalValue()).isPositive();
        assertThat(broken.get(1).get("items").get(0).get("count").asInt()).isPositive();
        JsonNode next = http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").body().get("orders");
        assertThat(next.get(0).get("items").get(0).get("count").asInt()).isPositive();
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        emulator.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void controlEndpointArmsAndClearsFaults() throws Exception {
        HttpRequest arm = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"SERVER_ERROR\",\"times\":2,\"path\":\"/v1/businesses\",\"status\":503}")).build();
        assertThat(http.raw(arm).statusCode()).isEqualTo(200);
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(503);
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(503);
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(200);

        assertThat(http.raw(arm).statusCode()).isEqualTo(200);
        HttpRequest clear = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/faults")).DELETE().build();
        assertThat(http.raw(clear).statusCode()).isEqualTo(204);
        assertThat(http.orders(ROMASHKA.businessId(), "", ROMASHKA.apiKey(), "{}").status()).isEqualTo(200);

        HttpRequest unknown = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"EXPLODE\"}")).build();
        assertThat(http.raw(unknown).statusCode()).isEqualTo(400);
    }

    // ---- seed ----------------------------------------------------------------------------------------------

    @Test
    void seedIsDeterministicAndCoversTheFlowsCases() {
        assertThat(YandexMarketSeed.orders().toString()).isEqualTo(YandexMarketSeed.orders().toString());
        Set<String> unmapped = new HashSet<>();
        SandboxData.YM_OFFERS.stream().filter(o -> !o.mapped()).forEach(o -> unmapped.add(o.offerId()));
        for (YandexMarketAccount account : SandboxData.YM_ACCOUNTS) {
            List<YandexMarketSeed.SeededOrder> seeded = YandexMarketSeed.orders(account.businessId());
            assertThat(seeded).hasSizeBetween(20, 30)
                    .allSatisfy(o -> assertThat(o.campaignId()).isEqualTo(account.campaignId()));
            List<ObjectNode> orders = seeded.stream().map(YandexMarketSeed.SeededOrder::order).toList();
            Instant goLive = account.goLiveDate().atStartOfDay(YmJson.MOSCOW).toInstant();
            assertThat(orders).filteredOn(o -> o.get("status").asText().equals("CANCELLED")).hasSize(3)
                    .allSatisfy(o -> assertThat(o.get("substatus").asText()).isEqualTo("USER_CHANGED_MIND"));
            assertThat(orders).filteredOn(o -> hasOffer(o, unmapped)).hasSizeBetween(2, 3).allSatisfy(o -> {
                assertThat(created(o)).isAfterOrEqualTo(goLive);
                assertThat(o.get("status").asText()).isNotEqualTo("CANCELLED");
            });
            Set<String> statuses = new HashSet<>();
            orders.forEach(o -> statuses.add(o.get("status").asText() + "/" + o.get("substatus").asText()));
            assertThat(statuses).contains("PROCESSING/STARTED", "PROCESSING/READY_TO_SHIP",
                    "DELIVERY/DELIVERY_SERVICE_RECEIVED", "DELIVERED/DELIVERY_SERVICE_DELIVERED");
            assertThat(orders).anySatisfy(o -> assertThat(created(o)).isBefore(goLive));
            assertThat(orders).anySatisfy(o -> assertThat(o.get("items").size()).isGreaterThan(1));
            for (ObjectNode o : orders) {
                assertThat(created(o)).isBetween(YandexMarketSeed.FIRST, YandexMarketSeed.LAST);
                assertThat(o.get("items").size()).isBetween(1, 3);
                o.get("items").forEach(item -> {
                    assertThat(item.get("count").asInt()).isBetween(1, 3);
                    assertThat(item.get("offerName").asText()).startsWith(offer(item.get("offerId").asText()).item().name());
                });
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private JsonNode all(YandexMarketAccount account, String body) throws Exception {
        YmHttp.Reply reply = http.orders(account.businessId(), "limit=50", account.apiKey(), body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().get("paging").has("nextPageToken")).isFalse();
        return reply.body();
    }

    private static SandboxData.YandexMarketOffer offer(String offerId) {
        return SandboxData.YM_OFFERS.stream().filter(o -> o.offerId().equals(offerId)).findFirst().orElseThrow();
    }

    private static Instant created(JsonNode order) {
        return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(order.get("creationDate").asText()));
    }

    private static boolean hasOffer(JsonNode order, Set<String> offers) {
        for (JsonNode item : order.get("items")) {
            if (offers.contains(item.get("offerId").asText())) {
                return true;
            }
        }
        return false;
    }
}
