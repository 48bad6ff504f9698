package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.app.RunSummaries;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCOrders;
import io.github.marketplace1c.testing.OzonSeedExpectations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrator's setup path on a УНФ base: CSV import of mappings, waiting dead letters, paused accounts. */
class SetupPathTest {

    private static final java.util.Map<String, String> CSV = java.util.Map.of("Content-Type", "text/csv; charset=utf-8");

    @TempDir
    Path temp;

    @Test
    void aCsvImportReplaysTheDeadLettersOfTheKeysItMaps() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UNF, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.runOrders();
            JsonNode parked = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null);
            List<ObjectNode> unmapped = new ArrayList<>();
            for (SandboxData.OzonAccount account : SandboxData.OZON_ACCOUNTS) {
                unmapped.addAll(OzonSeedExpectations.of(world.ozon, account).unmapped());
            }
            assertThat(parked.size()).isEqualTo(unmapped.size()).isPositive();
            for (ObjectNode posting : unmapped) {
                assertThat(orders.byNumber(posting.path("posting_number").asText())).isEmpty();
            }

            // the integrator's spreadsheet: the two products nobody had mapped, for every Ozon account
            StringBuilder csv = new StringBuilder("\uFEFFmarketplace;account;product_key;nomenclature_ref;"
                    + "characteristic_ref;name;note\n");
            for (SandboxData.OzonOffer offer : SandboxData.OZON_OFFERS) {
                if (!offer.mapped()) {
                    csv.append("ozon;;").append(offer.offerId()).append(';').append(offer.item().nomenclatureRef())
                            .append(";;").append(offer.item().name()).append(";\n");
                }
            }
            var imported = world.admin("POST", "/api/mappings/products/import", csv.toString(), FlowWorld.ADMIN_TOKEN,
                    CSV);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(imported.body());

            assertThat(answer.path("imported").asInt()).isEqualTo(2);
            assertThat(answer.path("replayed").findValuesAsText("outcome")).hasSize(unmapped.size())
                    .containsOnly("DONE");
            for (ObjectNode posting : unmapped) {
                ObjectNode doc = orders.one(posting.path("posting_number").asText())
                        .orElseThrow(() -> new AssertionError("no 1C order for " + posting.path("posting_number")));
                assertThat(doc.path("Posted").asBoolean()).isTrue();
                JsonNode rows = doc.path(orders.rowsField());
                assertThat(rows).hasSize(posting.path("products").size());
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(orders.nomenclature(rows.get(i))).isEqualTo(OzonSeedExpectations
                            .offer(posting.path("products").get(i).path("offer_id").asText()).item().nomenclatureRef());
                }
            }
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null)).isEmpty();
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=replayed", null)
                    .size()).isEqualTo(unmapped.size());
        }
    }

    @Test
    void aCsvImportThatIsRejectedReplaysNothing() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UNF, temp, Map.of())) {
            world.start();
            world.runOrders();
            int parked = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null).size();
            String csv = "marketplace;account;product_key;nomenclature_ref\n"
                    + "ozon;;RM-SOP-008;" + SandboxData.ITEMS.get(9).nomenclatureRef() + "\n"
                    + "ozon;;RM-NTB-009;Блокнот А5\n";

            var answer = world.admin("POST", "/api/mappings/products/import", csv, FlowWorld.ADMIN_TOKEN, CSV);

            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.body()).doesNotContain("replayed");
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new", null).size())
                    .isEqualTo(parked);
        }
    }

    @Test
    void aRecordParkedAgainByTheNextPollIsStillWaitingNotNew() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UNF, temp, Map.of())) {
            world.start();
            // Wildberries' order list cannot be asked for changes: every poll reads the last days' orders again
            List<Journal.RunSummary> first = world.runFlow("wildberries-orders");
            List<Journal.RunSummary> second = world.runFlow("wildberries-orders");

            for (int i = 0; i < first.size(); i++) {
                Journal.RunSummary before = first.get(i);
                Journal.RunSummary again = second.get(i);
                assertThat(before.deadLetters()).isPositive();
                assertThat(before.newDeadLetters()).isEqualTo(before.deadLetters());
                assertThat(before.stillWaiting()).isZero();
                assertThat(again.accountId()).isEqualTo(before.accountId());
                assertThat(again.stillWaiting()).as("%s still waiting", again.accountId())
                        .isEqualTo(before.deadLetters());
                assertThat(again.newDeadLetters()).isZero();
                assertThat(again.status()).isEqualTo("OK");
            }
            int total = first.stream().mapToInt(Journal.RunSummary::deadLetters).sum();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?flow=orders&status=new", null);
            assertThat(letters.size()).as("one dead letter per record, not one per run").isEqualTo(total);
            assertThat(letters.findValuesAsText("attempts")).containsOnly("2");

            String table = RunSummaries.table(second);
            assertThat(table.lines().findFirst().orElseThrow()).contains("new dead letters").contains("still waiting");
            Journal.RunSummary romashka = second.get(0);
            assertThat(table).containsPattern("wildberries +orders +" + romashka.accountId() + " +"
                    + romashka.fetched() + " +" + romashka.done() + " +" + romashka.skipped() + " +0 +"
                    + romashka.stillWaiting() + " +OK");
            JsonNode runs = world.adminJson("GET", "/api/journal?flow=orders", null);
            assertThat(runs.get(0).path("stillWaiting").asInt()).isEqualTo(second.get(1).stillWaiting());
            JsonNode records = world.adminJson("GET", "/api/journal/records?outcome=DEAD_LETTER&runId="
                    + romashka.runId(), null);
            assertThat(records.findValuesAsText("stillWaiting")).hasSize(romashka.deadLetters()).containsOnly("true");
        }
    }

    @Test
    void aPausedAccountIsNotPolledUntilItsLineIsRemoved() throws Exception {
        Path accounts = temp.resolve("accounts.yaml");
        String shipped = Files.readString(Path.of("config/accounts.yaml"));
        String marker = "  - id: ozon-vasilkov\n";
        assertThat(shipped).contains(marker);
        Files.writeString(accounts, shipped.replace(marker, marker + "    paused: true\n"));
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UNF, temp,
                Map.of("mp1c.accounts.file", accounts.toString()))) {
            world.start();

            List<Journal.RunSummary> runs = world.runOrders();

            assertThat(runs).extracting(Journal.RunSummary::accountId).containsExactly("ozon-romashka");
            assertThat(world.ozon.recorded()).isNotEmpty().noneMatch(exchange -> exchange.requestHeaders().values()
                    .contains(SandboxData.OZON_VASILKOV.clientId()));
            OneCOrders orders = new OneCOrders(world.onec);
            for (ObjectNode posting : OzonSeedExpectations.of(world.ozon, SandboxData.OZON_VASILKOV).orders()) {
                assertThat(orders.byNumber(posting.path("posting_number").asText())).isEmpty();
            }

            // ready: the line goes, the application restarts, the account runs
            Files.writeString(accounts, shipped);
            world.restart();
            List<Journal.RunSummary> live = world.runOrders();

            assertThat(live).extracting(Journal.RunSummary::accountId).contains("ozon-vasilkov");
            for (ObjectNode posting : OzonSeedExpectations.of(world.ozon, SandboxData.OZON_VASILKOV).orders()) {
                assertThat(orders.byNumber(posting.path("posting_number").asText())).hasSize(1);
            }
        }
    }
}
