package io.github.marketplace1c.sandbox.yandexmarket;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A loopback emulator of the Yandex Market Partner API's FBS order reads, {@code POST v1/businesses/{businessId}/orders},
 * faithful to the official OpenAPI spec: same path, parameters, answer shape, error bodies, the {@code Api-Key}
 * check, the method's hourly resource quota and parallel limit with Market's 420 and X-RateLimit-Resource-*
 * headers, and injectable faults; besides, the stock and price writes and the asynchronous finance reports
 * (generate, {@code reports/info}, the JSON file on loopback). The application runs it in sandbox mode; tests
 * validate everything it says against the spec.
 */
public final class YandexMarketEmulator implements AutoCloseable {

    /** The orders method's documented resource quota: 10 000 requests per hour per business. */
    public static final int DEFAULT_REQUESTS_PER_HOUR = 10_000;
    /** The orders method's {@code parallel-limit-value} (the global default of other methods is 4). */
    public static final int DEFAULT_PARALLEL_LIMIT = 6;
    /**
     * What MALFORMED_RECORD puts into the first item of the first order: {@code count} 0. Still spec-valid (an
     * integer without a minimum), but a line of no units, whose {@code prices} still carry a value, can't become a
     * document line (a unit price would divide by zero).
     */
    public static final int MALFORMED_ITEM_COUNT = 0;
    /** How far ahead of the clock a RATE_LIMITED fault puts {@code X-RateLimit-Resource-Until}. */
    public static final Duration RATE_LIMITED_FAULT_WAIT = Duration.ofSeconds(2);

    /** {@code PUT v2/campaigns/{campaignId}/offers/stocks}: 100 000 SKUs per minute per campaign (req.skus). */
    public static final int DEFAULT_STOCK_SKUS_PER_MINUTE = 100_000;
    /** {@code POST v2/businesses/{businessId}/offer-prices/updates}: 10 000 offers per minute (req.offers). */
    public static final int DEFAULT_PRICE_OFFERS_PER_MINUTE = 10_000;

    static final String ORDERS_PATH = "/v1/businesses/:businessId/orders";
    static final String STOCKS_PATH = "/v2/campaigns/:campaignId/offers/stocks";
    static final String PRICES_PATH = "/v2/businesses/:businessId/offer-prices/updates";
    static final String OFFER_MAPPINGS_PATH = "/v2/businesses/:businessId/offer-mappings";
    private static final String STOCKS_RESOURCE = "/v2/campaigns/{campaignId}/offers/stocks";
    private static final String PRICES_RESOURCE = "/v2/businesses/{businessId}/offer-prices/updates";
    private static final String ORDERS_RESOURCE = "/v1/businesses/{businessId}/orders";

    private final Vertx vertx;
    private final Clock clock;
    private final Faults faults = new Faults();
    private final YandexMarketOrders orders;
    private final OrdersEndpoint endpoint;
    private final YmLimits limits;
    private final YmItemQuota stockQuota;
    private final YmItemQuota priceQuota;
    private final YandexMarketStocks stocks = new YandexMarketStocks();
    private final YandexMarketPrices prices = new YandexMarketPrices();
    private final OfferEndpoints offerEndpoints;
    private final OfferMappings offerMappings = new OfferMappings();
    private final YandexMarketReports reports = new YandexMarketReports();
    private final ReportEndpoints reportEndpoints;
    private volatile boolean recording = true;
    /** Api-Key → the business (кабинет) it was issued in; a Market key opens one business. */
    private final Map<String, Long> businessByKey = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> campaignsByBusiness = new ConcurrentHashMap<>();
    private final List<RecordedExchange> recorded = new ArrayList<>();
    private HttpServer server;
    private String host;

    /** Full answers (every optional field of the spec filled): off unless {@code mp1c.sandbox.fullAnswers}. */
    private final SpecFullAnswers fullAnswers =
            SpecFullAnswers.of("yandex-market");

    public SpecFullAnswers fullAnswers() {
        return fullAnswers;
    }

    public YandexMarketEmulator(Vertx vertx, Clock clock, boolean seeded) {
        this.vertx = vertx;
        this.clock = clock;
        this.orders = new YandexMarketOrders(clock);
        this.endpoint = new OrdersEndpoint(orders, clock);
        this.limits = new YmLimits(clock, DEFAULT_REQUESTS_PER_HOUR, DEFAULT_PARALLEL_LIMIT);
        this.stockQuota = new YmItemQuota(clock, DEFAULT_STOCK_SKUS_PER_MINUTE);
        this.priceQuota = new YmItemQuota(clock, DEFAULT_PRICE_OFFERS_PER_MINUTE);
        this.offerEndpoints = new OfferEndpoints(stocks, prices, clock);
        this.reportEndpoints = new ReportEndpoints(reports, clock);
        SandboxData.YM_ACCOUNTS.forEach(a -> addAccount(a.businessId(), a.apiKey(), a.campaignId()));
        if (seeded) {
            YandexMarketSeed.loadInto(orders);
            YandexMarketReportSeed.loadInto(reports);
        }
    }

    /** Binds to exactly the given host (tests use 127.0.0.1); port 0 picks a free port. Blocks until listening. */
    public YandexMarketEmulator start(String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(512 * 1024)); // Market's request body limit
        router.post("/__sandbox/faults").handler(this::armFault);
        router.delete("/__sandbox/faults").handler(this::clearFaults);
        router.post(ORDERS_PATH).handler(this::orders);
        router.put(STOCKS_PATH).handler(ctx -> itemApi(ctx, true));
        router.post(PRICES_PATH).handler(ctx -> itemApi(ctx, false));
        router.post(OFFER_MAPPINGS_PATH).handler(this::offerMappings);
        router.post("/v2/reports/goods-realization/generate").handler(ctx -> reportApi(ctx,
                (business, query, body) -> reportEndpoints.generateRealization(business, campaigns(business),
                        query.get("format"), parse(body))));
        router.post("/v2/reports/united-marketplace-services/generate").handler(ctx -> reportApi(ctx,
                (business, query, body) -> reportEndpoints.generateServices(business, campaigns(business),
                        query.get("format"), parse(body))));
        router.get("/v2/reports/info/:reportId").handler(ctx -> reportApi(ctx,
                (business, query, body) -> reportEndpoints.info(business, ctx.pathParam("reportId"), baseUrl())));
        router.get(ReportEndpoints.FILES_PATH + ":file").handler(this::reportFile);
        router.route().handler(ctx -> send(ctx, 404, Map.of(), new YmApiException(404, "NOT_FOUND",
                "No such method: " + ctx.request().method().name() + " " + ctx.request().path()).body().toString()));
        server = EmulatorServer.listen(vertx, router, host, port, "Yandex Market");
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

    /** The orders method's resource quota, requests per hour per business; 0 turns it (and its headers) off. */
    public void requestsPerHour(int limit) {
        limits.perHour(limit);
    }

    /** Concurrent requests allowed per business before a 420; 0 turns the limit off. */
    public void parallelLimit(int limit) {
        limits.parallel(limit);
    }

    /** {@code offers/stocks} quota, SKUs per minute per campaign; 0 turns it (and its headers) off. */
    public void stockSkusPerMinute(int limit) {
        stockQuota.perMinute(limit);
    }

    /** {@code offer-prices/updates} quota, offers per minute per business; 0 turns it (and its headers) off. */
    public void priceOffersPerMinute(int limit) {
        priceQuota.perMinute(limit);
    }

    /** Turns every limit of this emulator off (benchmarks): the orders quota, parallel limit and item quotas. */
    public void rateLimitsOff() {
        requestsPerHour(0);
        parallelLimit(0);
        stockSkusPerMinute(0);
        priceOffersPerMinute(0);
    }

    /** Whether every exchange is kept for {@link #recorded()} (on by default; benchmarks may turn it off). */
    public void recording(boolean on) {
        this.recording = on;
    }

    public YandexMarketOrders orders() {
        return orders;
    }

    /** What {@code PUT v2/campaigns/{campaignId}/offers/stocks} accepted. */
    public YandexMarketStocks stocks() {
        return stocks;
    }

    /** What {@code POST v2/businesses/{businessId}/offer-prices/updates} accepted. */
    public YandexMarketPrices prices() {
        return prices;
    }

    /** The finance reports' data, generation jobs and downloads. */
    public YandexMarketReports reports() {
        return reports;
    }

    /** The minimum time between two generations of one report type per business (2 minutes); zero = off. */
    public void reportGenerationInterval(Duration interval) {
        reportEndpoints.generationInterval(interval);
    }

    /** Adds an offerId to the catalogue the stock and price writes accept (the YM_OFFERS are there already). */
    public void addOffer(String offerId) {
        offerEndpoints.addOffer(offerId);
    }

    /** Lets another cabinet in: its Api-Key opens exactly this business, whose stores are the given campaigns. */
    public void addAccount(long businessId, String apiKey, long... campaignIds) {
        businessByKey.put(apiKey, businessId);
        Set<Long> campaigns = ConcurrentHashMap.newKeySet();
        Arrays.stream(campaignIds).forEach(campaigns::add);
        campaignsByBusiness.merge(businessId, campaigns, (a, b) -> {
            a.addAll(b);
            return a;
        });
    }

    /** The campaigns (stores) registered for a business. */
    public Set<Long> campaigns(long businessId) {
        return Set.copyOf(campaignsByBusiness.getOrDefault(businessId, Set.of()));
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
                throw new IllegalStateException("Yandex Market emulator did not stop cleanly", e);
            } finally {
                server = null;
            }
        }
    }

    // ---- POST v1/businesses/{businessId}/orders ------------------------------------------------------------

    private void orders(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        String requestBody = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParams().forEach(p -> query.putIfAbsent(p.getKey(), p.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        long pathBusiness = businessId(ctx.pathParam("businessId"));

        Optional<Faults.Fault> fault = faults.take(method + " " + path);
        Faults.Kind kind = fault.map(Faults.Fault::kind).orElse(null);
        long business = -1;
        boolean entered = false;
        boolean used = false;
        int status;
        ObjectNode response;
        try {
            if (kind == Faults.Kind.SERVER_ERROR) {
                throw YmApiException.internal(fault.get().status() == 0 ? 500 : fault.get().status());
            }
            if (kind == Faults.Kind.RATE_LIMITED) {
                throw quotaExceeded(pathBusiness);
            }
            business = authenticate(ctx, pathBusiness);
            if (!limits.tryEnter(business)) {
                throw YmApiException.limited("Hit rate limit of " + limits.parallel()
                        + " parallel requests for businessId " + business);
            }
            entered = true;
            if (!limits.tryUse(business)) {
                throw quotaExceeded(business);
            }
            used = limits.perHour() > 0;
            response = endpoint.list(business, query.get("pageToken"), query.get("limit"), parse(requestBody));
            if (kind == Faults.Kind.MALFORMED_RECORD) {
                malform(response);
            }
            status = 200;
        } catch (YmApiException e) {
            status = e.status();
            response = e.body();
        } catch (RuntimeException e) {
            YmApiException internal = YmApiException.internal(500);
            status = internal.status();
            response = internal.body();
        }
        if (status >= 500 && used) {
            limits.giveBack(business);
        }

        Map<String, String> responseHeaders = rateLimitHeaders(business >= 0 ? business : pathBusiness,
                kind == Faults.Kind.RATE_LIMITED);
        long slot = entered ? business : -1;
        if (kind == Faults.Kind.LOSE_REPLY) {
            record(new RecordedExchange(method, path, query, headers, requestBody, 0, Map.of(), "", clock.instant()));
            release(slot);
            ctx.request().connection().close();
            return;
        }
        String responseBody = response.toString();
        record(new RecordedExchange(method, path, query, headers, requestBody, status, responseHeaders, responseBody,
                clock.instant()));
        int finalStatus = status;
        Duration latency = faults.latency();
        if (latency.isZero() || latency.isNegative()) {
            send(ctx, finalStatus, responseHeaders, responseBody);
            release(slot);
        } else {
            // the parallel-request slot stays taken while the answer is delayed: that is what a slow Market is
            vertx.setTimer(latency.toMillis(), id -> {
                send(ctx, finalStatus, responseHeaders, responseBody);
                release(slot);
            });
        }
    }

    // ---- POST v2/businesses/{businessId}/offer-mappings ------------------------------------------------------

    /** The catalog behind {@code offer-mappings}. */
    public OfferMappings offerMappings() {
        return offerMappings;
    }

    /** Faults, then {@code Api-Key} (it must open that business), then a page of the catalog (an empty body is {}). */
    private void offerMappings(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        String requestBody = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParams().forEach(p -> query.putIfAbsent(p.getKey(), p.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        Optional<Faults.Fault> fault = faults.take(method + " " + path);
        Faults.Kind kind = fault.map(Faults.Fault::kind).orElse(null);
        int status;
        ObjectNode response;
        try {
            if (kind == Faults.Kind.SERVER_ERROR) {
                throw YmApiException.internal(fault.get().status() == 0 ? 500 : fault.get().status());
            }
            long business = authenticate(ctx, businessId(ctx.pathParam("businessId")));
            String token = query.containsKey("page_token") ? query.get("page_token") : query.get("pageToken");
            response = offerMappings.list(token, query.get("limit"), requestBody.isBlank() ? YmJson.object()
                    : parse(requestBody));
            status = business > 0 ? 200 : 400;
        } catch (YmApiException e) {
            status = e.status();
            response = e.body();
        } catch (RuntimeException e) {
            YmApiException internal = YmApiException.internal(500);
            status = internal.status();
            response = internal.body();
        }
        if (kind == Faults.Kind.LOSE_REPLY) {
            record(new RecordedExchange(method, path, query, headers, requestBody, 0, Map.of(), "", clock.instant()));
            ctx.request().connection().close();
            return;
        }
        String responseBody = response.toString();
        record(new RecordedExchange(method, path, query, headers, requestBody, status, Map.of(), responseBody,
                clock.instant()));
        send(ctx, status, Map.of(), responseBody);
    }

    // ---- PUT v2/campaigns/{campaignId}/offers/stocks, POST v2/businesses/{businessId}/offer-prices/updates --

    /**
     * The two item-counted writes: faults, then {@code Api-Key} (it must own the campaign or business), then the
     * item quota (the request's skus/offers must fit in what is left this minute, else 420), then the operation.
     * X-RateLimit-Resource-* headers on every answer while the quota is on.
     */
    private void itemApi(RoutingContext ctx, boolean stocksCall) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        String requestBody = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParams().forEach(p -> query.putIfAbsent(p.getKey(), p.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        YmItemQuota quota = stocksCall ? stockQuota : priceQuota;
        String idParam = stocksCall ? "campaignId" : "businessId";
        String resource = stocksCall ? STOCKS_RESOURCE : PRICES_RESOURCE;
        long pathId = businessId(ctx.pathParam(idParam));

        Optional<Faults.Fault> fault = faults.take(method + " " + path);
        Faults.Kind kind = fault.map(Faults.Fault::kind).orElse(null);
        long key = -1;
        int used = 0;
        int status;
        ObjectNode response;
        try {
            if (kind == Faults.Kind.SERVER_ERROR) {
                throw YmApiException.internal(fault.get().status() == 0 ? 500 : fault.get().status());
            }
            if (kind == Faults.Kind.RATE_LIMITED) {
                throw itemQuotaExceeded(quota, resource, idParam, pathId);
            }
            key = stocksCall ? authenticateCampaign(ctx, pathId) : authenticate(ctx, pathId);
            JsonNode body = parse(requestBody);
            int items = OfferEndpoints.items(body, stocksCall ? "skus" : "offers");
            if (!quota.tryUse(key, items)) {
                throw itemQuotaExceeded(quota, resource, idParam, key);
            }
            used = quota.perMinute() > 0 ? items : 0;
            response = stocksCall ? offerEndpoints.stocks(key, body) : offerEndpoints.prices(key, body);
            status = 200;
        } catch (YmApiException e) {
            status = e.status();
            response = e.body();
        } catch (RuntimeException e) {
            YmApiException internal = YmApiException.internal(500);
            status = internal.status();
            response = internal.body();
        }
        if (status >= 500 && used > 0) {
            quota.giveBack(key, used);
        }
        Map<String, String> responseHeaders = itemQuotaHeaders(quota, key >= 0 ? key : pathId,
                kind == Faults.Kind.RATE_LIMITED);
        if (kind == Faults.Kind.LOSE_REPLY) {
            record(new RecordedExchange(method, path, query, headers, requestBody, 0, Map.of(), "", clock.instant()));
            ctx.request().connection().close();
            return;
        }
        String responseBody = response.toString();
        record(new RecordedExchange(method, path, query, headers, requestBody, status, responseHeaders, responseBody,
                clock.instant()));
        int finalStatus = status;
        Duration latency = faults.latency();
        if (latency.isZero() || latency.isNegative()) {
            send(ctx, finalStatus, responseHeaders, responseBody);
        } else {
            vertx.setTimer(latency.toMillis(), id -> send(ctx, finalStatus, responseHeaders, responseBody));
        }
    }

    // ---- reports: generate, info, the file ------------------------------------------------------------------

    interface ReportOperation {
        ObjectNode apply(long business, Map<String, String> query, String body);
    }

    /**
     * A report call: faults, then the {@code Api-Key} (it names the business), then the operation. A generation
     * refused for the limit is a 420 with X-RateLimit-Resource-Until = when the next one is allowed.
     */
    private void reportApi(RoutingContext ctx, ReportOperation operation) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        String requestBody = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParams().forEach(p -> query.putIfAbsent(p.getKey(), p.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        Optional<Faults.Fault> fault = faults.take(method + " " + path);
        Faults.Kind kind = fault.map(Faults.Fault::kind).orElse(null);
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        int status;
        ObjectNode response;
        try {
            if (kind == Faults.Kind.SERVER_ERROR) {
                throw YmApiException.internal(fault.get().status() == 0 ? 500 : fault.get().status());
            }
            if (kind == Faults.Kind.RATE_LIMITED) {
                responseHeaders.put("X-RateLimit-Resource-Until",
                        YmJson.rfc822(clock.instant().plus(RATE_LIMITED_FAULT_WAIT)));
                throw YmApiException.limited("Hit rate limit for resource " + path);
            }
            long business = businessOfKey(ctx);
            response = operation.apply(business, query, requestBody);
            status = 200;
        } catch (ReportEndpoints.GenerationLimited e) {
            status = e.error.status();
            response = e.error.body();
            responseHeaders.put("X-RateLimit-Resource-Until", YmJson.rfc822(e.until));
        } catch (YmApiException e) {
            status = e.status();
            response = e.body();
        } catch (RuntimeException e) {
            YmApiException internal = YmApiException.internal(500);
            status = internal.status();
            response = internal.body();
        }
        if (kind == Faults.Kind.LOSE_REPLY) {
            record(new RecordedExchange(method, path, query, headers, requestBody, 0, Map.of(), "", clock.instant()));
            ctx.request().connection().close();
            return;
        }
        String responseBody = response.toString();
        record(new RecordedExchange(method, path, query, headers, requestBody, status, responseHeaders, responseBody,
                clock.instant()));
        send(ctx, status, responseHeaders, responseBody);
    }

    private long businessOfKey(RoutingContext ctx) {
        String apiKey = ctx.request().getHeader("Api-Key");
        if (apiKey == null || apiKey.isBlank()) {
            throw YmApiException.unauthorized();
        }
        Long owner = businessByKey.get(apiKey);
        if (owner == null) {
            throw YmApiException.forbidden("Access denied: the Api-Key is not valid");
        }
        return owner;
    }

    /**
     * The report file behind a link from {@code reports/info}: no Api-Key (the link is the credential, like the
     * storage links Market hands out), 404 once the link is over 60 minutes old or unknown. Not an API method, so
     * not recorded for the contract checks; {@link YandexMarketReports#downloads()} counts them.
     */
    private void reportFile(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        String token = file.endsWith(".zip") || file.endsWith(".json") ? file.substring(0, file.lastIndexOf('.')) : file;
        Optional<byte[]> bytes = reports.download(token, clock.instant());
        if (bytes.isEmpty()) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("link expired or unknown");
            return;
        }
        boolean zip = bytes.get().length > 1 && bytes.get()[0] == 'P' && bytes.get()[1] == 'K';
        ctx.response().setStatusCode(200).putHeader("Content-Type", zip ? "application/zip" : "application/json")
                .end(io.vertx.core.buffer.Buffer.buffer(bytes.get()));
    }

    /** The key must belong to the business that owns the campaign: else 403 (unknown campaigns alike). */
    private long authenticateCampaign(RoutingContext ctx, long campaignId) {
        String apiKey = ctx.request().getHeader("Api-Key");
        if (apiKey == null || apiKey.isBlank()) {
            throw YmApiException.unauthorized();
        }
        Long owner = businessByKey.get(apiKey);
        if (owner == null) {
            throw YmApiException.forbidden("Access denied: the Api-Key is not valid");
        }
        if (campaignId < 1) {
            throw YmApiException.badRequest("Invalid campaignId: " + ctx.pathParam("campaignId"));
        }
        if (!campaignsByBusiness.getOrDefault(owner, Set.of()).contains(campaignId)) {
            throw YmApiException.forbidden("Access denied: the Api-Key has no access to campaignId " + campaignId);
        }
        return campaignId;
    }

    private static YmApiException itemQuotaExceeded(YmItemQuota quota, String resource, String idParam, long id) {
        return YmApiException.limited("Hit rate limit of " + quota.perMinute() + " items per 1 minute for resource "
                + resource + " for " + idParam + " " + id);
    }

    private Map<String, String> itemQuotaHeaders(YmItemQuota quota, long key, boolean faulted) {
        if (key < 1 || quota.perMinute() <= 0) {
            return Map.of();
        }
        YmLimits.Quota now = quota.quota(key);
        Instant until = faulted ? clock.instant().plus(RATE_LIMITED_FAULT_WAIT) : now.until();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Resource-Limit", Integer.toString(now.limit()));
        headers.put("X-RateLimit-Resource-Remaining", Integer.toString(faulted ? 0 : now.remaining()));
        headers.put("X-RateLimit-Resource-Until", YmJson.rfc822(until));
        return headers;
    }

    /**
     * Market's answers to bad credentials (its error-codes page): no {@code Api-Key} header → 401 (an OAuth
     * {@code Authorization: Bearer} token is not accepted by this emulator either); a key Market does not know →
     * 403; a key of another business → 403. A businessId that is not a positive integer → 400.
     */
    private long authenticate(RoutingContext ctx, long pathBusiness) {
        String apiKey = ctx.request().getHeader("Api-Key");
        if (apiKey == null || apiKey.isBlank()) {
            throw YmApiException.unauthorized();
        }
        Long owner = businessByKey.get(apiKey);
        if (owner == null) {
            throw YmApiException.forbidden("Access denied: the Api-Key is not valid");
        }
        if (pathBusiness < 1) {
            throw YmApiException.badRequest("Invalid businessId: " + ctx.pathParam("businessId"));
        }
        if (owner != pathBusiness) {
            throw YmApiException.forbidden("Access denied: the Api-Key has no access to businessId " + pathBusiness);
        }
        return pathBusiness;
    }

    private YmApiException quotaExceeded(long business) {
        return YmApiException.limited("Hit rate limit of " + limits.perHour() + " requests per 1 hour for resource "
                + ORDERS_RESOURCE + " for businessId " + business);
    }

    /**
     * X-RateLimit-Resource-Limit / -Remaining / -Until on every answer about a business (none while the quota is
     * off, or when the path names no business). A RATE_LIMITED fault says nothing is left until
     * {@link #RATE_LIMITED_FAULT_WAIT} from now.
     */
    private Map<String, String> rateLimitHeaders(long business, boolean faulted) {
        if (business < 1 || limits.perHour() <= 0) {
            return Map.of();
        }
        YmLimits.Quota quota = limits.quota(business);
        Instant until = faulted ? clock.instant().plus(RATE_LIMITED_FAULT_WAIT) : quota.until();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Resource-Limit", Integer.toString(quota.limit()));
        headers.put("X-RateLimit-Resource-Remaining", Integer.toString(faulted ? 0 : quota.remaining()));
        headers.put("X-RateLimit-Resource-Until", YmJson.rfc822(until));
        return headers;
    }

    private void release(long business) {
        if (business >= 0) {
            limits.leave(business);
        }
    }

    private static long businessId(String text) {
        try {
            return text != null && text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The spec marks the body required: an absent body is a 400, an empty filter is {@code {}}. */
    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            throw YmApiException.badRequest("Request body is missing: send a JSON object, {} for no filters");
        }
        try {
            JsonNode json = YmJson.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw YmApiException.badRequest("Request body must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw YmApiException.badRequest("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Sets {@link #MALFORMED_ITEM_COUNT} as the count of the first item of the answer's first order. */
    private static void malform(ObjectNode response) {
        if (response.path("orders").path(0).path("items").path(0) instanceof ObjectNode item) {
            item.put("count", MALFORMED_ITEM_COUNT);
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

    private void send(RoutingContext ctx, int status, Map<String, String> headers, String body) {
        if (ctx.response().closed() || ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status);
        if (status == 420) {
            ctx.response().setStatusMessage("Enhance Your Calm");
        }
        headers.forEach(ctx.response()::putHeader);
        ctx.response().putHeader("Content-Type", "application/json")
                .end(fullAnswers.fill(ctx.request().method().name(), ctx.request().path(), status, body));
    }

    // ---- control endpoint ----------------------------------------------------------------------------------

    /**
     * {@code POST /__sandbox/faults} {"kind":"SERVER_ERROR","times":3,"path":"/v1/businesses","status":503} arms a
     * fault for demos; {@code "times"} defaults to 1 ({@code -1} = until cleared); {@code "latencyMs"} sets the
     * delay of every answer. No auth, so only loopback callers may use it.
     */
    private void armFault(RoutingContext ctx) {
        if (!EmulatorServer.fromLoopback(ctx)) {
            send(ctx, 403, Map.of(), YmApiException.forbidden("the sandbox control endpoint is loopback only").body().toString());
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
            send(ctx, 200, Map.of(), body.toString());
        } catch (YmApiException e) {
            send(ctx, e.status(), Map.of(), e.body().toString());
        } catch (IllegalArgumentException e) {
            send(ctx, 400, Map.of(), YmApiException.badRequest("unknown fault kind; one of "
                    + Arrays.toString(Faults.Kind.values())).body().toString());
        }
    }

    private void clearFaults(RoutingContext ctx) {
        if (!EmulatorServer.fromLoopback(ctx)) {
            send(ctx, 403, Map.of(), YmApiException.forbidden("the sandbox control endpoint is loopback only").body().toString());
            return;
        }
        faults.clear();
        ctx.response().setStatusCode(204).end();
    }

}
