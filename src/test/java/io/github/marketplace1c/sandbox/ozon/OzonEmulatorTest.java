package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Ozon emulator over real HTTP on 127.0.0.1. After every test, everything it was asked and answered is
 * validated against the official spec ({@link OzonContract#assertConforms}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OzonEmulatorTest {

    private static final OzonAccount ROMASHKA = SandboxData.OZON_ROMASHKA;
    private static final OzonAccount VASILKOV = SandboxData.OZON_VASILKOV;
    private static final String LIST = "/v4/posting/fbs/list";
    private static final String UNFULFILLED = "/v4/posting/fbs/unfulfilled/list";
    private static final String GET = "/v3/posting/fbs/get";
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

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

    // ---- /v4/posting/fbs/list ------------------------------------------------------------------------------

    @Test
    void pagesOfTenReturnEverySeededPostingExactlyOnce() throws Exception {
        for (OzonAccount account : SandboxData.OZON_ACCOUNTS) {
            List<String> seen = new ArrayList<>();
            String cursor = "";
            int pages = 0;
            boolean hasNext;
            do {
                OzonHttp.Reply reply = list(account, "{\"cursor\":\"" + cursor + "\",\"limit\":10,"
                        + "\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}}");
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body().has("result")).as("v4 list is not wrapped in result").isFalse();
                assertThat(reply.body().get("postings").size()).isLessThanOrEqualTo(10);
                reply.body().get("postings").forEach(p -> seen.add(p.get("posting_number").asText()));
                hasNext = reply.body().get("has_next").asBoolean();
                cursor = reply.body().get("cursor").asText();
                pages++;
            } while (hasNext && pages < 20);

            List<String> seeded = OzonSeed.postings(account.clientId()).stream()
                    .map(p -> p.posting().get("posting_number").asText()).toList();
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seeded);
            assertThat(pages).isEqualTo((seeded.size() + 9) / 10);
            assertThat(hasNext).isFalse();
        }
    }

    @Test
    void descendingFilteredPagesResumeAfterTheirCursorWhilePostingsChange() throws Exception {
        String filter = "\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\","
                + "\"statuses\":[\"awaiting_packaging\"]}";
        List<String> expected = new ArrayList<>(emulator.postings().all(ROMASHKA.clientId()).stream()
                .filter(p -> p.get("status").asText().equals("awaiting_packaging"))
                .map(p -> p.get("posting_number").asText()).toList());
        java.util.Collections.reverse(expected);
        assertThat(expected).hasSizeGreaterThan(7);
        ObjectNode template = emulator.postings().all(ROMASHKA.clientId()).get(0);

        List<String> seen = new ArrayList<>();
        String cursor = "";
        boolean hasNext;
        int pages = 0;
        do {
            JsonNode reply = list(ROMASHKA, "{\"cursor\":\"" + cursor + "\",\"limit\":7,\"sort_dir\":\"DESC\","
                    + filter + "}").body();
            reply.get("postings").forEach(p -> seen.add(p.get("posting_number").asText()));
            hasNext = reply.get("has_next").asBoolean();
            cursor = reply.get("cursor").asText();
            if (pages++ == 0) {
                // behind the cursor (latest in_process_at): a keyset page must not show it; ahead of it: it must
                emulator.postings().add(ROMASHKA.clientId(), template.deepCopy().put("posting_number", "LATE-1")
                        .put("status", "awaiting_packaging").put("in_process_at", "2026-11-30T00:00:00Z"));
                emulator.postings().add(ROMASHKA.clientId(), template.deepCopy().put("posting_number", "EARLY-1")
                        .put("status", "awaiting_packaging").put("in_process_at", "2026-10-02T00:00:00Z"));
                emulator.postings().setStatus(seen.get(0), "delivering"); // already served: does not shift pages
            }
        } while (hasNext && pages < 30);

        List<String> expectedSeen = new ArrayList<>(expected);
        expectedSeen.add("EARLY-1");
        assertThat(seen).containsExactlyElementsOf(expectedSeen);
        assertThat(hasNext).isFalse();
    }

    @Test
    void aCursorBeyondTheRequestedPeriodGivesAnEmptyLastPage() throws Exception {
        String wide = "\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}";
        String early = "\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-10-02T00:00:00Z\"}";
        String late = "\"filter\":{\"since\":\"2026-11-30T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}";
        String ascCursor = list(ROMASHKA, "{\"limit\":3," + wide + "}").body().get("cursor").asText();
        String descCursor = list(ROMASHKA, "{\"limit\":3,\"sort_dir\":\"DESC\"," + wide + "}").body()
                .get("cursor").asText();

        for (String body : List.of("{\"limit\":3,\"cursor\":\"" + ascCursor + "\"," + early + "}",
                "{\"limit\":3,\"sort_dir\":\"DESC\",\"cursor\":\"" + descCursor + "\"," + late + "}")) {
            OzonHttp.Reply reply = list(ROMASHKA, body);
            assertThat(reply.status()).as(body).isEqualTo(200);
            assertThat(reply.body().get("postings")).isEmpty();
            assertThat(reply.body().get("has_next").asBoolean()).isFalse();
        }
    }

    @Test
    void listsInProcessAtOrderAscendingByDefaultAndDescendingOnRequest() throws Exception {
        String filter = "\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}";
        List<Instant> asc = inProcessAts(list(ROMASHKA, "{\"limit\":100," + filter + "}").body());
        List<Instant> desc = inProcessAts(list(ROMASHKA, "{\"limit\":100,\"sort_dir\":\"DESC\"," + filter + "}").body());
        assertThat(asc).isSorted().hasSize(OzonSeed.postings(ROMASHKA.clientId()).size());
        List<Instant> reversed = new ArrayList<>(asc);
        java.util.Collections.reverse(reversed);
        assertThat(desc).containsExactlyElementsOf(reversed);
    }

    @Test
    void filtersByPeriodStatusAndWarehouse() throws Exception {
        JsonNode november = list(ROMASHKA, "{\"limit\":100,\"filter\":{\"since\":\"2026-11-01T00:00:00Z\","
                + "\"to\":\"2026-11-03T23:59:59Z\"}}").body();
        long expectedNovember = OzonSeed.postings(ROMASHKA.clientId()).stream()
                .map(p -> Instant.parse(p.posting().get("in_process_at").asText()))
                .filter(t -> !t.isBefore(Instant.parse("2026-11-01T00:00:00Z"))
                        && !t.isAfter(Instant.parse("2026-11-03T23:59:59Z"))).count();
        assertThat(november.get("postings").size()).isEqualTo((int) expectedNovember).isPositive();

        JsonNode cancelled = list(ROMASHKA, "{\"limit\":100,\"filter\":{\"since\":\"2026-10-01T00:00:00Z\","
                + "\"to\":\"2026-12-01T00:00:00Z\",\"statuses\":[\"cancelled\"]}}").body();
        assertThat(cancelled.get("postings")).hasSize(3)
                .allSatisfy(p -> assertThat(p.get("cancellation").get("cancellation_initiator").asText()).isEqualTo("Покупатель"));

        long kazan = 1020000000002L;
        JsonNode inKazan = list(ROMASHKA, "{\"limit\":100,\"filter\":{\"since\":\"2026-10-01T00:00:00Z\","
                + "\"to\":\"2026-12-01T00:00:00Z\",\"warehouse_ids\":[\"" + kazan + "\"]}}").body();
        assertThat(inKazan.get("postings")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.get("delivery_method").get("warehouse_id").asLong()).isEqualTo(kazan));
        assertThat(inKazan.get("postings").size()).isLessThan(OzonSeed.postings(ROMASHKA.clientId()).size());
    }

    @Test
    void lastChangedStatusDateFindsOnlyTheJustCancelledPosting() throws Exception {
        String number = OzonSeed.postings(VASILKOV.clientId()).stream()
                .filter(p -> p.posting().get("status").asText().equals("awaiting_packaging"))
                .findFirst().orElseThrow().posting().get("posting_number").asText();
        emulator.postings().cancel(number, "Покупатель");

        JsonNode reply = list(VASILKOV, "{\"limit\":100,\"filter\":{\"since\":\"2026-10-01T00:00:00Z\","
                + "\"to\":\"2026-12-01T00:00:00Z\",\"last_changed_status_date\":{\"from\":\"2026-11-10T11:59:00Z\","
                + "\"to\":\"2026-11-10T12:01:00Z\"}}}").body();
        assertThat(reply.get("postings")).hasSize(1);
        JsonNode posting = reply.get("postings").get(0);
        assertThat(posting.get("posting_number").asText()).isEqualTo(number);
        assertThat(posting.get("status").asText()).isEqualTo("cancelled");
        assertThat(posting.get("cancellation").get("cancellation_initiator").asText()).isEqualTo("Покупатель");
        assertThat(posting.get("cancellation").get("cancellation_type").asText()).isEqualTo("client");
        assertThat(emulator.postings().statusChangedAt(number)).contains(NOW);
    }

    @Test
    void productsCarryV4MoneyAndOptionalBlocksOnlyWhenAsked() throws Exception {
        String filter = "\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}";
        JsonNode plain = list(ROMASHKA, "{\"limit\":5," + filter + "}").body().get("postings").get(0);
        assertThat(plain.has("analytics_data")).isFalse();
        assertThat(plain.has("financial_data")).isFalse();
        JsonNode product = plain.get("products").get(0);
        assertThat(product.get("price").get("amount").isTextual()).isTrue();
        assertThat(product.get("price").get("amount").asText()).matches("\\d+\\.\\d{2}");
        assertThat(product.get("price").get("currency").asText()).isEqualTo("RUB");
        assertThat(product.get("sku").isIntegralNumber()).isTrue();

        JsonNode full = list(ROMASHKA, "{\"limit\":5," + filter + ",\"with\":{\"analytics_data\":true,"
                + "\"financial_data\":true,\"barcodes\":true,\"legal_info\":true}}").body().get("postings").get(0);
        assertThat(full.get("analytics_data").get("warehouse_id").asLong())
                .isEqualTo(full.get("delivery_method").get("warehouse_id").asLong());
        assertThat(full.get("financial_data").get("products")).hasSize(full.get("products").size());
        assertThat(full.has("barcodes")).isTrue();
    }

    // ---- request checks and auth ---------------------------------------------------------------------------

    @Test
    void rejectsALimitOverOneHundredAndAMissingSince() throws Exception {
        OzonHttp.Reply tooMany = list(ROMASHKA, "{\"limit\":101,\"filter\":{\"since\":\"2026-10-01T00:00:00Z\","
                + "\"to\":\"2026-12-01T00:00:00Z\"}}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("code").asInt()).isEqualTo(3);
        assertThat(tooMany.body().get("message").asText()).contains("limit");
        assertThat(tooMany.body().get("details").isArray()).isTrue();

        OzonHttp.Reply noSince = list(ROMASHKA, "{\"limit\":10,\"filter\":{\"to\":\"2026-12-01T00:00:00Z\"}}");
        assertThat(noSince.status()).isEqualTo(400);
        assertThat(noSince.body().get("code").asInt()).isEqualTo(3);
        assertThat(noSince.body().get("message").asText()).contains("filter.since");

        OzonHttp.Reply notJson = list(ROMASHKA, "{\"limit\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("code").asInt()).isEqualTo(3);
    }

    @Test
    void answersBadCredentialsAsOzonDoes() throws Exception {
        String body = "{\"limit\":10,\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}}";
        OzonHttp.Reply wrongKey = http.post(LIST, ROMASHKA.clientId(), "not-the-key", body);
        assertThat(wrongKey.status()).isEqualTo(404);
        assertThat(wrongKey.body().get("code").asInt()).isEqualTo(5);
        assertThat(wrongKey.body().get("message").asText()).isEqualTo("Invalid Api-Key, please check the key and try again");
        assertThat(wrongKey.body().get("details")).isEmpty();

        OzonHttp.Reply otherAccountsKey = http.post(LIST, ROMASHKA.clientId(), VASILKOV.apiKey(), body);
        assertThat(otherAccountsKey.status()).isEqualTo(404);

        OzonHttp.Reply missing = http.post(LIST, null, null, body);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().get("code").asInt()).isEqualTo(16);

        OzonHttp.Reply notANumber = http.post(LIST, "romashka", ROMASHKA.apiKey(), body);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().get("code").asInt()).isEqualTo(3);

        emulator.addAccount("100777", "test-key");
        OzonHttp.Reply added = http.post(LIST, "100777", "test-key", body);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("postings")).isEmpty();
    }

    @Test
    void rateLimitAnswers429Code8WithinOneSecondOfTheClock() throws Exception {
        emulator.rateLimitPerSecond(3);
        String body = "{\"posting_number\":\"" + anyNumber(ROMASHKA) + "\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(http.post(GET, ROMASHKA.clientId(), ROMASHKA.apiKey(), body).status()).isEqualTo(200);
        }
        OzonHttp.Reply limited = http.post(GET, ROMASHKA.clientId(), ROMASHKA.apiKey(), body);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text()).isEqualTo("{\"code\":8,\"message\":\"You have reached request rate limit per second\",\"details\":[]}");

        // the limit is per Client-Id
        String other = "{\"posting_number\":\"" + anyNumber(VASILKOV) + "\"}";
        assertThat(http.post(GET, VASILKOV.clientId(), VASILKOV.apiKey(), other).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(http.post(GET, ROMASHKA.clientId(), ROMASHKA.apiKey(), body).status()).isEqualTo(200);
    }

    // ---- /v4/posting/fbs/unfulfilled/list ------------------------------------------------------------------

    @Test
    void unfulfilledListsPostingsStillToAssembleByCutoff() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        boolean hasNext;
        do {
            OzonHttp.Reply reply = http.post(UNFULFILLED, ROMASHKA.clientId(), ROMASHKA.apiKey(),
                    "{\"cursor\":\"" + cursor + "\",\"limit\":4,\"filter\":{\"cutoff_from\":\"2026-10-01T00:00:00Z\","
                            + "\"cutoff_to\":\"2026-12-01T00:00:00Z\"},\"with\":{\"analytics_data\":true}}");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().get("count").asInt()).isEqualTo(reply.body().get("postings").size());
            reply.body().get("postings").forEach(p -> {
                assertThat(p.get("status").asText()).isIn("awaiting_packaging", "awaiting_deliver");
                seen.add(p.get("posting_number").asText());
            });
            hasNext = reply.body().get("has_next").asBoolean();
            cursor = reply.body().get("cursor").asText();
        } while (hasNext);
        List<String> expected = OzonSeed.postings(ROMASHKA.clientId()).stream()
                .filter(p -> Set.of("awaiting_packaging", "awaiting_deliver").contains(p.posting().get("status").asText()))
                .map(p -> p.posting().get("posting_number").asText()).toList();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void unfulfilledRejectsCutoffAndDeliveringDateTogether() throws Exception {
        OzonHttp.Reply both = http.post(UNFULFILLED, ROMASHKA.clientId(), ROMASHKA.apiKey(),
                "{\"limit\":10,\"filter\":{\"cutoff_from\":\"2026-10-01T00:00:00Z\",\"cutoff_to\":\"2026-12-01T00:00:00Z\","
                        + "\"delivering_date_from\":\"2026-10-01T00:00:00Z\",\"delivering_date_to\":\"2026-12-01T00:00:00Z\"}}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("code").asInt()).isEqualTo(3);
        assertThat(both.body().get("message").asText()).contains("cutoff").contains("delivering_date");

        OzonHttp.Reply byDelivering = http.post(UNFULFILLED, ROMASHKA.clientId(), ROMASHKA.apiKey(),
                "{\"limit\":100,\"filter\":{\"delivering_date_from\":\"2026-10-01T00:00:00Z\","
                        + "\"delivering_date_to\":\"2026-12-01T00:00:00Z\",\"statuses\":[\"awaiting_deliver\"]}}");
        assertThat(byDelivering.status()).isEqualTo(200);
        assertThat(byDelivering.body().get("postings")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("awaiting_deliver"));
    }

    // ---- /v3/posting/fbs/get -------------------------------------------------------------------------------

    @Test
    void getAnswersOnePostingInTheV3ShapeOr404() throws Exception {
        String number = anyNumber(ROMASHKA);
        OzonHttp.Reply found = http.post(GET, ROMASHKA.clientId(), ROMASHKA.apiKey(),
                "{\"posting_number\":\"" + number + "\",\"with\":{\"analytics_data\":true,\"financial_data\":true}}");
        assertThat(found.status()).isEqualTo(200);
        JsonNode result = found.body().get("result");
        assertThat(result.get("posting_number").asText()).isEqualTo(number);
        JsonNode product = result.get("products").get(0);
        assertThat(product.get("price").isTextual()).isTrue();
        assertThat(product.get("currency_code").asText()).isEqualTo("RUB");
        assertThat(result.get("financial_data").get("products").get(0).has("commission_amount")).isTrue();

        OzonHttp.Reply missing = http.post(GET, ROMASHKA.clientId(), ROMASHKA.apiKey(),
                "{\"posting_number\":\"0000000000-0000-1\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("code").asInt()).isEqualTo(5);

        // another seller's posting is as unknown as a missing one
        OzonHttp.Reply foreign = http.post(GET, VASILKOV.clientId(), VASILKOV.apiKey(),
                "{\"posting_number\":\"" + number + "\"}");
        assertThat(foreign.status()).isEqualTo(404);
    }

    // ---- faults --------------------------------------------------------------------------------------------

    @Test
    void serverErrorFaultAnswersItsStatusWithInternalError() throws Exception {
        emulator.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, 1, "/v4/posting");
        OzonHttp.Reply failed = list(ROMASHKA, allOfIt(10));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.text()).isEqualTo("{\"code\":13,\"message\":\"Internal error\",\"details\":[]}");
        assertThat(list(ROMASHKA, allOfIt(10)).status()).isEqualTo(200);

        emulator.faults().arm(Faults.Kind.SERVER_ERROR, 1, null);
        assertThat(list(ROMASHKA, allOfIt(10)).status()).isEqualTo(500);
    }

    @Test
    void rateLimitedFaultAnswers429() throws Exception {
        emulator.faults().arm(Faults.Kind.RATE_LIMITED, 1, "/v3/posting/fbs/get");
        OzonHttp.Reply limited = http.post(GET, ROMASHKA.clientId(), ROMASHKA.apiKey(),
                "{\"posting_number\":\"" + anyNumber(ROMASHKA) + "\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().get("code").asInt()).isEqualTo(8);
    }

    @Test
    void loseReplyFaultDropsTheConnection() throws Exception {
        emulator.faults().arm(Faults.Kind.LOSE_REPLY, 1, LIST);
        assertThatThrownBy(() -> list(ROMASHKA, allOfIt(10))).isInstanceOf(IOException.class);
        assertThat(emulator.recorded()).last().extracting(RecordedExchange::status).isEqualTo(0);
        assertThat(list(ROMASHKA, allOfIt(10)).status()).isEqualTo(200);
    }

    @Test
    void malformedRecordFaultBreaksTheFirstPriceOfTheNextListOnly() throws Exception {
        emulator.faults().arm(Faults.Kind.MALFORMED_RECORD, 1, LIST);
        JsonNode broken = list(ROMASHKA, allOfIt(10)).body();
        assertThat(broken.get("postings").get(0).get("products").get(0).get("price").get("amount").asText())
                .isEqualTo(OzonEmulator.MALFORMED_AMOUNT);
        assertThat(broken.get("postings").get(1).get("products").get(0).get("price").get("amount").asText())
                .matches("\\d+\\.\\d{2}");
        JsonNode next = list(ROMASHKA, allOfIt(10)).body();
        assertThat(next.get("postings").get(0).get("products").get(0).get("price").get("amount").asText())
                .matches("\\d+\\.\\d{2}");
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        emulator.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(list(ROMASHKA, allOfIt(10)).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void controlEndpointArmsAndClearsFaults() throws Exception {
        HttpRequest arm = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"SERVER_ERROR\",\"times\":2,\"path\":\"/v4/posting\",\"status\":503}")).build();
        assertThat(http.raw(arm).statusCode()).isEqualTo(200);
        assertThat(list(ROMASHKA, allOfIt(10)).status()).isEqualTo(503);
        assertThat(list(ROMASHKA, allOfIt(10)).status()).isEqualTo(503);
        assertThat(list(ROMASHKA, allOfIt(10)).status()).isEqualTo(200);

        assertThat(http.raw(arm).statusCode()).isEqualTo(200);
        HttpRequest clear = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__sandbox/faults")).DELETE().build();
        assertThat(http.raw(clear).statusCode()).isEqualTo(204);
        assertThat(list(ROMASHKA, allOfIt(10)).status()).isEqualTo(200);
    }

    // ---- seed ----------------------------------------------------------------------------------------------

    @Test
    void seedIsDeterministicAndCoversTheFlowsCases() {
        assertThat(OzonSeed.postings().toString()).isEqualTo(OzonSeed.postings().toString());
        Set<String> unmappedOffers = new HashSet<>();
        SandboxData.OZON_OFFERS.stream().filter(o -> !o.mapped()).forEach(o -> unmappedOffers.add(o.offerId()));
        for (OzonAccount account : SandboxData.OZON_ACCOUNTS) {
            List<OzonSeed.SeededPosting> seeded = OzonSeed.postings(account.clientId());
            assertThat(seeded).hasSizeBetween(20, 30);
            List<ObjectNode> postings = seeded.stream().map(OzonSeed.SeededPosting::posting).toList();
            assertThat(postings).filteredOn(p -> p.get("status").asText().equals("cancelled")).hasSize(3);
            assertThat(postings).filteredOn(p -> hasOffer(p, unmappedOffers)).hasSizeBetween(2, 3);
            assertThat(postings).anySatisfy(p -> assertThat(p.get("products").size()).isGreaterThan(1));
            Instant goLive = account.goLiveDate().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            assertThat(postings).anySatisfy(p -> assertThat(Instant.parse(p.get("in_process_at").asText())).isBefore(goLive));
            assertThat(postings).anySatisfy(p -> assertThat(Instant.parse(p.get("in_process_at").asText())).isAfter(goLive));
            Set<Long> ownWarehouses = new HashSet<>();
            OzonSeed.warehousesOf(account).forEach(w -> ownWarehouses.add(w.id()));
            for (ObjectNode p : postings) {
                assertThat(p.get("posting_number").asText()).matches("\\d{10}-\\d{4}-1");
                assertThat(ownWarehouses).contains(p.get("delivery_method").get("warehouse_id").asLong());
                for (JsonNode product : p.get("products")) {
                    SandboxData.OzonOffer offer = SandboxData.OZON_OFFERS.stream()
                            .filter(o -> o.offerId().equals(product.get("offer_id").asText())).findFirst().orElseThrow();
                    assertThat(product.get("sku").asLong()).isEqualTo(offer.sku());
                    assertThat(new java.math.BigDecimal(product.get("price").get("amount").asText()))
                            .isEqualByComparingTo(offer.item().price());
                    assertThat(product.get("name").asText()).startsWith(offer.item().name());
                    assertThat(product.get("quantity").asInt()).isBetween(1, 3);
                }
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private OzonHttp.Reply list(OzonAccount account, String body) throws Exception {
        return http.post(LIST, account.clientId(), account.apiKey(), body);
    }

    private static String allOfIt(int limit) {
        return "{\"limit\":" + limit + ",\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}}";
    }

    private static String anyNumber(OzonAccount account) {
        return OzonSeed.postings(account.clientId()).get(0).posting().get("posting_number").asText();
    }

    private static List<Instant> inProcessAts(JsonNode reply) {
        List<Instant> result = new ArrayList<>();
        reply.get("postings").forEach(p -> result.add(Instant.parse(p.get("in_process_at").asText())));
        return result;
    }

    private static boolean hasOffer(JsonNode posting, Set<String> offers) {
        for (JsonNode product : posting.get("products")) {
            if (offers.contains(product.get("offer_id").asText())) {
                return true;
            }
        }
        return false;
    }
}
