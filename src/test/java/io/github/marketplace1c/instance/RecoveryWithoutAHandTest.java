package io.github.marketplace1c.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.app.Application;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.journal.RecordClaims;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCOrders;
import io.github.marketplace1c.testing.OzonSeedExpectations;
import io.github.marketplace1c.testing.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a kill or a crash the application finishes what was in flight by itself (DESIGN.md, "Production and
 * scale"): claims of a vanished instance are released within a minute (here: seconds), documents created and not
 * posted get posted by the next run, and runs left RUNNING are closed at the next start.
 */
class RecoveryWithoutAHandTest {

    private static final SandboxData.OzonAccount ACCOUNT = SandboxData.OZON_ROMASHKA;

    @TempDir
    Path temp;

    /** Short heartbeats: an instance is gone 3 seconds after its last beat (production: 15 s and a minute). */
    private static Map<String, String> node(String name) {
        Map<String, String> settings = new HashMap<>();
        settings.put("mp1c.schedule.clustered", "true");
        settings.put("mp1c.schedule.instanceId", name);
        settings.put("mp1c.schedule.clusterCheckinSeconds", "1");
        settings.put("mp1c.instance.heartbeatSeconds", "1");
        settings.put("mp1c.instance.deadAfterSeconds", "3");
        settings.put("mp1c.retry.pollFirstWaitSeconds", "0");
        return settings;
    }

    private static Journal.RunSummary run(List<Journal.RunSummary> runs, String account) {
        return runs.stream().filter(r -> r.accountId().equals(account)).findFirst().orElseThrow();
    }

    @Test
    void aRecordClaimedByAKilledInstanceIsTakenByTheOtherOnceItsHeartbeatIsOld() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, node("node-a"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            String posting = OzonSeedExpectations.of(world.ozon, ACCOUNT).orders().get(0).path("posting_number")
                    .asText();
            try (Application nodeB = world.startAnother(node("node-b"))) {
                // node B took the posting and was killed before it wrote the 1C document
                assertThat(nodeB.bean("recordClaims", RecordClaims.class).claim("orders", ACCOUNT.id(),
                        posting + "#order")).isEqualTo(RecordClaims.Claim.CLAIMED);

                // while node B's heartbeat is fresh its claim holds: node A parks the posting for later
                Journal.RunSummary whileAlive = run(world.runOrders(), ACCOUNT.id());
                assertThat(orders.byNumber(posting)).isEmpty();
                JsonNode parked = world.adminJson("GET", "/api/dead-letters?reason=CLAIMED_ELSEWHERE&status=new", null);
                assertThat(parked).hasSize(1);
                assertThat(parked.get(0).path("recordKey").asText()).isEqualTo(posting);
                assertThat(whileAlive.deadLetters()).isGreaterThanOrEqualTo(1);

                nodeB.bean("instanceHeartbeat", InstanceHeartbeat.class).halt(); // killed: no clean stop
                Thread.sleep(4_000);

                // the next poll of node A takes the posting (its parked letter retried first): one posted document
                world.runOrders();
                List<ObjectNode> docs = orders.byNumber(posting);
                assertThat(docs).hasSize(1);
                assertThat(docs.get(0).path("Posted").asBoolean()).isTrue();
                assertThat(journal(world).records(null, "orders", ACCOUNT.id(), null, posting, 1))
                        .extracting(r -> r.get("outcome")).containsExactly("DONE");
                assertThat(world.adminJson("GET", "/api/dead-letters?reason=CLAIMED_ELSEWHERE&status=new", null))
                        .isEmpty();
                assertThat(world.adminJson("GET", "/api/dead-letters?reason=CLAIMED_ELSEWHERE&status=replayed", null))
                        .hasSize(1);
            }
        }
    }

    @Test
    void aLiveInstancesClaimIsNotTakenOnlyBecauseTimePasses() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, node("node-a"))) {
            world.start();
            String posting = OzonSeedExpectations.of(world.ozon, ACCOUNT).orders().get(0).path("posting_number")
                    .asText();
            try (Application nodeB = world.startAnother(node("node-b"))) {
                assertThat(nodeB.bean("recordClaims", RecordClaims.class).claim("orders", ACCOUNT.id(),
                        posting + "#order")).isEqualTo(RecordClaims.Claim.CLAIMED);
                Thread.sleep(4_000); // longer than the dead-after setting: node B's heartbeat keeps it alive

                assertThat(world.app().bean("recordClaims", RecordClaims.class).claim("orders", ACCOUNT.id(),
                        posting + "#order")).isEqualTo(RecordClaims.Claim.BUSY_ELSEWHERE);
            }
        }
    }

    @Test
    void documentsCreatedAndNotPostedArePostedByTheNextRunOnceEach() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.retry.pollFirstWaitSeconds", "0"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            // 1C saves every order, but posting them fails (1C away between the two calls)
            world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/Post");
            world.runOrders();
            List<ObjectNode> created = orders.all();
            assertThat(created).isNotEmpty();
            assertThat(created).allMatch(doc -> !doc.path("Posted").asBoolean());
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null))
                    .hasSize(created.size());
            long creates = orders.creates();

            world.onec.faults().clear();
            world.runOrders();

            assertThat(orders.all()).hasSize(created.size());
            assertThat(orders.creates()).isEqualTo(creates);
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null)).isEmpty();
            for (ObjectNode doc : orders.all()) {
                assertThat(orders.byNumber(doc.path("НомерПоДаннымКлиента").asText())).hasSize(1);
                assertThat(doc.path("Posted").asBoolean()).as("order %s posted", doc.path("НомерПоДаннымКлиента"))
                        .isTrue();
            }
        }
    }

    @Test
    void aTransientDeadLetterIsRetriedByThePollWithABackoffAndItsAttemptsCounted() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.retry.pollFirstWaitSeconds", "60"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/Post");
            world.runOrders();
            JsonNode parked = world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null);
            assertThat(parked).isNotEmpty();
            String id = parked.get(0).path("id").asText();
            assertThat(world.adminJson("GET", "/api/dead-letters/" + id, null).path("attempts").asInt()).isEqualTo(1);

            // within the first wait the next run leaves the letters alone
            world.runOrders();
            assertThat(world.adminJson("GET", "/api/dead-letters/" + id, null).path("attempts").asInt()).isEqualTo(1);

            // after it (the letters made a minute older), the next run retries them; 1C still down: the same letters,
            // one more attempt each
            age(world, 61);
            world.runOrders();
            JsonNode again = world.adminJson("GET", "/api/dead-letters/" + id, null);
            assertThat(again.path("attempts").asInt()).isEqualTo(2);
            assertThat(again.path("status").asText()).isEqualTo("new");
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null))
                    .hasSize(parked.size());

            // the wait has doubled (2 minutes): 1C back, the run after it posts them all, nobody replays anything
            world.onec.faults().clear();
            age(world, 61);
            world.runOrders();
            assertThat(world.adminJson("GET", "/api/dead-letters/" + id, null).path("attempts").asInt()).isEqualTo(2);
            age(world, 121);
            world.runOrders();
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null)).isEmpty();
            assertThat(orders.all()).isNotEmpty().allMatch(doc -> doc.path("Posted").asBoolean());
        }
    }

    @Test
    void runsLeftRunningByAStoppedInstanceAreClosedAsInterruptedWithWhatTheyCounted() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, node("node-a"))) {
            world.start();
            Journal journal = world.app().bean("journal", Journal.class);
            // node A was in the middle of a run: three fetched, one done, one parked, one never reached
            long interrupted = journal.startRun("ozon", "orders", ACCOUNT.id(), "schedule");
            journal.fetched(interrupted, 3);
            journal.record(interrupted, "ozon", "orders", ACCOUNT.id(), "p-1", Journal.Outcome.DONE, "CREATED",
                    "order created in 1C", null, null);
            journal.record(interrupted, "ozon", "orders", ACCOUNT.id(), "p-2", Journal.Outcome.DEAD_LETTER,
                    "ONEC_UNAVAILABLE", "1C did not answer", null, null);
            world.app().bean("instanceHeartbeat", InstanceHeartbeat.class).halt(); // killed
            try (Application nodeB = world.startAnother(node("node-b"))) {
                // node B, alive, is running a flow of its own when node A starts again
                long running = nodeB.bean("journal", Journal.class).startRun("ozon", "stocks", ACCOUNT.id(),
                        "schedule");
                world.restart();

                Journal.RunSummary closed = journal(world).run(interrupted);
                assertThat(closed.status()).isEqualTo("INTERRUPTED");
                assertThat(closed.fetched()).isEqualTo(3);
                assertThat(closed.done()).isEqualTo(1);
                assertThat(closed.deadLetters()).isEqualTo(1);
                assertThat(closed.message()).contains("interrupted");
                assertThat(journal(world).run(running).status()).isEqualTo("RUNNING");
            }
        }
    }

    @Test
    void aSingleInstanceClosesEveryRunningRunOlderThanItsStart() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            long left = journal(world).startRun("ozon", "orders", ACCOUNT.id(), "schedule");
            journal(world).fetched(left, 2);
            journal(world).record(left, "ozon", "orders", ACCOUNT.id(), "p-1", Journal.Outcome.SKIPPED, "SKIPPED",
                    "already loaded into 1C", null, null);
            world.restart();

            Journal.RunSummary closed = journal(world).run(left);
            assertThat(closed.status()).isEqualTo("INTERRUPTED");
            assertThat(closed.fetched()).isEqualTo(2);
            assertThat(closed.skipped()).isEqualTo(1);
            // a run of the new start is opened and finished as usual
            Journal.RunSummary next = run(world.runOrders(), ACCOUNT.id());
            assertThat(next.status()).isEqualTo("OK");
        }
    }

    /** Moves the open dead letters' last failure back in time, as the minutes of an outage would. */
    private static void age(FlowWorld world, int seconds) throws Exception {
        try (var dataSource = TestDatabase.open(world.jdbcUrl); var connection = dataSource.getConnection();
             var update = connection.prepareStatement("UPDATE dead_letter SET updated_at = ? WHERE status = 'new'")) {
            update.setTimestamp(1, java.sql.Timestamp.from(world.clock.instant().minusSeconds(seconds)));
            update.executeUpdate();
        }
    }

    private static Journal journal(FlowWorld world) {
        return world.app().bean("journal", Journal.class);
    }
}
