package io.github.marketplace1c.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a sandbox run: the application started with the emulators, the Ozon orders flow run once
 * (with a rate limit on the way), then {@code /observe/metrics} and {@code /observe/health} asked without a token.
 * The last tests take 1C and then the database away and watch readiness go down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObserveEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private FlowWorld world;
    private List<Journal.RunSummary> runs;
    private List<Journal.RunSummary> stockRuns;
    private Scrape scrape;
    /** wb-romashka's token: a JWT that expires 10 days (and an hour) after the sandbox clock's start. */
    private final String jwt = jwt(SandboxClockStart.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)));

    private static final Instant SandboxClockStart = io.github.marketplace1c.sandbox.SandboxClock.START;

    @BeforeAll
    void runOzonOrdersOnce() throws Exception {
        world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                // a bucket of one request every 2.5 seconds: the next pages wait for it
                "mp1c.ozon.requestsPerSecond", "0.4", "mp1c.ozon.burst", "1",
                "WB_ROMASHKA_TOKEN", jwt));
        world.start();
        world.ozon.faults().arm(Faults.Kind.RATE_LIMITED, 1, "/v4/posting/fbs/list");
        runs = world.runOrders();
        stockRuns = world.runFlow("ozon-stocks");
        HttpResponse<String> metrics = world.observe("/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        scrape = new Scrape(metrics.body());
        // kept for a look when a name changes: target/observe-metrics.txt
        Files.writeString(Path.of("target/observe-metrics.txt"), metrics.body(), StandardCharsets.UTF_8);
    }

    @AfterAll
    void close() throws Exception {
        world.close();
    }

    @Test
    @Order(1)
    void theRunCountersEqualTheJournalsCountsPerAccount() {
        assertThat(runs).hasSize(SandboxData.OZON_ACCOUNTS.size());
        for (Journal.RunSummary run : runs) {
            String[] labels = {"marketplace", "ozon", "flow", "orders", "account", run.accountId()};
            assertThat(run.fetched()).as("the seed gives %s something to fetch", run.accountId()).isPositive();
            assertThat(scrape.value("mp1c_records_fetched_total", labels)).isEqualTo((double) run.fetched());
            assertThat(scrape.value("mp1c_records_done_total", labels)).isEqualTo((double) run.done());
            assertThat(scrape.value("mp1c_records_skipped_total", labels)).isEqualTo((double) run.skipped());
            assertThat(scrape.value("mp1c_records_dead_letters_total", labels)).isEqualTo((double) run.deadLetters());
            assertThat(scrape.value("mp1c_runs_total", "flow", "orders", "account", run.accountId(), "status", run.status()))
                    .isEqualTo(1.0);
        }
    }

    @Test
    @Order(1)
    void theStockExportsCountersEqualItsJournal() {
        assertThat(stockRuns).hasSize(SandboxData.OZON_ACCOUNTS.size());
        for (Journal.RunSummary run : stockRuns) {
            String[] labels = {"marketplace", "ozon", "flow", "stocks", "account", run.accountId()};
            assertThat(run.fetched()).as("stock lines of %s", run.accountId()).isPositive();
            assertThat(scrape.value("mp1c_records_fetched_total", labels)).isEqualTo((double) run.fetched());
            assertThat(scrape.value("mp1c_records_done_total", labels)).isEqualTo((double) run.done());
            assertThat(scrape.value("mp1c_records_skipped_total", labels)).isEqualTo((double) run.skipped());
            assertThat(scrape.value("mp1c_records_dead_letters_total", labels)).isEqualTo((double) run.deadLetters());
        }
    }

    @Test
    @Order(2)
    void openDeadLettersAreCountedByReasonAsTheStoreHoldsThem() throws Exception {
        for (Journal.RunSummary run : runs) {
            JsonNode open = world.adminJson("GET", "/api/dead-letters?account=" + run.accountId() + "&status=new", null);
            Map<String, Integer> byReason = new java.util.TreeMap<>();
            open.forEach(d -> byReason.merge(d.path("reason").asText(), 1, Integer::sum));
            assertThat(byReason).as("the seed's unmapped postings of %s", run.accountId()).containsKey("UNMAPPED_PRODUCT");
            for (Map.Entry<String, Integer> reason : byReason.entrySet()) {
                assertThat(scrape.sum("mp1c_dead_letters_open", "account", run.accountId(), "reason", reason.getKey()))
                        .as("%s %s", run.accountId(), reason.getKey()).isEqualTo((double) reason.getValue());
            }
            assertThat(scrape.sum("mp1c_dead_letters_open", "account", run.accountId(), "flow", "orders"))
                    .isEqualTo((double) run.deadLetters());
        }
    }

    @Test
    @Order(3)
    void theLastSuccessfulRunTheCallsAndTheWaitsAreThere() {
        double now = world.clock.instant().getEpochSecond();
        for (Journal.RunSummary run : runs) {
            assertThat(run.status()).isEqualTo("OK");
            assertThat(scrape.value("mp1c_last_success_timestamp_seconds", "marketplace", "ozon", "flow", "orders",
                    "account", run.accountId())).isCloseTo(now, within(120.0));
            assertThat(scrape.sum("mp1c_http_client_requests_seconds_count", "system", "ozon",
                    "account", run.accountId(), "outcome", "success")).isPositive();
        }
        // the one 429 the emulator gave, and the wait it and the bucket caused
        assertThat(scrape.sum("mp1c_http_client_requests_seconds_count", "system", "ozon", "outcome", "rate_limited"))
                .isEqualTo(1.0);
        assertThat(scrape.sum("mp1c_ratelimit_waits_seconds_count", "marketplace", "ozon", "flow", "orders"))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(scrape.sum("mp1c_ratelimit_waits_seconds_sum", "marketplace", "ozon", "flow", "orders"))
                .isPositive();
        // 1C: the orders were read back and created
        assertThat(scrape.sum("mp1c_http_client_requests_seconds_count", "system", "1c", "method", "POST",
                "outcome", "success")).isPositive();
        assertThat(scrape.value("mp1c_onec_up")).isEqualTo(1.0);
        assertThat(scrape.value("mp1c_database_up")).isEqualTo(1.0);
        assertThat(scrape.names()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads",
                "process_uptime_seconds", "jvm_gc_max_data_size_bytes"); // a pause is timed only once one happened
        // Camel's own: the orders route of each account ran
        assertThat(scrape.sum("camel_exchanges_total", "routeId", "ozon-orders-account")).isEqualTo(2.0);
    }

    @Test
    @Order(4)
    void aWildberriesTokenExpiringInTenDaysIsWarnedAbout() throws Exception {
        assertThat(scrape.value("mp1c_token_days_left", "marketplace", "wildberries", "account", "wb-romashka"))
                .isCloseTo(10.04, within(0.05));
        assertThat(scrape.find("mp1c_token_days_left", "account", "wb-vasilkov"))
                .as("the sandbox's token of wb-vasilkov is no JWT: nothing to say").isEmpty();

        HttpResponse<String> health = world.observe("/observe/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode accounts = check(JSON.readTree(health.body()), "accounts");
        assertThat(accounts.path("status").asText()).isEqualTo("UP");
        assertThat(accounts.path("message").asText())
                .contains("WARNING: the wildberries token of account wb-romashka expires in 10 days")
                .doesNotContain("wb-vasilkov");

        // the console's overview shows a warning line from this
        JsonNode warnings = world.adminJson("GET", "/api/overview", null).path("tokenWarnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).path("accountId").asText()).isEqualTo("wb-romashka");
        assertThat(warnings.get(0).path("daysLeft").asInt()).isEqualTo(10);
        assertThat(warnings.get(0).path("expires").asText())
                .isEqualTo(SandboxClockStart.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)).toString());
        assertThat(warnings.toString()).doesNotContain(jwt.split("\\.")[1]);
    }

    @Test
    @Order(5)
    void healthNeedsNoTokenAndShowsNoSecret() throws Exception {
        HttpResponse<String> health = world.observe("/observe/health");
        Files.writeString(Path.of("target/observe-health.json"), health.body(), StandardCharsets.UTF_8);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(check(body, "database").path("status").asText()).isEqualTo("UP");
        assertThat(check(body, "onec").path("status").asText()).isEqualTo("UP");
        assertThat(check(body, "accounts").path("message").asText()).contains("last runs: 4 OK");
        HttpResponse<String> data = world.observe("/observe/health?data=true");
        assertThat(check(JSON.readTree(data.body()), "accounts").path("data").path("ozon/ozon-romashka/orders").asText())
                .isEqualTo("OK");
        assertThat(world.observe("/observe/health/ready").statusCode()).isEqualTo(200);
        assertThat(world.observe("/observe/health/live").statusCode()).isEqualTo(200);
        for (String text : List.of(health.body(), data.body(), scrape.text)) {
            assertNoSecret(text);
        }
        // the details stay behind the token, and count every open dead letter in SQL
        assertThat(world.admin("GET", "/api/health", null, null).statusCode()).isEqualTo(401);
        JsonNode details = world.adminJson("GET", "/api/health", null);
        assertThat(details.path("openDeadLetters").asLong())
                .isEqualTo(world.adminJson("GET", "/api/dead-letters?status=new", null).size())
                .isGreaterThanOrEqualTo(runs.stream().mapToLong(Journal.RunSummary::deadLetters).sum());
    }

    @Test
    @Order(6)
    void everyMetricTheShippedDashboardAndAlertsNameIsInTheScrape() throws Exception {
        Set<String> named = new TreeSet<>();
        for (String file : List.of("docs/operations/grafana-dashboard.json", "docs/operations/alerts.yml")) {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            Matcher metric = Pattern.compile("\\b((?:mp1c|jvm|process|camel)_[a-z0-9_]+)").matcher(text);
            while (metric.find()) {
                named.add(metric.group(1));
            }
        }
        assertThat(named).as("the files name metrics").contains("mp1c_dead_letters_open", "mp1c_token_days_left",
                "mp1c_onec_up", "mp1c_last_success_timestamp_seconds");
        List<String> missing = new ArrayList<>(named);
        missing.removeAll(scrape.names());
        assertThat(missing).as("named in docs/operations but not in /observe/metrics").isEmpty();
    }

    @Test
    @Order(7)
    void readinessGoesDownWhen1CCannotBeReached() throws Exception {
        world.onec.close();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> world.observe("/observe/health/ready").statusCode() == 503);
        JsonNode ready = JSON.readTree(world.observe("/observe/health/ready").body());
        assertThat(ready.path("status").asText()).isEqualTo("DOWN");
        assertThat(check(ready, "onec").path("status").asText()).isEqualTo("DOWN");
        assertThat(check(ready, "onec").path("message").asText()).contains("1C did not answer");
        assertNoSecret(ready.toString());
        assertThat(world.observe("/observe/health/live").statusCode()).as("alive all the same").isEqualTo(200);
        assertThat(new Scrape(world.observe("/observe/metrics").body()).value("mp1c_onec_up")).isEqualTo(0.0);
    }

    @Test
    @Order(8)
    void readinessGoesDownWhenTheDatabaseCannotBeReached() throws Exception {
        world.app().bean("dataSource", HikariDataSource.class).close();
        HttpResponse<String> response = world.observe("/observe/health/ready");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode database = check(JSON.readTree(response.body()), "database");
        assertThat(database.path("status").asText()).isEqualTo("DOWN");
        assertThat(database.path("message").asText()).startsWith("the database cannot be reached");
        assertNoSecret(response.body());
        HttpResponse<String> metrics = world.observe("/observe/metrics");
        assertThat(metrics.statusCode()).as("the scrape goes on without the database").isEqualTo(200);
        assertThat(new Scrape(metrics.body()).value("mp1c_database_up")).isEqualTo(0.0);
    }

    private void assertNoSecret(String text) {
        List<String> secrets = new ArrayList<>(List.of(FlowWorld.ADMIN_TOKEN, "sandbox-1c-password", jwt,
                jwt.split("\\.")[1], "sandbox-wb-token-vasilkov", "sandbox-ym-key-romashka"));
        SandboxData.OZON_ACCOUNTS.forEach(a -> secrets.add(a.apiKey()));
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    /** An unsigned JWT as WB's look (header, payload with exp, signature): only the payload matters here. */
    static String jwt(Instant expires) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"ES256\",\"kid\":\"test\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(("{\"ent\":1,\"exp\":" + expires.getEpochSecond()
                + ",\"id\":\"0190b0e1-test\",\"s\":1073741822,\"sid\":\"sandbox-seller\"}").getBytes(StandardCharsets.UTF_8))
                + "." + encoder.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
    }
}
