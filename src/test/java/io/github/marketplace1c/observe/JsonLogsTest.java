package io.github.marketplace1c.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mp1c.log.format=json} with {@code mp1c.log.file}: after an Ozon orders run the file holds one JSON object
 * a line, and the lines of a run and of a record carry its account, flow, run and record in {@code mdc}.
 */
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @AfterEach
    void plainAgain() {
        LogSetup.apply(key -> ""); // the other tests in this JVM log plain lines on the console again
    }

    @Test
    void everyLineIsJsonAndTheRunsLinesCarryItsContext() throws Exception {
        Path file = temp.resolve("logs/marketplace-1c.log");
        List<Journal.RunSummary> runs;
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                "mp1c.log.format", "json", "mp1c.log.file", file.toString()))) {
            world.start();
            runs = world.runOrders();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(3);
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.readTree(line)); // fails on a line that is not JSON
        }
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(event.path("loggerName").asText()).isNotBlank();
            assertThat(event.has("formattedMessage")).isTrue();
            assertThat(event.path("timestamp").asLong()).isPositive();
        });

        for (Journal.RunSummary run : runs) {
            // the run's closing line: account, flow and run, no record
            JsonNode summary = events.stream().filter(e -> e.path("formattedMessage").asText()
                    .startsWith("ozon orders, account " + run.accountId() + ":")).findFirst()
                    .orElseThrow(() -> new AssertionError("no summary line of " + run.accountId()));
            assertThat(summary.path("mdc").path("account").asText()).isEqualTo(run.accountId());
            assertThat(summary.path("mdc").path("marketplace").asText()).isEqualTo("ozon");
            assertThat(summary.path("mdc").path("flow").asText()).isEqualTo("orders");
            assertThat(summary.path("mdc").path("run").asText()).isEqualTo(String.valueOf(run.runId()));
            assertThat(summary.path("mdc").has("record")).isFalse();

            // each dead letter's line: the record it is about
            List<JsonNode> deadLetters = events.stream().filter(e -> e.path("formattedMessage").asText()
                    .startsWith("Dead letter #")).filter(e -> run.accountId().equals(e.path("mdc").path("account")
                    .asText())).toList();
            assertThat(deadLetters).hasSize(run.deadLetters());
            for (JsonNode line : deadLetters) {
                assertThat(line.path("level").asText()).isEqualTo("WARN");
                assertThat(line.path("mdc").path("run").asText()).isEqualTo(String.valueOf(run.runId()));
                String record = line.path("mdc").path("record").asText();
                assertThat(record).isNotBlank();
                assertThat(line.path("formattedMessage").asText()).contains("ozon orders " + record + ":");
            }
        }
        String text = String.join("\n", lines);
        assertThat(text).doesNotContain(FlowWorld.ADMIN_TOKEN).doesNotContain("sandbox-1c-password");
        io.github.marketplace1c.sandbox.SandboxData.OZON_ACCOUNTS.forEach(a -> assertThat(text).doesNotContain(a.apiKey()));
    }
}
