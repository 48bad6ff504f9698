package io.github.marketplace1c.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the console reads besides the admin API (overview, accounts, dead letters by reason) and how it is served. */
class ConsoleApiTest {

    private static final String NEVER_SOON = "0 0 3 1 1 ? 2099";

    @TempDir
    Path temp;

    @Test
    void theOverviewShowsSchedulesLastRunsAndWhatIsFailing() throws Exception {
        // schedules on, but firing only in 2099: the test's own runs are the only ones
        Map<String, String> schedules = new HashMap<>(Map.of("mp1c.schedule.enabled", "true"));
        for (String marketplace : List.of("ozon", "wildberries", "yandex-market")) {
            for (String flow : List.of("orders", "stocks", "prices", "catalog", "sales-report", "services")) {
                schedules.put("mp1c." + marketplace + "." + flow + ".cron", NEVER_SOON);
            }
        }
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, schedules)) {
            world.start();
            List<Journal.RunSummary> runs = world.runOrders();

            JsonNode overview = world.adminJson("GET", "/api/overview", null);

            assertThat(overview.path("database").asText()).isEqualTo("UP");
            Instant now = Instant.parse(overview.path("now").asText());
            assertThat(overview.path("flows").findValuesAsText("flow"))
                    .containsExactlyElementsOf(world.app().flows().flowNames());
            for (JsonNode flow : overview.path("flows")) {
                assertThat(flow.path("scheduled").asBoolean()).as(flow.toString()).isTrue();
                assertThat(flow.path("cron").asText()).isEqualTo(NEVER_SOON);
                assertThat(Instant.parse(flow.path("nextRun").asText())).isAfter(now.plus(Duration.ofDays(365 * 50)));
            }
            for (Journal.RunSummary run : runs) {
                JsonNode last = find(overview.path("lastRuns"), "accountId", run.accountId());
                assertThat(last.path("id").asLong()).isEqualTo(run.runId());
                assertThat(last.path("flow").asText()).isEqualTo("orders");
                assertThat(last.path("status").asText()).isEqualTo(run.status());
                assertThat(last.path("deadLetters").asInt()).isEqualTo(run.deadLetters());
            }
            int open = world.adminJson("GET", "/api/dead-letters?status=new", null).size();
            assertThat(open).isPositive();
            JsonNode failing = overview.path("openDeadLetters");
            assertThat(failing).hasSize(1);
            assertThat(failing.get(0).path("reason").asText()).isEqualTo("UNMAPPED_PRODUCT");
            assertThat(failing.get(0).path("marketplace").asText()).isEqualTo("ozon");
            assertThat(failing.get(0).path("count").asInt()).isEqualTo(open);

            // replayed letters leave the "new" count, and status=all counts them still
            JsonNode letter = world.adminJson("GET", "/api/dead-letters?status=new", null).get(0);
            world.adminJson("POST", "/api/dead-letters/" + letter.path("id").asText() + "/discard",
                    "{\"note\":\"test: not ours\"}");
            assertThat(world.adminJson("GET", "/api/dead-letter-groups", null).get(0).path("count").asInt())
                    .isEqualTo(open - 1);
            assertThat(world.adminJson("GET", "/api/dead-letter-groups?status=discarded", null).get(0).path("count")
                    .asInt()).isEqualTo(1);
            assertThat(world.adminJson("GET", "/api/dead-letter-groups?status=all", null).get(0).path("count").asInt())
                    .isEqualTo(open);
            assertThat(world.adminJson("GET", "/api/dead-letter-groups?account=no-such-account", null)).isEmpty();
        }
    }

    @Test
    void accountsShowTheir1CReferencesButNoSecret() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            var registry = world.app().bean("accounts", AccountRegistry.class);

            HttpResponse<String> answer = world.admin("GET", "/api/accounts", null);

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode romashka = find(new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()), "id",
                    "ozon-romashka");
            assertThat(romashka.path("onec").path("organization").asText())
                    .isEqualTo(registry.get("ozon-romashka").onec().organization());
            assertThat(romashka.path("credentialsSet").path("apiKey").asBoolean()).isTrue();
            for (var account : registry.all()) {
                for (String secret : account.credentials().values()) {
                    if (!secret.isBlank()) {
                        assertThat(answer.body()).doesNotContain(secret);
                    }
                }
            }
            assertThat(world.adminJson("GET", "/api/mapping-kinds", null).toString())
                    .isEqualTo("[\"products\",\"services\",\"warehouses\"]");
        }
    }

    @Test
    void theMarketplacesTheConsoleListsAreTheRegistrysInItsOrder() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();

            JsonNode marketplaces = world.adminJson("GET", "/api/marketplaces", null);

            assertThat(marketplaces.findValuesAsText("key")).containsExactly("ozon", "wildberries", "yandex-market");
            assertThat(marketplaces.findValuesAsText("name")).containsExactly("Ozon", "Wildberries", "Яндекс Маркет");
            assertThat(marketplaces.findValuesAsText("key")).containsExactlyElementsOf(
                    io.github.marketplace1c.marketplace.Marketplaces.keys());
            HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(world.adminUrl("/api/marketplaces")))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theConsoleIsServedWithoutDataAndItsCallsNeedTheToken() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();

            HttpResponse<String> root = world.admin("GET", "/", null, null);
            assertThat(root.statusCode()).isEqualTo(302);
            assertThat(root.headers().firstValue("Location")).hasValue("/console/");
            HttpResponse<String> page = world.admin("GET", "/console/", null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
            assertThat(page.body()).contains("Токен администратора");
            HttpResponse<String> script = world.admin("GET", "/console/js/main.js", null, null);
            assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
            assertThat(world.admin("GET", "/console/nothing-here.js", null, null).statusCode()).isEqualTo(404);
            for (String call : List.of("/api/overview", "/api/accounts", "/api/dead-letter-groups", "/api/mapping-kinds")) {
                HttpResponse<String> denied = world.admin("GET", call, null, "wrong-token-0123456789");
                assertThat(denied.statusCode()).as(call).isEqualTo(401);
                assertThat(denied.body()).doesNotContain("ozon");
            }
        }
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + list);
    }
}
