package io.github.marketplace1c.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.testing.AppProcess;
import io.github.marketplace1c.testing.AppProcess.Outcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --once --flow} and {@code --setup}, as an integrator types them: the real main in a child process. */
class CommandLineTest {

    private static final String SANDBOX_TOKEN = "sandbox-admin-token-change-me";

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void onceWithFlowsRunsThoseFlowsOnly() throws Exception {
        AppProcess app = new AppProcess(home).sandboxOnFreePorts();
        Path summary = home.resolve("data/summary.json");

        Outcome outcome = app.run(Duration.ofMinutes(2), "--once", "--flow", "ozon-orders",
                "--flow", "wildberries-orders,wildberries-stocks", "--summary", summary.toString());

        assertThat(outcome.exitCode()).as("exit code; output %s", outcome.lines()).isZero();
        JsonNode rows = new ObjectMapper().readTree(Files.readString(summary));
        assertThat(StreamSupport.stream(rows.spliterator(), false)
                .map(r -> r.path("marketplace").asText() + "-" + r.path("flow").asText() + " " + r.path("account").asText()))
                .containsExactly("ozon-orders ozon-romashka", "ozon-orders ozon-vasilkov",
                        "wildberries-orders wb-romashka", "wildberries-orders wb-vasilkov",
                        "wildberries-stocks wb-romashka", "wildberries-stocks wb-vasilkov");
        for (JsonNode row : rows) {
            assertThat(row.path("fetched").asInt()).as("row %s adds up", row).isEqualTo(row.path("done").asInt()
                    + row.path("skipped").asInt() + row.path("newDeadLetters").asInt() + row.path("stillWaiting").asInt());
            assertThat(row.path("deadLetters").asInt())
                    .isEqualTo(row.path("newDeadLetters").asInt() + row.path("stillWaiting").asInt());
        }
        // the sandbox's first run: the unmapped products' orders are new dead letters, nothing waited before
        JsonNode ozonRomashka = rows.get(0);
        assertThat(ozonRomashka.path("newDeadLetters").asInt()).isPositive();
        assertThat(ozonRomashka.path("stillWaiting").asInt()).isZero();
        List<String> table = outcome.lines().stream().dropWhile(l -> !l.startsWith("marketplace ")).toList();
        assertThat(table.get(0)).matches("marketplace +flow +account +fetched +done +skipped +new dead letters "
                + "+still waiting +status");
        assertThat(table.subList(1, 7)).allSatisfy(line -> assertThat(line).endsWith("OK"))
                .anySatisfy(line -> assertThat(line).startsWith("wildberries    stocks       wb-vasilkov"));
        assertThat(table.get(7)).startsWith("Summary written to");
    }

    @Test
    void anUnknownFlowIsRefusedWithTheFlowsThereAre() throws Exception {
        AppProcess app = new AppProcess(home).sandboxOnFreePorts();

        Outcome outcome = app.run(Duration.ofMinutes(2), "--once", "--flow", "ozon-orders,ozon-ordrs");

        assertThat(outcome.exitCode()).as("output %s", outcome.lines()).isEqualTo(2);
        String refusal = outcome.lines().stream().filter(l -> l.startsWith("Unknown flow")).findFirst().orElseThrow();
        assertThat(refusal).startsWith("Unknown flow ozon-ordrs; the flows are: ")
                .contains("ozon-orders", "wildberries-stocks", "yandex-market-sales-report");
        // refused before anything ran: no summary table
        assertThat(outcome.lines()).noneMatch(l -> l.startsWith("marketplace "));
    }

    @Test
    void setupServesTheAdminApiAndTheConsoleAndPollsNothing() throws Exception {
        AppProcess app = new AppProcess(home).withAccountKeys();
        int port = AppProcess.freePort();
        // every schedule once a second, and addresses that answer nothing: a single scheduled run would show
        Files.writeString(home.resolve("config/application-trial.properties"), """
                mp1c.db.url = jdbc:h2:file:{{mp1c.home}}/data/trial
                mp1c.admin.token = trial-admin-token-0123456789
                mp1c.admin.port = %d
                mp1c.ozon.baseUrl = http://127.0.0.1:9
                mp1c.wildberries.marketplaceUrl = http://127.0.0.1:9
                mp1c.yandex-market.baseUrl = http://127.0.0.1:9
                mp1c.onec.baseUrl = http://127.0.0.1:9/base
                mp1c.ozon.orders.cron = * * * * * ?
                mp1c.wildberries.orders.cron = * * * * * ?
                mp1c.yandex-market.orders.cron = * * * * * ?
                mp1c.ozon.stocks.cron = * * * * * ?
                """.formatted(port));
        Process process = app.start("--profile", "trial", "--setup");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith("Setup mode")) || !process.isAlive());
            assertThat(process.isAlive()).as("running; output %s", lines).isTrue();

            String base = "http://127.0.0.1:" + port;
            assertThat(get(base + "/api/health", "trial-admin-token-0123456789").statusCode()).isEqualTo(200);
            HttpResponse<String> console = get(base + "/console/", null);
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("<html");
            Thread.sleep(3000);
            JsonNode runs = new ObjectMapper().readTree(get(base + "/api/journal", "trial-admin-token-0123456789")
                    .body());
            assertThat(runs).as("runs in the journal").isEmpty();
            assertThat(lines).noneMatch(l -> l.contains("DeadLetter") || l.contains("Failed delivery"));
        } finally {
            AppProcess.kill(process);
        }
    }

    @Test
    void setupAndOnceExcludeEachOther() throws Exception {
        Outcome outcome = new AppProcess(home).run(Duration.ofSeconds(30), "--setup", "--once");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.lines()).singleElement().asString().contains("--setup and --once exclude each other");
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
