package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SpecFullAnswers;
import io.github.marketplace1c.sandbox.EmulatorServer;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A loopback emulator of the Ozon Seller API's FBS posting reads ({@code /v4/posting/fbs/list},
 * {@code /v4/posting/fbs/unfulfilled/list}, {@code /v3/posting/fbs/get}), product, stock and price calls, and the
 * finance reads (the monthly realization report, published by the clock; the accrual API), faithful to the
 * official OpenAPI spec:
 * same paths, request checks, response shapes, error bodies, the per-Client-Id rate limit, and injectable faults.
 * The application runs it in sandbox mode; tests validate everything it says against the spec.
 */
public final class OzonEmulator implements AutoCloseable {

    /** Ozon's documented global limit: 50 requests per second per Client-Id across all methods. */
    public static final int DEFAULT_RATE_LIMIT = 50;
    /** What MALFORMED_RECORD puts into a price: still a string (spec-valid), but not a number (letter O). */
    public static final String MALFORMED_AMOUNT = "12O0.00";
    /** {@code /v2/products/stocks}: "С одного аккаунта продавца можно отправить до 80 запросов в минуту". */
    public static final int DEFAULT_STOCKS_PER_MINUTE = 80;
    static final String STOCKS_PATH = "/v2/products/stocks";

    private final Vertx vertx;
    private final Faults faults = new Faults();
    private final OzonPostings postings;
    private final PostingEndpoints endpoints;
    private final OzonRateLimiter rateLimiter;
    private final OzonRateLimiter stocksLimiter;
    private final OzonProducts products = new OzonProducts();
    private final OzonStocks stocks = new OzonStocks();
    private final OzonPrices prices = new OzonPrices();
    private final ProductEndpoints productEndpoints;
    private final OzonFinance finance = new OzonFinance();
    private final FinanceEndpoints financeEndpoints;
    private volatile boolean recording = true;
    private final Map<String, String> apiKeys = new ConcurrentHashMap<>();
    private final List<RecordedExchange> recorded = new ArrayList<>();
    private HttpServer server;
    private String host;

    private final Clock clock;

    /** Full answers (every optional field of the spec filled): off unless {@code mp1c.sandbox.fullAnswers}. */
    private final SpecFullAnswers fullAnswers =
            SpecFullAnswers.of("ozon");

    public SpecFullAnswers fullAnswers() {
        return fullAnswers;
    }

    public OzonEmulator(Vertx vertx, Clock clock, boolean seeded) {
        this.clock = clock;
        this.vertx = vertx;
        this.postings = new OzonPostings(clock);
        this.endpoints = new PostingEndpoints(postings);
        this.rateLimiter = new OzonRateLimiter(clock, DEFAULT_RATE_LIMIT);
        this.stocksLimiter = new OzonRateLimiter(clock, DEFAULT_STOCKS_PER_MINUTE, 60);
        this.productEndpoints = new ProductEndpoints(products, stocks, prices, clock);
        this.financeEndpoints = new FinanceEndpoints(finance, clock);
        SandboxData.OZON_ACCOUNTS.forEach(a -> apiKeys.put(a.clientId(), a.apiKey()));
        if (seeded) {
            OzonSeed.loadInto(postings);
            OzonFinanceSeed.loadInto(finance);
        }
    }

    /** Binds to exactly the given host (tests use 127.0.0.1); port 0 picks a free port. Blocks until listening. */
    public OzonEmulator start(String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        router.post("/__sandbox/faults").handler(this::armFault);
        router.delete("/__sandbox/faults").handler(this::clearFaults);
        router.post("/v4/posting/fbs/list").handler(ctx -> api(ctx, endpoints::list));
        router.post("/v4/posting/fbs/unfulfilled/list").handler(ctx -> api(ctx, endpoints::unfulfilled));
        router.post("/v3/posting/fbs/get").handler(ctx -> api(ctx, endpoints::get));
        router.post("/v3/product/list").handler(ctx -> api(ctx, productEndpoints::list));
        router.post("/v3/product/info/list").handler(ctx -> api(ctx, productEndpoints::info));
        router.post(STOCKS_PATH).handler(ctx -> api(ctx, stocksLimiter, productEndpoints::stocks));
        router.post("/v1/product/import/prices").handler(ctx -> api(ctx, productEndpoints::prices));
        router.post("/v2/finance/realization").handler(ctx -> api(ctx, financeEndpoints::realization));
        router.post("/v1/finance/accrual/types").handler(ctx -> api(ctx, financeEndpoints::accrualTypes));
        router.post("/v1/finance/accrual/by-day").handler(ctx -> api(ctx, financeEndpoints::accrualsByDay));
        router.route().handler(ctx -> api(ctx, (clientId, body) -> {
            throw new OzonApiException(404, 5, "method is not allowed");
        }));
        server = EmulatorServer.listen(vertx, router, host, port, "Ozon");
        this.host = host;
        return this;
    }

    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    public String baseUrl() {
        return EmulatorServer.baseUrl(host, port());
    }

    public Faults faults() {
        return faults;
    }

    /** Requests per second allowed per Client-Id; 0 turns the limit off. */
    public void rateLimitPerSecond(int perClientId) {
        rateLimiter.perSecond(perClientId);
    }

    /** {@code /v2/products/stocks} requests per minute per Client-Id (on top of the global limit); 0 = off. */
    public void stocksPerMinute(int perClientId) {
        stocksLimiter.perSecond(perClientId);
    }

    /** Turns every rate limit of this emulator off (benchmarks); the per-item rules (30 s, 10/hour) stay. */
    public void rateLimitsOff() {
        rateLimitPerSecond(0);
        stocksPerMinute(0);
    }

    /** Whether every exchange is kept for {@link #recorded()} (on by default; benchmarks may turn it off). */
    public void recording(boolean on) {
        this.recording = on;
    }

    public OzonPostings postings() {
        return postings;
    }

    /** The catalogue behind {@code /v3/product/list} (seeded offers with stable product_ids). */
    public OzonProducts products() {
        return products;
    }

    /** What {@code /v2/products/stocks} accepted, the sellers' warehouses, armed per-item rejections. */
    public OzonStocks stocks() {
        return stocks;
    }

    /** The realization reports and accruals behind {@code /v2/finance/realization} and the accrual API. */
    public OzonFinance finance() {
        return finance;
    }

    /** What {@code /v1/product/import/prices} accepted. */
    public OzonPrices prices() {
        return prices;
    }

    /** Lets another seller cabinet in (tests use it for accounts beyond the sandbox's two). */
    public void addAccount(String clientId, String apiKey) {
        apiKeys.put(clientId, apiKey);
    }

    public List<RecordedExchange> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public void clearRecorded() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Ozon emulator did not stop cleanly", e);
            } finally {
                server = null;
            }
        }
    }

    // ---- API requests --------------------------------------------------------------------------------------

    private void api(RoutingContext ctx, BiFunction<String, JsonNode, ObjectNode> operation) {
        api(ctx, null, operation);
    }

    /** {@code methodLimiter}: the method's own per-Client-Id limit, counted after the global one (null = none). */
    private void api(RoutingContext ctx, OzonRateLimiter methodLimiter,
                     BiFunction<String, JsonNode, ObjectNode> operation) {
        String path = ctx.request().path();
        String requestBody = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));

        Optional<Faults.Fault> fault = faults.take(ctx.request().method().name() + " " + path);
        Faults.Kind kind = fault.map(Faults.Fault::kind).orElse(null);
        int status;
        ObjectNode response;
        try {
            if (kind == Faults.Kind.SERVER_ERROR) {
                throw OzonApiException.internal(fault.get().status() == 0 ? 500 : fault.get().status());
            }
            if (kind == Faults.Kind.RATE_LIMITED) {
                throw OzonApiException.rateLimited();
            }
            String clientId = authenticate(ctx);
            if (!rateLimiter.tryAcquire(clientId)) {
                throw OzonApiException.rateLimited();
            }
            if (methodLimiter != null && !methodLimiter.tryAcquire(clientId)) {
                throw new OzonApiException(429, 8, "You have reached request rate limit per minute: "
                        + methodLimiter.limit() + " requests per minute for " + path);
            }
            response = operation.apply(clientId, parse(requestBody));
            if (kind == Faults.Kind.MALFORMED_RECORD) {
                malform(response);
            }
            status = 200;
        } catch (OzonApiException e) {
            status = e.status();
            response = e.body();
        } catch (RuntimeException e) {
            OzonApiException internal = OzonApiException.internal(500);
            status = internal.status();
            response = internal.body();
        }

        if (kind == Faults.Kind.LOSE_REPLY) {
            record(new RecordedExchange("POST", path, headers, requestBody, 0, "", clock.instant()));
            ctx.request().connection().close();
            return;
        }
        String responseBody = response.toString();
        record(new RecordedExchange(ctx.request().method().name(), path, headers, requestBody, status, responseBody,
                clock.instant()));
        int finalStatus = status;
        Duration latency = faults.latency();
        if (latency.isZero() || latency.isNegative()) {
            send(ctx, finalStatus, responseBody);
        } else {
            vertx.setTimer(latency.toMillis(), id -> send(ctx, finalStatus, responseBody));
        }
    }

    /**
     * Ozon's answers to bad credentials, as public clients observed them against the live API (the spec only says
     * which statuses an operation may return: 400, 403, 404, 409, 500):
     * headers missing: 401 code 16 "Client-Id and Api-Key headers are required";
     * a Client-Id that is not a positive integer: 400 code 3;
     * an unknown Client-Id or a wrong key: 404 code 5 "Invalid Api-Key, please check the key and try again".
     * The 404 is surprising but real; a client must tell it from a missing posting by the message, not the status.
     */
    private String authenticate(RoutingContext ctx) {
        String clientId = ctx.request().getHeader("Client-Id");
        String apiKey = ctx.request().getHeader("Api-Key");
        if (clientId == null || clientId.isBlank() || apiKey == null || apiKey.isBlank()) {
            throw new OzonApiException(401, 16, "Client-Id and Api-Key headers are required");
        }
        if (!clientId.matches("[1-9]\\d{0,18}")) {
            throw new OzonApiException(400, 3, "Client-Id header value should be positive integer");
        }
        if (!apiKey.equals(apiKeys.get(clientId))) {
            throw new OzonApiException(404, 5, "Invalid Api-Key, please check the key and try again");
        }
        return clientId;
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return OzonJson.object();
        }
        try {
            JsonNode json = OzonJson.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw OzonApiException.invalidArgument("invalid request body: a JSON object is expected");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw OzonApiException.invalidArgument("invalid request body: " + e.getOriginalMessage());
        }
    }

    /** Breaks the first product price of the first posting in the answer (a list page or a get result). */
    private static void malform(ObjectNode response) {
        JsonNode posting = response.has("result") ? response.get("result") : response.path("postings").path(0);
        JsonNode product = posting.path("products").path(0);
        if (product instanceof ObjectNode p) {
            if (p.path("price").isObject()) {
                ((ObjectNode) p.get("price")).put("amount", MALFORMED_AMOUNT);
            } else {
                p.put("price", MALFORMED_AMOUNT);
            }
        }
    }

    private void record(RecordedExchange exchange) {
        if (!recording) {
            return;
        }
        synchronized (recorded) {
            recorded.add(exchange);
        }
    }

    private void send(RoutingContext ctx, int status, String body) {
        if (ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(fullAnswers.fill(ctx.request().method().name(), ctx.request().path(), status, body));
    }

    // ---- control endpoint ----------------------------------------------------------------------------------

    /**
     * {@code POST /__sandbox/faults} {"kind":"SERVER_ERROR","times":3,"path":"/v4/posting","status":503} arms a
     * fault for demos; {@code "times"} defaults to 1 ({@code -1} = until cleared); {@code "latencyMs"} sets the
     * delay of every answer. No auth, so only loopback callers may use it.
     */
    private void armFault(RoutingContext ctx) {
        if (!EmulatorServer.fromLoopback(ctx)) {
            send(ctx, 403, new OzonApiException(403, 7, "the sandbox control endpoint is loopback only").body().toString());
            return;
        }
        try {
            JsonNode body = parse(ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString());
            if (body.has("latencyMs")) {
                faults.latency(Duration.ofMillis(body.get("latencyMs").asLong()));
            }
            if (body.hasNonNull("kind")) {
                Faults.Kind kind = Faults.Kind.valueOf(body.get("kind").asText());
                int times = body.path("times").asInt(1);
                String path = body.hasNonNull("path") ? body.get("path").asText() : null;
                faults.armStatus(kind, body.path("status").asInt(0), times < 0 ? Faults.ALWAYS : times, path);
            }
            send(ctx, 200, body.toString());
        } catch (OzonApiException e) {
            send(ctx, e.status(), e.body().toString());
        } catch (IllegalArgumentException e) {
            send(ctx, 400, OzonApiException.invalidArgument("unknown fault kind; one of "
                    + java.util.Arrays.toString(Faults.Kind.values())).body().toString());
        }
    }

    private void clearFaults(RoutingContext ctx) {
        if (!EmulatorServer.fromLoopback(ctx)) {
            send(ctx, 403, new OzonApiException(403, 7, "the sandbox control endpoint is loopback only").body().toString());
            return;
        }
        faults.clear();
        ctx.response().setStatusCode(204).end();
    }

}
