package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SpecFullAnswers;
import io.github.marketplace1c.sandbox.EmulatorServer;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.vertx.core.MultiMap;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback emulator of the Wildberries seller API, faithful to the official specs: same paths, request checks,
 * response shapes, WB's error bodies, the per-account token buckets with their headers, and injectable faults.
 * <ul>
 * <li>{@code marketplace-api.wildberries.ru} (03-orders-fbs.yaml): the FBS assembly-order reads
 * {@code GET /api/v3/orders/new}, {@code GET /api/v3/orders}, {@code POST /api/v3/orders/status};</li>
 * <li>{@code marketplace-api.wildberries.ru} (02-items.yaml): {@code PUT /api/v3/stocks/{warehouseId}}, sharing
 * the orders' Marketplace bucket (300 a minute, burst 20, a 4xx costs 10);</li>
 * <li>{@code discounts-prices-api.wildberries.ru} (02-items.yaml): {@code POST /api/v2/upload/task},
 * {@code GET /api/v2/history/tasks}, {@code GET /api/v2/history/goods/task}, {@code GET /api/v2/buffer/tasks},
 * with the Prices and Discounts bucket (10 per 6 s, burst 5).</li>
 * </ul>
 * WB has one host per API family; the paths do not collide, so one server serves both and routes by path only
 * (the Host header is ignored): point both base URLs at {@link #baseUrl()}.
 * The application runs it in sandbox mode; tests validate everything it says against the specs.
 */
public final class WildberriesEmulator implements AutoCloseable {

    /** The FBS group's limit ({@code x-wb-rate-limits}): 300 requests a minute (one per 200 ms), burst 20. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 300;
    public static final int DEFAULT_BURST = 20;
    /** The Prices and Discounts category's limit: 10 requests per 6 s (one per 600 ms, 100 a minute), burst 5. */
    public static final int DEFAULT_PRICES_REQUESTS_PER_MINUTE = 100;
    public static final int DEFAULT_PRICES_BURST = 5;
    /** The Content category's limit for the cards list: 100 requests a minute (one per 600 ms), burst 5. */
    public static final int DEFAULT_CONTENT_REQUESTS_PER_MINUTE = 100;
    public static final int DEFAULT_CONTENT_BURST = 5;
    /** What a 4xx answer costs in the Marketplace category, in requests. */
    public static final int FOUR_XX_COST = 10;
    /** The {@code X-Ratelimit-Retry} of a RATE_LIMITED fault armed without a status of its own. */
    public static final int DEFAULT_FAULT_RETRY_SECONDS = 2;
    /**
     * What MALFORMED_RECORD puts into the first order's {@code price} (kopecks): still an integer, so it validates,
     * but a negative price no sale can have. The order is otherwise intact.
     */
    public static final long MALFORMED_PRICE = -100L;

    static final String NEW = "/api/v3/orders/new";
    static final String LIST = "/api/v3/orders";
    static final String STATUS = "/api/v3/orders/status";
    static final String STOCKS = "/api/v3/stocks/:warehouseId";
    static final String UPLOAD_TASK = "/api/v2/upload/task";
    static final String HISTORY_TASKS = "/api/v2/history/tasks";
    static final String HISTORY_GOODS = "/api/v2/history/goods/task";
    static final String BUFFER_TASKS = "/api/v2/buffer/tasks";
    static final String CARDS_LIST = "/content/v2/get/cards/list";
    static final String PROBLEM_JSON = "application/problem+json";
    /** The rate-limit bucket shared by requests whose token is missing or unknown. */
    private static final String ANONYMOUS = "";

    /** One operation: token (authenticated), query parameters, raw body → the 200 body. */
    @FunctionalInterface
    interface Operation {
        ObjectNode apply(String token, MultiMap query, String body);
    }

    /** One operation that chooses its own success status; {@code body} null for an answer without one (204). */
    @FunctionalInterface
    interface Endpoint {
        Answer apply(String token, MultiMap query, String body);
    }

    /** Writes a large JSON body as it is generated (finance report rows). */
    @FunctionalInterface
    interface Streamer {
        void write(java.io.OutputStream out) throws java.io.IOException;
    }

    /**
     * A status and its JSON body (an object, or an array for the stocks 409); null body = none. A streamed answer
     * has no tree: {@code stream} writes it, and {@code rows} says how large it is.
     */
    record Answer(int status, JsonNode body, Streamer stream, int rows) {
        Answer(int status, JsonNode body) {
            this(status, body, null, 0);
        }

        static Answer streamed(int status, int rows, Streamer stream) {
            return new Answer(status, null, stream, rows);
        }
    }

    /** Streamed answers up to this many rows are also kept whole in {@link #recorded()} for contract tests. */
    static final int RECORDED_ROWS = 5_000;
    /** WB's finance-api limit: 1 request a minute, burst 1, per seller account. */
    public static final int DEFAULT_FINANCE_REQUESTS_PER_MINUTE = 1;
    public static final int DEFAULT_FINANCE_BURST = 1;

    /**
     * Which bucket an operation draws on, what a 4xx costs there, and the content type of the gateway's problem
     * body (what the operation's spec declares for 401/429).
     */
    private record Category(WildberriesRateLimiter limiter, int fourXxCost, String problemContentType,
                            int defaultPerMinute, int defaultBurst) {
    }

    private final Vertx vertx;
    private final Clock clock;
    private final Faults faults = new Faults();
    private final WildberriesOrders orders;
    private final OrderEndpoints endpoints;
    private final WildberriesRateLimiter rateLimiter;
    private final WildberriesRateLimiter pricesRateLimiter;
    private final WildberriesStocks stocks = new WildberriesStocks();
    private final StockEndpoints stockEndpoints;
    private final WildberriesPrices prices = new WildberriesPrices();
    private final PriceEndpoints priceEndpoints;
    private final Category orderCategory;
    private final Category stockCategory;
    private final Category priceCategory;
    private final WildberriesRateLimiter contentRateLimiter;
    private final WildberriesCards cards = new WildberriesCards();
    private final CardEndpoints cardEndpoints = new CardEndpoints(cards);
    private final WildberriesFinance finance = new WildberriesFinance();
    private final FinanceEndpoints financeEndpoints = new FinanceEndpoints(finance);
    private final WildberriesRateLimiter financeRateLimiter;
    private final Category financeCategory;
    private final Category contentCategory;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<RecordedExchange> recorded = new ArrayList<>();
    private final AtomicLong requestIds = new AtomicLong();
    private HttpServer server;
    private String host;

    /** Full answers (every optional field of the spec filled): off unless {@code mp1c.sandbox.fullAnswers}. */
    private final SpecFullAnswers fullAnswers =
            SpecFullAnswers.of("wildberries");

    public SpecFullAnswers fullAnswers() {
        return fullAnswers;
    }

    public WildberriesEmulator(Vertx vertx, Clock clock, boolean seeded) {
        this.vertx = vertx;
        this.clock = clock;
        this.orders = new WildberriesOrders(clock);
        this.endpoints = new OrderEndpoints(orders, clock);
        this.rateLimiter = new WildberriesRateLimiter(clock, DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_BURST);
        this.pricesRateLimiter = new WildberriesRateLimiter(clock, DEFAULT_PRICES_REQUESTS_PER_MINUTE,
                DEFAULT_PRICES_BURST);
        this.stockEndpoints = new StockEndpoints(stocks, clock);
        this.priceEndpoints = new PriceEndpoints(prices, clock);
        this.orderCategory = new Category(rateLimiter, FOUR_XX_COST, "application/json",
                DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_BURST);
        this.stockCategory = new Category(rateLimiter, FOUR_XX_COST, PROBLEM_JSON,
                DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_BURST);
        this.priceCategory = new Category(pricesRateLimiter, 1, PROBLEM_JSON,
                DEFAULT_PRICES_REQUESTS_PER_MINUTE, DEFAULT_PRICES_BURST);
        this.financeRateLimiter = new WildberriesRateLimiter(clock, DEFAULT_FINANCE_REQUESTS_PER_MINUTE,
                DEFAULT_FINANCE_BURST);
        this.financeCategory = new Category(financeRateLimiter, 1, PROBLEM_JSON, DEFAULT_FINANCE_REQUESTS_PER_MINUTE,
                DEFAULT_FINANCE_BURST);
        this.contentRateLimiter = new WildberriesRateLimiter(clock, DEFAULT_CONTENT_REQUESTS_PER_MINUTE,
                DEFAULT_CONTENT_BURST);
        this.contentCategory = new Category(contentRateLimiter, 1, PROBLEM_JSON, DEFAULT_CONTENT_REQUESTS_PER_MINUTE,
                DEFAULT_CONTENT_BURST);
        SandboxData.WB_ACCOUNTS.forEach(a -> tokens.add(a.token()));
        if (seeded) {
            WildberriesSeed.loadInto(orders);
            WildberriesFinanceSeed.loadInto(finance);
        }
    }

    /** Binds to exactly the given host (tests use 127.0.0.1); port 0 picks a free port. Blocks until listening. */
    public WildberriesEmulator start(String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        router.post("/__sandbox/faults").handler(this::armFault);
        router.delete("/__sandbox/faults").handler(this::clearFaults);
        router.post("/__sandbox/rate-limits").handler(this::switchRateLimits);
        router.get(NEW).handler(ctx -> api(ctx, orderCategory, ok(endpoints::newOrders)));
        router.get(LIST).handler(ctx -> api(ctx, orderCategory, ok(endpoints::list)));
        router.post(STATUS).handler(ctx -> api(ctx, orderCategory, ok(endpoints::statuses)));
        router.put(STOCKS).handler(ctx -> api(ctx, stockCategory,
                (token, query, body) -> stockEndpoints.update(token, ctx.pathParam("warehouseId"), body)));
        router.post(UPLOAD_TASK).handler(ctx -> api(ctx, priceCategory, priceEndpoints::upload));
        router.get(HISTORY_TASKS).handler(ctx -> api(ctx, priceCategory, priceEndpoints::historyTask));
        router.get(HISTORY_GOODS).handler(ctx -> api(ctx, priceCategory, priceEndpoints::historyGoods));
        router.get(BUFFER_TASKS).handler(ctx -> api(ctx, priceCategory, priceEndpoints::bufferTask));
        router.post(CARDS_LIST).handler(ctx -> api(ctx, contentCategory, ok(cardEndpoints::list)));
        router.post(FinanceEndpoints.LIST).handler(ctx -> api(ctx, financeCategory, financeEndpoints::list));
        router.post(FinanceEndpoints.DETAILED).handler(ctx -> api(ctx, financeCategory,
                (token, query, body) -> financeEndpoints.detailed(token, ctx.pathParam("reportId"), body)));
        router.route().handler(ctx -> api(ctx, orderCategory, (token, query, body) -> {
            throw WildberriesApiException.pathNotFound();
        }));
        server = EmulatorServer.listen(vertx, router, host, port, "Wildberries");
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

    /**
     * The Marketplace category's token bucket per account (orders and stocks): requests per minute and burst;
     * {@code 0, 0} turns it off. Resets all its buckets.
     */
    public void rateLimit(int requestsPerMinute, int burst) {
        rateLimiter.configure(requestsPerMinute, burst);
    }

    /** The Prices and Discounts category's bucket per account, likewise ({@code 0, 0} turns it off). */
    public void pricesRateLimit(int requestsPerMinute, int burst) {
        pricesRateLimiter.configure(requestsPerMinute, burst);
    }

    /**
     * Every rate limit off (for benchmarks) or back to WB's defaults. No {@code X-Ratelimit-*} headers while off.
     * Also {@code POST /__sandbox/rate-limits {"enabled":false}} from loopback.
     */
    public void rateLimits(boolean enabled) {
        rateLimiter.configure(enabled ? DEFAULT_REQUESTS_PER_MINUTE : 0, enabled ? DEFAULT_BURST : 0);
        pricesRateLimiter.configure(enabled ? DEFAULT_PRICES_REQUESTS_PER_MINUTE : 0,
                enabled ? DEFAULT_PRICES_BURST : 0);
        financeRateLimiter.configure(enabled ? DEFAULT_FINANCE_REQUESTS_PER_MINUTE : 0,
                enabled ? DEFAULT_FINANCE_BURST : 0);
        contentRateLimiter.configure(enabled ? DEFAULT_CONTENT_REQUESTS_PER_MINUTE : 0,
                enabled ? DEFAULT_CONTENT_BURST : 0);
    }

    /** The product cards behind {@code /content/v2/get/cards/list}. */
    public WildberriesCards cards() {
        return cards;
    }

    public WildberriesOrders orders() {
        return orders;
    }

    /** The realization reports (finance-api) of each account. */
    public WildberriesFinance finance() {
        return finance;
    }

    /**
     * The finance category's bucket per account (WB: 1 a minute, burst 1); {@code 0, 0} turns it off. The sandbox
     * loosens it so that a demo of a month of reports does not take half an hour.
     */
    public void financeRateLimit(int requestsPerMinute, int burst) {
        financeRateLimiter.configure(requestsPerMinute, burst);
    }

    /** The stocks the seller has set, per warehouse and size. */
    public WildberriesStocks stocks() {
        return stocks;
    }

    /** Prices, discounts and upload tasks. */
    public WildberriesPrices prices() {
        return prices;
    }

    /** Lets another seller account in (tests use it for accounts beyond the sandbox's two). */
    public void addAccount(String token) {
        tokens.add(token);
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
                throw new IllegalStateException("Wildberries emulator did not stop cleanly", e);
            } finally {
                server = null;
            }
        }
    }

    // ---- API requests --------------------------------------------------------------------------------------

    /**
     * One request through WB's layers in their order: faults that stand for the gateway failing (SERVER_ERROR,
     * RATE_LIMITED) answer before anything else; then the token bucket (429, nothing charged); then the token
     * (401); then the operation. A 4xx answer is charged the rest of its cost of 10. Every answer but a 429
     * carries {@code X-Ratelimit-Remaining} (when the limit is on).
     */
    private static Endpoint ok(Operation operation) {
        return (token, query, body) -> new Answer(200, operation.apply(token, query, body));
    }

    private void api(RoutingContext ctx, Category category, Endpoint operation) {
        WildberriesRateLimiter rateLimiter = category.limiter();
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        String query = ctx.request().query() == null ? "" : ctx.request().query();
        String requestBody = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        String requestId = String.format("%032x", requestIds.incrementAndGet() * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);

        Optional<Faults.Fault> fault = faults.take(method + " " + path);
        Faults.Kind kind = fault.map(Faults.Fault::kind).orElse(null);
        String token = presentedToken(ctx);
        String bucket = token != null && tokens.contains(token) ? token : ANONYMOUS;
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        int status;
        JsonNode response;
        Answer streamed = null;
        boolean problem = false;
        try {
            if (kind == Faults.Kind.SERVER_ERROR) {
                throw WildberriesApiException.internal(fault.get().status() == 0 ? 500 : fault.get().status());
            }
            if (kind == Faults.Kind.RATE_LIMITED) {
                int retry = fault.get().status() == 0 ? DEFAULT_FAULT_RETRY_SECONDS : fault.get().status();
                // as if the bucket were empty: the fault stands for other clients of the same account using it up
                boolean on = rateLimiter.enabled();
                long limit = on ? rateLimiter.limit() : category.defaultBurst();
                long reset = on ? rateLimiter.fullRefillSeconds()
                        : (category.defaultBurst() * 60L + category.defaultPerMinute() - 1) / category.defaultPerMinute();
                rateLimitHeaders(answerHeaders, retry, limit, Math.max(retry, reset));
                throw tooManyRequests(bucket);
            }
            WildberriesRateLimiter.Decision decision = rateLimiter.acquire(bucket);
            if (!decision.allowed()) {
                rateLimitHeaders(answerHeaders, decision.retrySeconds(), decision.limit(), decision.resetSeconds());
                throw tooManyRequests(bucket);
            }
            authenticate(token);
            Answer answer = operation.apply(token, ctx.queryParams(), requestBody);
            response = answer.body();
            streamed = answer.stream() == null ? null : answer;
            if (kind == Faults.Kind.MALFORMED_RECORD && response instanceof ObjectNode object) {
                malform(object);
            }
            status = answer.status();
        } catch (WildberriesApiException e) {
            status = e.status();
            response = e.body(requestId, clock.instant());
            problem = e.shape() == WildberriesApiException.Shape.GATEWAY
                    || e.shape() == WildberriesApiException.Shape.FINANCE;
        } catch (RuntimeException e) {
            WildberriesApiException internal = WildberriesApiException.internal(500);
            status = internal.status();
            response = internal.body(requestId, clock.instant());
            problem = true;
        }
        if (status >= 400 && status < 500 && status != 429 && category.fourXxCost() > 1) {
            rateLimiter.charge(bucket, category.fourXxCost() - 1);
        }
        if (status != 429 && rateLimiter.enabled()) {
            answerHeaders.put("X-Ratelimit-Remaining", Long.toString(rateLimiter.remaining(bucket)));
        }
        if (response != null || streamed != null) {
            answerHeaders.put("Content-Type", problem ? category.problemContentType() : "application/json");
        }
        if (streamed != null && kind != Faults.Kind.LOSE_REPLY && streamed.rows() > RECORDED_ROWS) {
            record(new RecordedExchange(method, path, query, headers, requestBody, status, Map.copyOf(answerHeaders),
                    "", clock.instant()));
            stream(ctx, status, answerHeaders, streamed.stream());
            return;
        }

        if (kind == Faults.Kind.LOSE_REPLY) {
            record(new RecordedExchange(method, path, query, headers, requestBody, 0, Map.of(), "", clock.instant()));
            ctx.request().connection().close();
            return;
        }
        String responseBody = streamed != null ? render(streamed.stream())
                : response == null ? "" : response.toString();
        record(new RecordedExchange(method, path, query, headers, requestBody, status, Map.copyOf(answerHeaders),
                responseBody, clock.instant()));
        int finalStatus = status;
        Duration latency = faults.latency();
        if (latency.isZero() || latency.isNegative()) {
            send(ctx, finalStatus, answerHeaders, responseBody);
        } else {
            vertx.setTimer(latency.toMillis(), id -> send(ctx, finalStatus, answerHeaders, responseBody));
        }
    }

    /** {@code Authorization: <token>}, or with a {@code Bearer } prefix as some clients send it; null when absent. */
    private static String presentedToken(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).trim();
        }
        return value.isEmpty() ? null : value;
    }

    /** WB's gateway answers both a missing and a bad token with 401 and the problem body; the detail differs. */
    private void authenticate(String token) {
        if (token == null) {
            throw WildberriesApiException.unauthorized("empty Authorization header");
        }
        if (!tokens.contains(token)) {
            throw WildberriesApiException.unauthorized("token problem; token is not valid: unknown to this sandbox");
        }
    }

    /** The limiter's id in {@code detail} names the bucket, never the token. */
    private static WildberriesApiException tooManyRequests(String bucket) {
        return WildberriesApiException.tooManyRequests("limited by " + SandboxData.guid("wb-rate-limit", bucket));
    }

    private static void rateLimitHeaders(Map<String, String> headers, long retry, long limit, long reset) {
        headers.put("X-Ratelimit-Retry", Long.toString(retry));
        headers.put("X-Ratelimit-Limit", Long.toString(limit));
        headers.put("X-Ratelimit-Reset", Long.toString(reset));
    }

    /** Breaks the price of the first order of an order list (both list shapes); other answers stay as they are. */
    private static void malform(ObjectNode response) {
        JsonNode list = response.get("orders");
        if (list instanceof ArrayNode orders && orders.size() > 0 && orders.get(0).has("price")) {
            ((ObjectNode) orders.get(0)).put("price", MALFORMED_PRICE);
        }
    }

    private static String render(Streamer streamer) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            streamer.write(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Sends a large body chunked as it is generated, off the event loop, waiting while the connection's write queue
     * is full: the emulator holds a few buffers, not the page.
     */
    private void stream(RoutingContext ctx, int status, Map<String, String> headers, Streamer streamer) {
        var response = ctx.response();
        response.setStatusCode(status).setChunked(true);
        headers.forEach(response::putHeader);
        vertx.executeBlocking(() -> {
            try (java.io.OutputStream out = new java.io.OutputStream() {
                private final byte[] buffer = new byte[64 * 1024];
                private int used;

                @Override
                public void write(int b) throws java.io.IOException {
                    if (used == buffer.length) {
                        flush();
                    }
                    buffer[used++] = (byte) b;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                    while (length > 0) {
                        if (used == buffer.length) {
                            flush();
                        }
                        int n = Math.min(length, buffer.length - used);
                        System.arraycopy(bytes, offset, buffer, used, n);
                        used += n;
                        offset += n;
                        length -= n;
                    }
                }

                @Override
                public void flush() throws java.io.IOException {
                    if (used == 0) {
                        return;
                    }
                    while (response.writeQueueFull()) {
                        if (response.closed()) {
                            throw new java.io.IOException("client went away");
                        }
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.io.IOException("interrupted");
                        }
                    }
                    response.write(io.vertx.core.buffer.Buffer.buffer(java.util.Arrays.copyOf(buffer, used)));
                    used = 0;
                }

                @Override
                public void close() throws java.io.IOException {
                    flush();
                }
            }) {
                streamer.write(out);
            }
            response.end();
            return null;
        }, false).onFailure(e -> {
            if (!response.closed()) {
                response.reset();
            }
        });
    }

    private void record(RecordedExchange exchange) {
        synchronized (recorded) {
            recorded.add(exchange);
        }
    }

    private void send(RoutingContext ctx, int status, Map<String, String> headers, String body) {
        if (ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status);
        headers.forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().end(fullAnswers.fill(ctx.request().method().name(), ctx.request().path(), status, body));
    }

    // ---- control endpoint ----------------------------------------------------------------------------------

    /**
     * {@code POST /__sandbox/faults} {"kind":"SERVER_ERROR","times":3,"path":"/api/v3/orders","status":503} arms a
     * fault for demos; {@code "times"} defaults to 1 ({@code -1} = until cleared); {@code "latencyMs"} sets the
     * delay of every answer; for RATE_LIMITED, {@code "status"} (or {@code "retrySeconds"}) is the
     * {@code X-Ratelimit-Retry} to send. No auth, so only loopback callers may use it.
     */
    private void armFault(RoutingContext ctx) {
        if (!EmulatorServer.fromLoopback(ctx)) {
            sendError(ctx, WildberriesApiException.accessDenied("the sandbox control endpoint is loopback only"));
            return;
        }
        try {
            String text = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
            JsonNode body = text.isBlank() ? WildberriesJson.object() : WildberriesJson.MAPPER.readTree(text);
            if (body == null || !body.isObject()) {
                throw WildberriesApiException.incorrectRequestBody("a JSON object is expected");
            }
            if (body.has("latencyMs")) {
                faults.latency(Duration.ofMillis(body.get("latencyMs").asLong()));
            }
            if (body.hasNonNull("kind")) {
                Faults.Kind kind = Faults.Kind.valueOf(body.get("kind").asText());
                int times = body.path("times").asInt(1);
                String path = body.hasNonNull("path") ? body.get("path").asText() : null;
                int status = body.path("status").asInt(body.path("retrySeconds").asInt(0));
                faults.armStatus(kind, status, times < 0 ? Faults.ALWAYS : times, path);
            }
            send(ctx, 200, Map.of("Content-Type", "application/json"), body.toString());
        } catch (WildberriesApiException e) {
            sendError(ctx, e);
        } catch (IllegalArgumentException e) {
            sendError(ctx, WildberriesApiException.incorrectParameter("unknown fault kind; one of "
                    + java.util.Arrays.toString(Faults.Kind.values())));
        } catch (java.io.IOException e) {
            sendError(ctx, WildberriesApiException.incorrectRequestBody("not JSON"));
        }
    }

    /** {@code POST /__sandbox/rate-limits {"enabled":false}} turns every bucket off; {@code true} restores WB's. */
    private void switchRateLimits(RoutingContext ctx) {
        if (!EmulatorServer.fromLoopback(ctx)) {
            sendError(ctx, WildberriesApiException.accessDenied("the sandbox control endpoint is loopback only"));
            return;
        }
        try {
            String text = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
            JsonNode body = text.isBlank() ? null : WildberriesJson.MAPPER.readTree(text);
            if (body == null || !body.path("enabled").isBoolean()) {
                throw WildberriesApiException.incorrectRequestBody("expected {\"enabled\":true|false}");
            }
            rateLimits(body.get("enabled").asBoolean());
            send(ctx, 200, Map.of("Content-Type", "application/json"), body.toString());
        } catch (WildberriesApiException e) {
            sendError(ctx, e);
        } catch (java.io.IOException e) {
            sendError(ctx, WildberriesApiException.incorrectRequestBody("not JSON"));
        }
    }

    private void clearFaults(RoutingContext ctx) {
        if (!EmulatorServer.fromLoopback(ctx)) {
            sendError(ctx, WildberriesApiException.accessDenied("the sandbox control endpoint is loopback only"));
            return;
        }
        faults.clear();
        ctx.response().setStatusCode(204).end();
    }

    private void sendError(RoutingContext ctx, WildberriesApiException e) {
        String requestId = String.format("%032x", requestIds.incrementAndGet());
        send(ctx, e.status(), Map.of("Content-Type", "application/json"), e.body(requestId, clock.instant()).toString());
    }

}
