package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.ozon.RecordedExchange;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCOrders;
import io.github.marketplace1c.testing.OzonSeedExpectations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Ozon orders flow does when things go wrong: every failure ends in a dead letter or a clear outcome. */
class OzonOrdersFailuresTest {

    @TempDir
    Path temp;

    private static Journal.RunSummary run(List<Journal.RunSummary> runs, String account) {
        return runs.stream().filter(r -> r.accountId().equals(account)).findFirst().orElseThrow();
    }

    private static int expectedOrders(FlowWorld world) {
        return SandboxData.OZON_ACCOUNTS.stream().mapToInt(a -> OzonSeedExpectations.of(world.ozon, a).orders().size())
                .sum();
    }

    @Test
    void pollingTwiceAndRestartingMakesNoDuplicates() throws Exception {
        // a huge overlap makes every later run fetch every posting again
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.orders.overlapMinutes", "10000000"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.runOrders();
            int expected = expectedOrders(world);
            assertThat(orders.all()).hasSize(expected);

            List<Journal.RunSummary> second = world.runOrders();
            world.restart();
            List<Journal.RunSummary> third = world.runOrders();

            assertThat(orders.all()).hasSize(expected);
            assertThat(orders.creates()).isEqualTo(expected);
            for (List<Journal.RunSummary> runs : List.of(second, third)) {
                for (Journal.RunSummary r : runs) {
                    OzonSeedExpectations expectations = OzonSeedExpectations.of(world.ozon,
                            SandboxData.OZON_ACCOUNTS.stream().filter(a -> a.id().equals(r.accountId())).findFirst()
                                    .orElseThrow());
                    assertThat(r.done()).isZero();
                    assertThat(r.status()).isEqualTo("OK");
                    // what is in 1C (orders, applied cancellations) is not taken again; the rest is met again
                    assertThat(r.fetched()).isEqualTo(expectations.beforeGoLive().size() + expectations.unmapped().size());
                    assertThat(r.fetched()).isEqualTo(r.skipped() + r.deadLetters());
                }
            }
        }
    }

    @Test
    void aReplyLostAfter1CSavedTheOrderStillMakesOneOrder() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            // the first document POST is saved by 1C, but its answer never comes back
            world.onec.faults().arm(Faults.Kind.LOSE_REPLY, 1, "POST /sandbox/odata/standard.odata/Document_ЗаказКлиента");

            List<Journal.RunSummary> runs = world.runOrders();

            assertThat(world.onec.requestLog()).anyMatch(l -> l.contains("(reply lost)"));
            int expected = expectedOrders(world);
            assertThat(orders.all()).hasSize(expected);
            for (ObjectNode doc : orders.all()) {
                assertThat(orders.byNumber(doc.path("НомерПоДаннымКлиента").asText())).hasSize(1);
                assertThat(doc.path("Posted").asBoolean()).isTrue();
            }
            assertThat(runs.stream().mapToInt(Journal.RunSummary::done).sum()).isEqualTo(expected);
        }
    }

    @Test
    void anUnmappedProductParksItsPostingAndAddingTheMappingReplaysIt() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            List<Journal.RunSummary> runs = world.runOrders();
            List<ObjectNode> parked = SandboxData.OZON_ACCOUNTS.stream()
                    .flatMap(a -> OzonSeedExpectations.of(world.ozon, a).unmapped().stream()).toList();
            assertThat(runs.stream().mapToInt(Journal.RunSummary::deadLetters).sum()).isEqualTo(parked.size());
            assertThat(runs.stream().mapToInt(Journal.RunSummary::done).sum()).isEqualTo(expectedOrders(world));

            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null);
            assertThat(letters.size()).isEqualTo(parked.size());
            JsonNode first = world.adminJson("GET", "/api/dead-letters/" + letters.get(0).path("id").asText(), null);
            assertThat(first.path("reason").asText()).isEqualTo("UNMAPPED_PRODUCT");
            assertThat(first.path("replayTarget").asText()).isEqualTo("ozon-orders-record");
            assertThat(first.path("payload").asText()).contains("posting_number");

            // map every unmapped offer through the admin API: each mapping replays what waited for it
            Set<String> unmappedOffers = SandboxData.OZON_OFFERS.stream().filter(o -> !o.mapped())
                    .map(SandboxData.OzonOffer::offerId).collect(Collectors.toCollection(java.util.TreeSet::new));
            int replayedOk = 0;
            for (String offerId : unmappedOffers) {
                SandboxData.Item item = OzonSeedExpectations.offer(offerId).item();
                JsonNode answer = world.adminJson("PUT", "/api/mappings/products", """
                        {"marketplace":"ozon","key":"%s","ref":"%s","name":"%s"}
                        """.formatted(offerId, item.nomenclatureRef(), item.name().replace("\"", "")));
                for (JsonNode result : answer.path("replayed")) {
                    if ("DONE".equals(result.path("outcome").asText())) {
                        replayedOk++;
                    }
                }
            }

            assertThat(replayedOk).isEqualTo(parked.size());
            for (ObjectNode posting : parked) {
                ObjectNode doc = orders.one(posting.path("posting_number").asText()).orElseThrow();
                assertThat(doc.path("Товары")).hasSize(posting.path("products").size());
                assertThat(doc.path("Posted").asBoolean()).isTrue();
            }
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null)).isEmpty();
            assertThat(world.adminJson("GET", "/api/dead-letters?status=replayed", null).size()).isEqualTo(parked.size());
        }
    }

    @Test
    void aMalformedPostingIsAnInvalidPayloadNamingTheFieldAndTheOthersGoOn() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.ozon.faults().arm(Faults.Kind.MALFORMED_RECORD, 1, "/v4/posting/fbs/list");

            List<Journal.RunSummary> runs = world.runOrders();

            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=INVALID_PAYLOAD", null);
            assertThat(letters.size()).isEqualTo(1);
            assertThat(letters.get(0).path("message").asText())
                    .contains("products[0].price.amount '12O0.00' is not a number")
                    .contains(letters.get(0).path("recordKey").asText());
            int fetched = runs.stream().mapToInt(Journal.RunSummary::fetched).sum();
            int done = runs.stream().mapToInt(Journal.RunSummary::done).sum();
            int skipped = runs.stream().mapToInt(Journal.RunSummary::skipped).sum();
            int dead = runs.stream().mapToInt(Journal.RunSummary::deadLetters).sum();
            assertThat(fetched).isEqualTo(done + skipped + dead);
            assertThat(done).isGreaterThanOrEqualTo(expectedOrders(world) - 1);
        }
    }

    @Test
    void when1CIsDownRecordsAreRetriedThenParkedAndReplaySucceedsOnceItIsBack() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                "mp1c.retry.maxRedeliveries", "2", "mp1c.retry.initialDelayMs", "10", "mp1c.retry.maxDelayMs", "20"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/odata/");

            List<Journal.RunSummary> runs = world.runOrders();

            int expected = expectedOrders(world);
            // cancelled postings need 1C too (to look for an order to cancel), so they wait as well
            int cancelled = SandboxData.OZON_ACCOUNTS.stream()
                    .mapToInt(a -> OzonSeedExpectations.of(world.ozon, a).cancelled().size()).sum();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE", null);
            assertThat(letters.size()).isEqualTo(expected + cancelled);
            assertThat(letters.get(0).path("message").asText()).contains("HTTP 503");
            // each of them was tried three times (once and two retries) before it was parked
            assertThat(world.onec.requestLog().stream().filter(l -> l.contains("-> 503")).count())
                    .isGreaterThanOrEqualTo(3L * (expected + cancelled));
            assertThat(orders.all()).isEmpty();
            assertThat(runs).allSatisfy(r -> assertThat(r.fetched()).isEqualTo(r.done() + r.skipped() + r.deadLetters()));

            world.onec.faults().clear();
            JsonNode replay = world.adminJson("POST", "/api/dead-letters/replay?reason=ONEC_UNAVAILABLE", null);

            assertThat(replay.path("replayed").asInt()).isEqualTo(expected + cancelled);
            assertThat(replay.path("results").findValuesAsText("outcome"))
                    .containsOnly("DONE", "SKIPPED").filteredOn("DONE"::equals).hasSize(expected);
            assertThat(orders.all()).hasSize(expected);
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null)).isEmpty();
        }
    }

    @Test
    void whenOzonStaysDownThePollIsRetriedThenParkedOnceAndTheRunEnds() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                "mp1c.retry.maxRedeliveries", "2", "mp1c.retry.initialDelayMs", "10", "mp1c.retry.maxDelayMs", "20"))) {
            world.start();
            world.ozon.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/v4/posting/fbs/list");

            List<Journal.RunSummary> runs = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(60), () -> world.runOrders());

            assertThat(runs).hasSize(SandboxData.OZON_ACCOUNTS.size())
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo("FAILED"));
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=MARKETPLACE_UNAVAILABLE", null);
            // one poll dead letter per account, each after the first call and two retries
            assertThat(letters.size()).isEqualTo(SandboxData.OZON_ACCOUNTS.size());
            assertThat(letters.findValuesAsText("recordKey")).containsOnly("poll");
            assertThat(letters.get(0).path("message").asText()).contains("/v4/posting/fbs/list answered 503");
        }
    }

    @Test
    void ozonRateLimitsAreWaitedOutAndNothingIsLost() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.ozon.faults().arm(Faults.Kind.RATE_LIMITED, 2, "/v4/posting/fbs/list");

            List<Journal.RunSummary> runs = world.runOrders();

            List<RecordedExchange> limited = world.ozon.recorded().stream().filter(e -> e.status() == 429).toList();
            assertThat(limited).hasSize(2);
            assertThat(limited.get(0).responseBody()).contains("\"code\":8");
            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
            assertThat(runs.stream().mapToInt(Journal.RunSummary::done).sum()).isEqualTo(expectedOrders(world));
            assertThat(new OneCOrders(world.onec).all()).hasSize(expectedOrders(world));
        }
    }

    @Test
    void aWrongApiKeyFailsThatAccountOnlyAndNoSecretLeaks() throws Exception {
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(tee);
        String wrongKey = "wrong-key-7f3a9c1e55d04b2a";
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("OZON_VASILKOV_API_KEY", wrongKey))) {
            world.start();

            List<Journal.RunSummary> runs = world.runOrders();

            assertThat(run(runs, "ozon-vasilkov").status()).isEqualTo("FAILED");
            assertThat(run(runs, "ozon-vasilkov").message()).startsWith("AUTH_FAILED");
            assertThat(run(runs, "ozon-romashka").status()).isEqualTo("OK");
            assertThat(run(runs, "ozon-romashka").done())
                    .isEqualTo(OzonSeedExpectations.of(world.ozon, SandboxData.OZON_ROMASHKA).orders().size());
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=AUTH_FAILED", null);
            assertThat(letters.size()).isEqualTo(1);
            assertThat(letters.get(0).path("accountId").asText()).isEqualTo("ozon-vasilkov");
            assertThat(letters.get(0).path("message").asText()).contains("Client-Id and Api-Key");

            // secrets appear nowhere a person or a script can read them
            String everything = captured.toString(StandardCharsets.UTF_8)
                    + world.admin("GET", "/api/dead-letters?limit=10000", null).body()
                    + world.admin("GET", "/api/journal", null).body()
                    + world.admin("GET", "/api/journal/records?limit=10000", null).body()
                    + world.admin("GET", "/api/health", null).body();
            assertThat(everything).isNotBlank();
            for (String secret : List.of(wrongKey, SandboxData.OZON_ROMASHKA.apiKey(), "sandbox-1c-password",
                    FlowWorld.ADMIN_TOKEN)) {
                assertThat(everything).as("secret leaked").doesNotContain(secret);
            }
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
    }

    @Test
    void theAdminApiAnswersNothingWithoutItsToken() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.runOrders();

            for (String token : new String[] {null, "wrong-token-0000000000"}) {
                var answer = world.admin("GET", "/api/dead-letters", null, token);
                assertThat(answer.statusCode()).isEqualTo(401);
                assertThat(answer.body()).doesNotContain("posting_number").doesNotContain("ozon-romashka");
            }
            String id = world.adminJson("GET", "/api/dead-letters?status=new", null).get(0).path("id").asText();
            var noNote = world.admin("POST", "/api/dead-letters/" + id + "/discard", "{}");
            assertThat(noNote.statusCode()).isEqualTo(400);
            assertThat(noNote.body()).contains("note");
            JsonNode discarded = world.adminJson("POST", "/api/dead-letters/" + id + "/discard",
                    "{\"note\":\"заказ отменён вручную в кабинете\"}");
            assertThat(discarded.path("status").asText()).isEqualTo("discarded");
            assertThat(discarded.path("note").asText()).isEqualTo("заказ отменён вручную в кабинете");
            assertThat(world.admin("POST", "/api/dead-letters/" + id + "/replay", null).body()).contains("NOT_REPLAYED");
            var notFound = world.admin("GET", "/api/dead-letters/999999", null);
            assertThat(notFound.statusCode()).isEqualTo(404);
        }
    }
}
