package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCOrders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay answers what it did: each outcome counted (replayed, failed again, not replayed and why), and parallel
 * replays of one dead letter send it once - one outcome in the journal, one document in 1C.
 */
class ReplayAnswersTest {

    @TempDir
    Path temp;

    @Test
    void parallelReplaysSendALetterOnceAndEveryAnswerSaysWhatItDid() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                "mp1c.retry.maxRedeliveries", "1", "mp1c.retry.initialDelayMs", "10", "mp1c.retry.maxDelayMs", "20"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/odata/");
            world.runOrders();
            world.onec.faults().clear();
            JsonNode parked = world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE", null);
            assertThat(parked.size()).isGreaterThan(3);
            assertThat(orders.all()).isEmpty();
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                // ten replays of one letter at once: one sends it, the others say why they did not
                JsonNode first = parked.get(0);
                String id = first.path("id").asText();
                List<Callable<JsonNode>> clicks = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    clicks.add(() -> world.adminJson("POST", "/api/dead-letters/" + id + "/replay", null));
                }
                List<JsonNode> answers = new ArrayList<>();
                for (Future<JsonNode> answer : pool.invokeAll(clicks)) {
                    answers.add(answer.get());
                }
                assertThat(answers).filteredOn(a -> !a.path("outcome").asText().equals("NOT_REPLAYED")).hasSize(1)
                        .allSatisfy(a -> assertThat(a.path("outcome").asText()).isIn("DONE", "SKIPPED"));
                assertThat(answers).filteredOn(a -> a.path("outcome").asText().equals("NOT_REPLAYED")).hasSize(9)
                        .allSatisfy(a -> {
                            assertThat(a.path("reason").asText()).isIn("REPLAY_IN_PROGRESS", "ALREADY_REPLAYED");
                            assertThat(a.path("message").asText()).contains("#" + id);
                        });
                JsonNode records = world.adminJson("GET", "/api/journal/records?flow=orders&account="
                        + first.path("accountId").asText() + "&key=" + first.path("recordKey").asText(), null);
                assertThat(records.findValuesAsText("outcome")).filteredOn(o -> !o.equals("DEAD_LETTER")).hasSize(1);
                assertThat(orders.all().size()).isLessThanOrEqualTo(1);
                int sentBefore = orders.all().size();

                // one letter thrown away by hand: a replay of it says so
                String discardedId = parked.get(1).path("id").asText();
                world.adminJson("POST", "/api/dead-letters/" + discardedId + "/discard", "{\"note\":\"отменён в кабинете\"}");
                JsonNode discarded = world.adminJson("POST", "/api/dead-letters/" + discardedId + "/replay", null);
                assertThat(discarded.path("outcome").asText()).isEqualTo("NOT_REPLAYED");
                assertThat(discarded.path("reason").asText()).isEqualTo("DISCARDED");

                // two bulk replays at once: every remaining letter is replayed by exactly one of them
                int waiting = parked.size() - 2;
                Callable<JsonNode> bulk = () -> world.adminJson("POST",
                        "/api/dead-letters/replay?reason=ONEC_UNAVAILABLE", null);
                List<JsonNode> bulks = new ArrayList<>();
                for (Future<JsonNode> answer : pool.invokeAll(List.of(bulk, bulk))) {
                    bulks.add(answer.get());
                }
                for (JsonNode answer : bulks) {
                    assertThat(answer.path("letters").asInt()).isEqualTo(answer.path("results").size());
                    assertThat(answer.path("letters").asInt()).isEqualTo(answer.path("replayed").asInt()
                            + answer.path("failedAgain").asInt() + answer.path("notReplayed").asInt()
                            + answer.path("failed").asInt());
                    assertThat(answer.path("results").findValuesAsText("outcome")).filteredOn("NOT_REPLAYED"::equals)
                            .hasSize(answer.path("notReplayed").asInt());
                    answer.path("notReplayedBecause").fieldNames().forEachRemaining(reason ->
                            assertThat(reason).isIn("REPLAY_IN_PROGRESS", "ALREADY_REPLAYED", "ALREADY_RESOLVED"));
                    assertThat(answer.path("failedAgain").asInt() + answer.path("failed").asInt()).isZero();
                }
                assertThat(bulks.get(0).path("replayed").asInt() + bulks.get(1).path("replayed").asInt())
                        .isEqualTo(waiting);
                assertThat(world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null))
                        .isEmpty();
                int documents = orders.all().size();
                assertThat(documents).isGreaterThan(sentBefore);

                // asked again for the letters already replayed: nothing is sent, each one says why
                JsonNode again = world.adminJson("POST",
                        "/api/dead-letters/replay?reason=ONEC_UNAVAILABLE&status=replayed", null);
                int replayedLetters = world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=replayed",
                        null).size();
                assertThat(replayedLetters).isGreaterThan(0);
                assertThat(again.path("letters").asInt()).isEqualTo(replayedLetters);
                assertThat(again.path("replayed").asInt()).isZero();
                assertThat(again.path("notReplayed").asInt()).isEqualTo(replayedLetters);
                assertThat(again.path("notReplayedBecause").path("ALREADY_REPLAYED").asInt()).isEqualTo(replayedLetters);
                assertThat(orders.all()).hasSize(documents);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
