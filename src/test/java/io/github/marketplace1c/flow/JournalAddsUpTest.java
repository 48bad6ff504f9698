package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The journal adds up for every run, the failed ones too: fetched = done + skipped + dead letters + not attempted,
 * as the integrator reads it from GET /api/journal. Every Ozon flow runs against each kind of failure on the
 * emulators; a run that failed counts the dead letter it parked, and that letter is in the dead letter list.
 */
class JournalAddsUpTest {

    static final List<String> FLOWS = List.of("ozon-orders", "ozon-stocks", "ozon-prices", "ozon-sales-report",
            "ozon-services", "ozon-catalog");

    enum Failure {
        AUTH_FAILED, MARKETPLACE_DOWN, ONEC_DOWN, MALFORMED_RECORD, NONE
    }

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Failure.class)
    void everyRunAddsUp(Failure failure) throws Exception {
        Map<String, String> extra = new java.util.HashMap<>(Map.of("mp1c.retry.maxRedeliveries", "2",
                "mp1c.retry.initialDelayMs", "10", "mp1c.retry.maxDelayMs", "20"));
        if (failure == Failure.AUTH_FAILED) {
            extra.put("OZON_VASILKOV_API_KEY", "wrong-key-0c6f1e2d9b7a");
        }
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, extra)) {
            world.start();
            switch (failure) {
                case ONEC_DOWN -> world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/odata/");
                case MALFORMED_RECORD -> world.ozon.faults().arm(Faults.Kind.MALFORMED_RECORD, Faults.ALWAYS, null);
                default -> { }
            }

            for (String flow : FLOWS) {
                if (failure == Failure.MARKETPLACE_DOWN) {
                    // Ozon answers 503 to the flow's first calls until the retries (two, so three tries) run out for
                    // at least one of the two accounts; then it is back
                    world.ozon.faults().clear();
                    world.ozon.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, 6, null);
                }
                world.runFlow(flow);
            }

            JsonNode runs = world.adminJson("GET", "/api/journal?limit=1000", null);
            assertThat(runs.size()).as("runs").isGreaterThanOrEqualTo(FLOWS.size());
            List<String> failed = new ArrayList<>();
            for (JsonNode run : runs) {
                String what = run.path("flow").asText() + " " + run.path("accountId").asText() + " " + run;
                assertThat(run.path("status").asText()).as(what).isIn("OK", "FAILED");
                assertThat(run.path("fetched").asInt()).as("fetched = done + skipped + dead letters + not attempted: "
                        + what).isEqualTo(run.path("done").asInt() + run.path("skipped").asInt()
                        + run.path("deadLetters").asInt() + run.path("notAttempted").asInt());
                if (run.path("notAttempted").asInt() > 0) {
                    assertThat(run.path("status").asText()).as("only a stopped run leaves items unattempted: " + what)
                            .isEqualTo("FAILED");
                }
                if (run.path("status").asText().equals("FAILED")) {
                    failed.add(run.path("flow").asText());
                    // the dead letter the failed poll parked is counted, and the user finds it in the list
                    assertThat(run.path("deadLetters").asInt()).as("a failed run counts its dead letter: " + what)
                            .isGreaterThanOrEqualTo(1);
                    String reason = run.path("message").asText().split(":", 2)[0];
                    JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=" + reason + "&flow="
                            + run.path("flow").asText() + "&account=" + run.path("accountId").asText(), null);
                    assertThat(letters.size()).as("its dead letter: " + what).isGreaterThanOrEqualTo(1);
                }
            }
            if (failure == Failure.NONE) {
                assertThat(failed).isEmpty();
            } else if (failure != Failure.MALFORMED_RECORD) {
                // each failure stops at least one run; which flows it stops depends on what they call
                assertThat(failed).isNotEmpty();
            }
        }
    }
}
