package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.Faults;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory emulator of a 1C:Enterprise infobase published with the standard OData interface
 * ({@code http://host:port/sandbox/odata/standard.odata/…}), for the sandbox and the tests. Its entity sets and
 * properties come from the configuration's metadata file (УНФ 3.0.8, УТ 11.5.18 or КА 2.5.12, shipped in the jar),
 * its objects from {@link OneCSeed} (the sandbox's shared {@link io.github.marketplace1c.sandbox.SandboxData}).
 * Stock and price registers are read through their virtual tables ({@code AccumulationRegister_X/Balance},
 * {@code InformationRegister_X/SliceLast}, see {@link RegisterTables}), seeded by {@link OneCStockSeed}.
 *
 * <p>It answers like a real base where the research notes know how a real base answers (201 + Location + whole object
 * on POST, 200 + whole object on PATCH, tabular sections replaced whole, LineNumber checks, Int64 as JSON strings,
 * {@code odata.error} codes). In {@code strict} mode it also rejects what a real base silently swallows (unknown
 * properties, composite values without {@code _Type}, unlisted enum values), so tests catch client mistakes a real
 * base would hide. Faults ({@link #faults()}) are applied per request by path.
 *
 * <p>Quirk kept on purpose: the {@code Location} header carries the entity-set name as raw UTF-8 bytes, as 1C does;
 * Java's HttpClient reads header bytes as ISO-8859-1, so a client that wants it must re-decode it
 * ({@code new String(value.getBytes(ISO_8859_1), UTF_8)}) — or, better, take Ref_Key from the body.
 */
public final class OneCEmulator implements AutoCloseable {

    public enum Configuration {
        UNF("unf-3.0.8-metadata.md"),
        UT("ut-11.5.18-metadata.md"),
        KA("ka-2.5.12-metadata.md");

        private final String metadataFile;

        Configuration(String metadataFile) {
            this.metadataFile = metadataFile;
        }

        /** The metadata file under {@code /sandbox/onec/} on the classpath. */
        public String metadataFile() {
            return metadataFile;
        }
    }

    public static final String PUBLICATION = "sandbox";
    public static final String DEFAULT_USER = "odata";
    public static final String DEFAULT_PASSWORD = "sandbox-1c-password";

    private static final String ODATA_PREFIX = "/" + PUBLICATION + "/odata/standard.odata";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final Configuration configuration;
    private final boolean strict;
    private final MetadataCatalog metadata;
    private final OneCStore store = new OneCStore();
    private final RegisterTables registers;
    private final OneCStockSeed stockSeed;
    private final Faults faults = new Faults();
    private final ODataService service;
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    private volatile String user = DEFAULT_USER;
    private volatile String password = DEFAULT_PASSWORD;
    private volatile HttpServer server;
    private volatile String baseUrl;

    public OneCEmulator(Vertx vertx, Configuration configuration, boolean strict) {
        this.vertx = vertx;
        this.configuration = configuration;
        this.strict = strict;
        this.metadata = MetadataCatalog.forConfiguration(configuration);
        EntityBinder binder = new EntityBinder(metadata, strict);
        this.registers = new RegisterTables(binder);
        this.service = new ODataService(metadata, store, binder, registers, () -> baseUrl + "/odata/standard.odata");
        new OneCSeed(configuration, metadata, store).seed();
        OneCBarcodeSeed.seed(metadata, registers);
        this.stockSeed = new OneCStockSeed(configuration, metadata, store, registers);
        stockSeed.seed();
    }

    /** Basic-auth credentials the base accepts (compared as UTF-8, like IIS/Apache publications expect). */
    public OneCEmulator credentials(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** Starts listening on that loopback host (port 0 = a free port) and returns once it listens. */
    public OneCEmulator start(String host, int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        requireLoopback(host);
        Router router = Router.router(vertx);
        router.route("/__sandbox/faults").handler(BodyHandler.create()).handler(this::faultControl);
        router.routeWithRegex("^" + ODATA_PREFIX.replace(".", "\\.") + "(/.*)?$")
                .handler(BodyHandler.create().setBodyLimit(32L * 1024 * 1024))
                .handler(this::odata);
        router.route().handler(ctx -> ctx.response().setStatusCode(404)
                .putHeader("Content-Type", "text/plain;charset=utf-8").end("Not Found"));
        HttpServer created = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(router);
        try {
            server = created.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("1C emulator could not listen on " + host + ":" + port, e);
        }
        String hostForUrl = host.contains(":") ? "[" + host + "]" : host;
        baseUrl = "http://" + hostForUrl + ":" + server.actualPort() + "/" + PUBLICATION;
        return this;
    }

    /** The publication root, e.g. "http://127.0.0.1:41234/sandbox"; clients append "/odata/standard.odata/…". */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("not started");
        }
        return baseUrl;
    }

    public Configuration configuration() {
        return configuration;
    }

    public boolean strict() {
        return strict;
    }

    public Faults faults() {
        return faults;
    }

    /** The metadata model the emulator serves (entity sets, properties, enum values). */
    public MetadataCatalog metadata() {
        return metadata;
    }

    /** Deep copies of the stored objects of an entity set ("Document_ЗаказКлиента"; a TS set gives its rows). */
    public List<ObjectNode> objects(String entitySet) {
        return store.list(requireSet(entitySet));
    }

    public Optional<ObjectNode> object(String entitySet, String ref) {
        return store.get(requireSet(entitySet), ref);
    }

    // ---- registers (stock and prices) -------------------------------------------------------------------------------

    /**
     * Adds {@code items} synthetic nomenclature items ({@code SandboxData.guid("bulk-item", "0")} …) with balances on
     * the first {@code warehouses} sandbox warehouses (never zero: {@link OneCStockSeed#bulkQuantity(int, int)}) and a
     * Розничная price ({@link OneCStockSeed#bulkRetailPrice(int)}): 100,000 × 2 gives 200,000 more Balance rows.
     * Idempotent for the same numbers. See {@link OneCStockSeed#seedBulk(int, int)}.
     */
    public OneCEmulator seedBulkStock(int items, int warehouses) {
        stockSeed.seedBulk(items, warehouses);
        return this;
    }

    /**
     * Sets the balance of one dimension combination of an accumulation register ("AccumulationRegister_ТоварыНаСкладах"),
     * replacing what was there. {@code fields} by OData name: dimensions ({@code Номенклатура_Key}, {@code Склад_Key},
     * composite {@code Склад} + {@code Склад_Type}) and resources without the Balance suffix ({@code ВНаличии});
     * fields left out are empty / zero. A balance whose resources are all zero disappears from Balance.
     */
    public OneCEmulator putBalance(String register, Map<String, ?> fields) {
        RegisterTables.RecordBuilder record = registers.table(requireRegister(register)).record();
        fields.forEach(record::set);
        record.putBalance();
        return this;
    }

    /**
     * Writes one record of an information register ("InformationRegister_ЦеныНоменклатуры"; "_RecordType" accepted):
     * {@code Period} ("2026-11-01T00:00:00") for a periodic one, dimensions, resources. A record with the same Period
     * and dimensions is replaced.
     */
    public OneCEmulator putRecord(String register, Map<String, ?> fields) {
        RegisterTables.RecordBuilder record = registers.table(requireRegister(register)).record();
        fields.forEach(record::set);
        record.putRecord();
        return this;
    }

    /**
     * УТ/КА: makes this base one on "Ценообразование 2.5": the seeded prices move from {@code ЦеныНоменклатуры} to
     * {@code ЦеныНоменклатуры25} ({@link OneCStockSeed#moveToPricing25()}). УНФ has no such register: it fails.
     */
    public OneCEmulator moveToPricing25() {
        stockSeed.moveToPricing25();
        return this;
    }

    /** Removes every balance or record of that register. */
    public OneCEmulator clearRegister(String register) {
        registers.table(requireRegister(register)).clear();
        return this;
    }

    /** How many dimension combinations the register holds (zero balances included). */
    public int registerSize(String register) {
        return registers.table(requireRegister(register)).size();
    }

    private Register requireRegister(String name) {
        String base = name.endsWith("_RecordType") ? name.substring(0, name.length() - "_RecordType".length()) : name;
        return metadata.register(base)
                .orElseThrow(() -> new IllegalArgumentException("no register " + name + " in " + configuration));
    }

    /** Every OData request answered so far: "POST /sandbox/odata/standard.odata/Document_ЗаказКлиента -> 201". */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    @Override
    public void close() {
        HttpServer running = server;
        server = null;
        if (running != null) {
            try {
                running.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing a sandbox server: nothing useful to do about a failure
            }
        }
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------------

    private void odata(RoutingContext ctx) {
        String path = decodePath(ctx.request().path());
        String method = ctx.request().method().name();
        if (!authorised(ctx.request().getHeader("Authorization"))) {
            log(method, path, "401");
            ctx.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Basic realm=\"1C:Enterprise\", charset=\"UTF-8\"")
                    .putHeader("Content-Type", "text/plain;charset=utf-8")
                    .end("401 Unauthorized");
            return;
        }
        Duration latency = faults.latency();
        if (latency.isZero() || latency.isNegative()) {
            serve(ctx, method, path);
        } else {
            vertx.setTimer(latency.toMillis(), id -> serve(ctx, method, path));
        }
    }

    private void serve(RoutingContext ctx, String method, String path) {
        boolean json = wantsJson(ctx);
        Optional<Faults.Fault> fault = faults.take(method + " " + path);
        if (fault.isPresent() && fault.get().kind() == Faults.Kind.SERVER_ERROR) {
            int status = fault.get().status() == 0 ? 500 : fault.get().status();
            sendError(ctx, method, path, json, new ODataException(status, "-1", ODataErrors.LOCK_CONFLICT_TEXT), Map.of());
            return;
        }
        if (fault.isPresent() && fault.get().kind() == Faults.Kind.RATE_LIMITED) {
            sendError(ctx, method, path, json, new ODataException(503, "-1",
                    "Сервис временно недоступен: превышено допустимое число одновременных сеансов"),
                    Map.of("Retry-After", "1"));
            return;
        }
        // MALFORMED_RECORD has no meaning for 1C: taken (so it does not linger) and ignored
        boolean loseReply = fault.isPresent() && fault.get().kind() == Faults.Kind.LOSE_REPLY;

        String resource = path.length() > ODATA_PREFIX.length() ? path.substring(ODATA_PREFIX.length() + 1) : "";
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        ODataService.Reply reply;
        try {
            reply = service.handle(method, resource, queryOptions(ctx), json, body);
        } catch (ODataException e) {
            if (loseReply) {
                drop(ctx, method, path, e.status());
                return;
            }
            sendError(ctx, method, path, json, e, Map.of());
            return;
        } catch (RuntimeException e) {
            sendError(ctx, method, path, json, ODataErrors.internal(ODataErrors.INTERNAL_ERROR_TEXT), Map.of());
            return;
        }
        if (loseReply) {
            drop(ctx, method, path, reply.status());
            return;
        }
        HttpServerResponse response = ctx.response().setStatusCode(reply.status());
        reply.headers().forEach((name, value) -> response.putHeader(name, rawUtf8(value)));
        log(method, path, Integer.toString(reply.status()));
        if (reply.body() == null) {
            response.end();
        } else {
            response.putHeader("Content-Type", reply.contentType());
            response.end(io.vertx.core.buffer.Buffer.buffer(reply.body()));
        }
    }

    /** The write is done; the answer never leaves: the client sees the connection closed without a response. */
    private void drop(RoutingContext ctx, String method, String path, int status) {
        log(method, path, status + " (reply lost)");
        ctx.request().connection().close();
    }

    private void sendError(RoutingContext ctx, String method, String path, boolean json, ODataException error,
                           Map<String, String> headers) {
        HttpServerResponse response = ctx.response().setStatusCode(error.status());
        headers.forEach(response::putHeader);
        log(method, path, Integer.toString(error.status()));
        if (json) {
            response.putHeader("Content-Type", ODataService.JSON)
                    .end(ODataErrors.json(error.code(), error.getMessage()).toString());
        } else {
            response.putHeader("Content-Type", "application/xml;charset=utf-8")
                    .end(ODataErrors.xml(error.code(), error.getMessage()));
        }
    }

    /** JSON when $format names it or Accept asks for it; a real base otherwise answers Atom XML. */
    private static boolean wantsJson(RoutingContext ctx) {
        String format = ctx.queryParams().get("$format");
        if (format != null) {
            return format.toLowerCase(Locale.ROOT).startsWith("json")
                    || format.toLowerCase(Locale.ROOT).startsWith("application/json");
        }
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    private static Map<String, String> queryOptions(RoutingContext ctx) {
        Map<String, String> options = new LinkedHashMap<>();
        ctx.queryParams().forEach(e -> options.putIfAbsent(e.getKey(), rawUtf8ToString(e.getValue())));
        return options;
    }

    private boolean authorised(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    private void log(String method, String path, String outcome) {
        requestLog.add(method + " " + path + " -> " + outcome);
    }

    // ---- fault control (demos) ------------------------------------------------------------------------------------

    /**
     * {@code POST /__sandbox/faults {"kind":"SERVER_ERROR","times":3,"path":"Document_","status":500,"latencyMs":0}}
     * arms a fault; {@code DELETE /__sandbox/faults} clears all. No auth: it is a loopback-only sandbox switch.
     */
    private void faultControl(RoutingContext ctx) {
        String method = ctx.request().method().name();
        try {
            if (method.equals("DELETE")) {
                faults.clear();
                ctx.response().setStatusCode(204).end();
                return;
            }
            if (!method.equals("POST")) {
                ctx.response().setStatusCode(405).end();
                return;
            }
            JsonNode request = MAPPER.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
            if (request == null || !request.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            if (request.has("latencyMs")) {
                faults.latency(Duration.ofMillis(request.get("latencyMs").asLong()));
            }
            if (request.has("kind")) {
                Faults.Kind kind = Faults.Kind.valueOf(request.get("kind").asText());
                int times = request.has("times") ? request.get("times").asInt() : Faults.ALWAYS;
                String pathContains = request.hasNonNull("path") ? request.get("path").asText() : null;
                faults.armStatus(kind, request.path("status").asInt(0), times, pathContains);
            }
            ctx.response().setStatusCode(204).end();
        } catch (Exception e) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain;charset=utf-8")
                    .end("bad fault request: " + e.getMessage());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private EntitySet requireSet(String entitySet) {
        return metadata.entitySet(entitySet)
                .orElseThrow(() -> new IllegalArgumentException("no entity set " + entitySet + " in " + configuration));
    }

    /** Percent-decoding of a path: UTF-8, and '+' stays a '+' (it means a space only in query strings). */
    static String decodePath(String rawPath) {
        return URLDecoder.decode(rawUtf8ToString(rawPath).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Netty reads the request line as ISO-8859-1, so a client that sends Cyrillic unencoded (raw UTF-8 bytes) arrives
     * as mojibake; IIS/Apache in front of 1C take such URLs as UTF-8, so the emulator re-decodes them when they are
     * valid UTF-8. Percent-encoded text (the correct form) is untouched by this.
     */
    static String rawUtf8ToString(String text) {
        boolean high = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return text;
        }
    }

    /** Netty writes header chars as single bytes: chars holding UTF-8 bytes put raw UTF-8 on the wire, as 1C does. */
    private static String rawUtf8(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static void requireLoopback(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("the 1C emulator binds to loopback only, not " + host);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }
}
