package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.app.Application;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.sandbox.Sandbox;
import io.github.marketplace1c.sandbox.SandboxClock;
import io.github.marketplace1c.sandbox.SpecFullAnswers;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.ozon.OzonEmulator;
import io.github.marketplace1c.sandbox.wildberries.WildberriesEmulator;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketEmulator;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One test's world: the Ozon emulator and a 1C emulator (strict: a property the configuration's metadata lacks
 * fails the request) on loopback ports, a real database, and the application itself started from the project's
 * own config/ and routes/ with the emulators' addresses. Nothing is mocked.
 */
public final class FlowWorld implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    public final Vertx vertx = Vertx.vertx();
    /** The sandbox's week, as in the sandbox itself: the seeded orders stay in every window whatever today is. */
    public final Clock clock = SandboxClock.startingAt(SandboxClock.START);
    public final OzonEmulator ozon;
    public final WildberriesEmulator wildberries;
    public final YandexMarketEmulator yandexMarket;
    public final OneCEmulator onec;
    public final String jdbcUrl;
    private final Map<String, String> overrides = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    private Application app;

    public FlowWorld(OneCEmulator.Configuration configuration, Path temp, Map<String, String> extra) {
        ozon = new OzonEmulator(vertx, clock, true).start("127.0.0.1", 0);
        wildberries = new WildberriesEmulator(vertx, clock, true).start("127.0.0.1", 0);
        yandexMarket = new YandexMarketEmulator(vertx, clock, true).start("127.0.0.1", 0);
        onec = new OneCEmulator(vertx, configuration, true).start("127.0.0.1", 0);
        // -Dmp1c.sandbox.fullAnswers=true (or flow/FullAnswersFlowTest) runs every flow test with full answers:
        // the emulators add every optional field of the spec their answer lacks (sandbox.SpecFullAnswers)
        boolean full = Boolean.getBoolean(SpecFullAnswers.SETTING);
        ozon.fullAnswers().switchOn(full);
        wildberries.fullAnswers().switchOn(full);
        yandexMarket.fullAnswers().switchOn(full);
        jdbcUrl = TestDatabase.fresh(temp);
        overrides.put("mp1c.sandbox.enabled", "false");
        overrides.put("mp1c.schedule.enabled", "false");
        overrides.put("mp1c.db.url", jdbcUrl);
        overrides.put("mp1c.db.user", TestDatabase.onPostgres() ? "" : "sa");
        overrides.put("mp1c.ozon.baseUrl", ozon.baseUrl());
        overrides.put("mp1c.wildberries.marketplaceUrl", wildberries.baseUrl());
        overrides.put("mp1c.yandexMarket.baseUrl", yandexMarket.baseUrl());
        overrides.put("mp1c.onec.baseUrl", onec.baseUrl());
        overrides.put("mp1c.onec.configuration", configuration.name());
        overrides.put("mp1c.onec.user", "odata");
        overrides.put("mp1c.onec.password", "sandbox-1c-password");
        overrides.put("mp1c.admin.port", String.valueOf(freePort()));
        overrides.put("mp1c.observe.port", String.valueOf(freePort()));
        overrides.put("mp1c.admin.token", ADMIN_TOKEN);
        overrides.put("mp1c.retry.maxRedeliveries", "3");
        overrides.put("mp1c.retry.initialDelayMs", "50");
        overrides.put("mp1c.retry.maxDelayMs", "200");
        overrides.put("mp1c.ozon.rateLimitWaitMs", "100");
        overrides.put("mp1c.ozon.orders.pageSize", "10");
        overrides.putAll(extra);
    }

    public Application start() throws Exception {
        app = Application.start(new Application.Options("sandbox", Path.of("."), overrides, clock));
        Sandbox.seedMappings(app.bean("productMappings", MappingTable.class),
                app.bean("warehouseMappings", MappingTable.class));
        io.github.marketplace1c.sandbox.SandboxServices.seedMappings(app.bean("serviceMappings", MappingTable.class));
        return app;
    }

    /**
     * Another instance of the application on the same database and emulators (its own admin port): a second node.
     * The caller closes it.
     */
    public Application startAnother(Map<String, String> extra) throws Exception {
        Map<String, String> another = new java.util.HashMap<>(overrides);
        another.put("mp1c.admin.port", String.valueOf(freePort()));
        another.put("mp1c.observe.port", String.valueOf(freePort()));
        another.putAll(extra);
        return Application.start(new Application.Options("sandbox", Path.of("."), another, clock));
    }

    public Application restart() throws Exception {
        app.close();
        return start();
    }

    public Application app() {
        return app;
    }

    /** Runs the Ozon orders flow once, for every Ozon account. */
    public List<Journal.RunSummary> runOrders() {
        return runFlow("ozon-orders");
    }

    public List<Journal.RunSummary> runFlow(String flow) {
        return app.flows().run(List.of(flow), "test");
    }

    public String adminUrl(String path) {
        return "http://127.0.0.1:" + overrides.get("mp1c.admin.port") + path;
    }

    /** An address on the observe port ({@code /observe/metrics}, {@code /observe/health}): no token there. */
    public String observeUrl(String path) {
        return "http://127.0.0.1:" + overrides.get("mp1c.observe.port") + path;
    }

    /** GET on the observe port, without any token. */
    public HttpResponse<String> observe(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(observeUrl(path))).timeout(java.time.Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Calls the admin API with the right token. */
    public HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return admin(method, path, body, ADMIN_TOKEN);
    }

    public HttpResponse<String> admin(String method, String path, String body, String token) throws Exception {
        return admin(method, path, body, token, Map.of());
    }

    /** Calls the admin API with these request headers besides the token (e.g. Content-Type). */
    public HttpResponse<String> admin(String method, String path, String body, String token,
                                      Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl(path)))
                .timeout(java.time.Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public JsonNode adminJson(String method, String path, String body) throws Exception {
        HttpResponse<String> response = admin(method, path, body);
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            ozon.close();
            wildberries.close();
            yandexMarket.close();
            onec.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
