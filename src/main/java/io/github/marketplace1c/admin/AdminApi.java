package io.github.marketplace1c.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.app.FlowRunner;
import io.github.marketplace1c.deadletter.DeadLetter;
import io.github.marketplace1c.deadletter.DeadLetterFilter;
import io.github.marketplace1c.deadletter.DeadLetterReplayer;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.inventory.Previews;
import io.github.marketplace1c.inventory.StockLine;
import io.github.marketplace1c.mapping.MappingCsv;
import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's operations (routes/shared/admin-api.camel.yaml maps paths to these methods). Answers are JSON
 * (CSV for exports); a bad request gets 400 with a message saying what is wrong, an unknown id 404.
 */
public class AdminApi {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    static final int MAX_LIMIT = 100_000;

    private final ObjectMapper json;
    private final DeadLetters deadLetters;
    private final DeadLetterReplayer replayer;
    private final Map<String, MappingTable> tables;
    private final Map<String, MappingCsv> csv;
    private final Journal journal;
    private final FlowRunner flows;
    private final DataSource dataSource;
    private final Previews previews;
    private final io.github.marketplace1c.inventory.InventoryTables inventory;
    private final io.github.marketplace1c.account.AccountRegistry accounts;

    public AdminApi(ObjectMapper json, DeadLetters deadLetters, DeadLetterReplayer replayer, MappingTable products,
                    MappingTable warehouses, MappingCsv productsCsv, MappingCsv warehousesCsv, Journal journal,
                    FlowRunner flows, DataSource dataSource, Previews previews,
                    io.github.marketplace1c.inventory.InventoryTables inventory,
                    io.github.marketplace1c.account.AccountRegistry accounts) {
        this.previews = previews;
        this.inventory = inventory;
        this.accounts = accounts;
        this.json = json;
        this.deadLetters = deadLetters;
        this.replayer = replayer;
        this.tables = new java.util.concurrent.ConcurrentHashMap<>(Map.of("products", products, "warehouses", warehouses));
        this.csv = new java.util.concurrent.ConcurrentHashMap<>(Map.of("products", productsCsv, "warehouses", warehousesCsv));
        this.journal = journal;
        this.flows = flows;
        this.dataSource = dataSource;
    }

    private volatile io.github.marketplace1c.report.ReportJournal reportJournal;

    /** The reconciliation journal behind GET /api/reports. */
    public void setReportJournal(io.github.marketplace1c.report.ReportJournal reportJournal) {
        this.reportJournal = reportJournal;
    }

    /** GET /api/reports?marketplace=&account=&kind=SALES|SERVICES&status=&limit=: the reconciliation journal. */
    public void reports(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            String kind = in.getHeader("kind", String.class);
            return reportJournal.list(in.getHeader("marketplace", String.class), in.getHeader("account", String.class),
                    kind == null ? null : kind.toUpperCase(), in.getHeader("status", String.class), limit(in, 1000));
        });
    }

    /** Another mapping table under /api/mappings/{kind} (services: the reports' service map). */
    public void addTable(String kind, MappingTable table, MappingCsv tableCsv) {
        tables.put(kind, table);
        csv.put(kind, tableCsv);
    }

    /** Client errors: the message goes back to the caller as is. */
    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public void health(Exchange exchange) {
        respond(exchange, () -> {
            Map<String, Object> health = new LinkedHashMap<>();
            try (var connection = dataSource.getConnection()) {
                health.put("database", connection.isValid(2) ? "UP" : "DOWN");
            }
            health.put("openDeadLetters", deadLetters.countOpen());
            health.put("flows", flows.flowNames());
            health.put("status", "UP".equals(health.get("database")) ? "UP" : "DOWN");
            return health;
        });
    }

    public void listDeadLetters(Exchange exchange) {
        respond(exchange, () -> deadLetters.list(filter(exchange.getIn())));
    }

    public void getDeadLetter(Exchange exchange) {
        respond(exchange, () -> deadLetter(exchange));
    }

    public void replayDeadLetter(Exchange exchange) {
        respond(exchange, () -> replayer.replay(deadLetter(exchange).id(), actor(exchange)));
    }

    public void replayDeadLetters(Exchange exchange) {
        respond(exchange, () -> {
            // only new letters are replayed: without a status the filter looks at those, not at every closed one
            DeadLetterFilter given = filter(exchange.getIn());
            DeadLetterFilter filter = given.status() != null ? given : new DeadLetterFilter(given.reason(),
                    given.accountId(), given.flow(), DeadLetter.NEW, given.from(), given.to(), given.limit());
            // each outcome counted: replayed (done or skipped by the flow), failed again, not replayed and why
            return DeadLetterReplayer.Summary.of(replayer.replayAll(filter, actor(exchange)));
        });
    }

    public void discardDeadLetter(Exchange exchange) {
        respond(exchange, () -> {
            DeadLetter letter = deadLetter(exchange);
            JsonNode body = body(exchange);
            String note = body.path("note").asText("");
            if (note.isBlank()) {
                throw new BadRequest(400, "say why the dead letter is discarded: {\"note\": \"...\"}");
            }
            if (!deadLetters.discard(letter.id(), actor(exchange), note)) {
                throw new BadRequest(409, "dead letter #" + letter.id() + " is " + letter.status()
                        + "; only new ones can be discarded");
            }
            return deadLetters.find(letter.id()).orElseThrow();
        });
    }

    public void listMappings(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            return table(exchange).list(in.getHeader("marketplace", String.class), in.getHeader("account", String.class),
                    in.getHeader("search", String.class), limit(in, 1000));
        });
    }

    /** Adds or changes mappings (one object or a list) and replays the dead letters that waited for them. */
    public void putMappings(Exchange exchange) {
        respond(exchange, () -> {
            String kind = kind(exchange);
            JsonNode body = body(exchange);
            List<JsonNode> items = new ArrayList<>();
            if (body.isArray()) {
                body.forEach(items::add);
            } else {
                items.add(body);
            }
            List<MappingRow> rows = new ArrayList<>();
            for (JsonNode item : items) {
                rows.add(row(kind, item));
            }
            table(exchange).upsertAll(rows);
            return Map.of("saved", rows.size(), "replayed", replayWaitingFor(kind, rows, actor(exchange)));
        });
    }

    /** The dead letters parked for the keys these rows map, sent again (a CSV import and a PUT alike). */
    private List<DeadLetterReplayer.Result> replayWaitingFor(String kind, List<MappingRow> rows, String actor) {
        List<DeadLetterReplayer.Result> replayed = new ArrayList<>();
        java.util.Set<String> warehousesDone = new java.util.HashSet<>();
        for (MappingRow row : rows) {
            replayed.addAll(switch (kind) {
                case "products" -> replayer.replayParkedForProduct(row.marketplace(), row.accountId(), row.key(), actor);
                case "services" -> replayer.replayParkedForService(row.marketplace(), row.accountId(), row.key(), actor);
                // warehouse letters are not kept by key: one replay per marketplace and account is all of them
                default -> warehousesDone.add(row.marketplace() + "\t" + row.accountId())
                        ? replayer.replayParkedForWarehouse(row.marketplace(), row.accountId(), actor) : List.of();
            });
        }
        return replayed;
    }

    public void deleteMapping(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            String key = in.getHeader("key", String.class);
            String marketplace = in.getHeader("marketplace", String.class);
            if (key == null || marketplace == null) {
                throw new BadRequest(400, "give marketplace, key (and account, if the row is per account)");
            }
            boolean deleted = table(exchange).delete(marketplace, in.getHeader("account", "", String.class), key);
            if (!deleted) {
                throw new BadRequest(404, "no such mapping");
            }
            return Map.of("deleted", 1);
        });
    }

    /** A CSV file of mappings, all or nothing; the dead letters that waited for the imported keys are replayed. */
    public void importMappings(Exchange exchange) {
        respond(exchange, () -> {
            String kind = kind(exchange);
            String type = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, "", String.class);
            if (!type.trim().toLowerCase(java.util.Locale.ROOT).matches("text/csv\\s*(;.*)?")) {
                throw new BadRequest(415, "send the CSV file as the body with Content-Type: text/csv; charset=utf-8 "
                        + "(curl -H 'Content-Type: text/csv; charset=utf-8' --data-binary @" + kind + ".csv)"
                        + (type.isBlank() ? "" : ", not " + type));
            }
            String text = exchange.getIn().getBody(String.class);
            if (text == null || text.isBlank()) {
                throw new BadRequest(400, "send the CSV file as the request body");
            }
            MappingCsv.ImportReport report = csv.get(kind).importCsv(text);
            if (!report.rejected().isEmpty()) {
                exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 422);
                return report;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("imported", report.imported());
            answer.put("rejected", report.rejected());
            answer.put("replayed", replayWaitingFor(kind(exchange), report.rows(), actor(exchange)));
            return answer;
        });
    }

    public void exportMappings(Exchange exchange) {
        try {
            Message in = exchange.getIn();
            String separator = in.getHeader("separator", ";", String.class);
            String text = csv.get(kind(exchange)).exportCsv(in.getHeader("marketplace", String.class),
                    ",".equals(separator) ? ',' : ';');
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + kind(exchange) + ".csv\"");
            exchange.getMessage().setBody("\uFEFF" + text);
        } catch (RuntimeException e) {
            respond(exchange, () -> {
                throw e;
            });
        }
    }

    public void journal(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            return journal.runs(in.getHeader("flow", String.class), in.getHeader("account", String.class), limit(in, 100));
        });
    }

    public void journalRecords(Exchange exchange) {
        respond(exchange, () -> {
            Message in = exchange.getIn();
            return journal.records(id(in, "runId", "a journal run's id"), in.getHeader("flow", String.class),
                    in.getHeader("account", String.class), in.getHeader("outcome", String.class),
                    in.getHeader("key", String.class), limit(in, 500));
        });
    }

    /** The stock export's preview: what a run would send now (JSON, or CSV with format=csv); sends nothing. */
    public void previewStocks(Exchange exchange) {
        Message in = exchange.getIn();
        boolean changedOnly = Boolean.parseBoolean(in.getHeader("changedOnly", "false", String.class));
        if ("csv".equalsIgnoreCase(in.getHeader("format", "json", String.class))) {
            try {
                List<StockLine> lines = previews.stocks(in.getHeader("account", String.class)).stream()
                        .filter(l -> !changedOnly || l.changed()).toList();
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
                exchange.getMessage().setBody("\uFEFF" + Previews.csv(lines));
            } catch (RuntimeException e) {
                respond(exchange, () -> {
                    throw e;
                });
            }
            return;
        }
        respond(exchange, () -> previews.stocks(in.getHeader("account", String.class)).stream()
                .filter(l -> !changedOnly || l.changed()).toList());
    }

    /** The price export's preview: what a run would send now (JSON, or CSV with format=csv); sends nothing. */
    public void previewPrices(Exchange exchange) {
        Message in = exchange.getIn();
        boolean changedOnly = Boolean.parseBoolean(in.getHeader("changedOnly", "false", String.class));
        if ("csv".equalsIgnoreCase(in.getHeader("format", "json", String.class))) {
            try {
                List<io.github.marketplace1c.inventory.PriceLine> lines = previews.prices(
                        in.getHeader("account", String.class)).stream().filter(l -> !changedOnly || l.changed()).toList();
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
                exchange.getMessage().setBody("\uFEFF" + Previews.priceCsv(lines));
            } catch (RuntimeException e) {
                respond(exchange, () -> {
                    throw e;
                });
            }
            return;
        }
        respond(exchange, () -> previews.prices(in.getHeader("account", String.class)).stream()
                .filter(l -> !changedOnly || l.changed()).toList());
    }

    /** Which 1C warehouses feed each marketplace warehouse (stock_source); ?account= narrows it. */
    public void stockSources(Exchange exchange) {
        respond(exchange, () -> io.github.marketplace1c.journal.Journal.camelCase(
                inventory.stockSourceRows(exchange.getIn().getHeader("account", String.class))));
    }

    /** Body {"account","warehouse","onecWarehouses":[GUID,...]}: replaces what feeds that marketplace warehouse. */
    public void putStockSources(Exchange exchange) {
        respond(exchange, () -> {
            JsonNode body = body(exchange);
            var account = accounts.find(body.path("account").asText(""))
                    .orElseThrow(() -> new BadRequest(400, "no account '" + body.path("account").asText("") + "'"));
            String warehouse = body.path("warehouse").asText("");
            List<String> refs = new ArrayList<>();
            body.path("onecWarehouses").forEach(r -> refs.add(r.asText().toLowerCase()));
            if (warehouse.isBlank() || refs.stream().anyMatch(r -> !r.matches("[0-9a-f-]{36}"))) {
                throw new BadRequest(400, "give account, warehouse (the marketplace's) and onecWarehouses (1C GUIDs)");
            }
            inventory.replaceStockSources(account.marketplace(), account.id(), warehouse, refs);
            return Map.of("account", account.id(), "warehouse", warehouse, "onecWarehouses", refs);
        });
    }

    public void stockRules(Exchange exchange) {
        respond(exchange, () -> io.github.marketplace1c.journal.Journal.camelCase(
                inventory.stockRuleRows(exchange.getIn().getHeader("account", String.class))));
    }

    /**
     * Body {"account","scope":"account"|"product"|"category"|"kind","product"?,"category"?,"kind"?,"percent",
     * "safetyStock"}: a product's key, or the 1C ref of the product category (УТ/КА ТоварнаяКатегория, УНФ
     * КатегорияНоменклатуры) or of the kind (УТ/КА ВидНоменклатуры).
     */
    public void putStockRule(Exchange exchange) {
        respond(exchange, () -> {
            JsonNode body = body(exchange);
            String account = body.path("account").asText("");
            if (accounts.find(account).isEmpty()) {
                throw new BadRequest(400, "no account '" + account + "'");
            }
            String scope = body.path("scope").asText("account");
            String key = "account".equals(scope) ? "" : body.path(scope).asText("").trim();
            boolean keyed = List.of("product", "category", "kind").contains(scope);
            if (!("account".equals(scope) || keyed && !key.isBlank())
                    || ("category".equals(scope) || "kind".equals(scope)) && !key.matches("[0-9a-fA-F-]{36}")) {
                throw new BadRequest(400, "scope is 'account', 'product' with the product's key, or 'category' / 'kind' "
                        + "with the 1C GUID of the product category / kind of nomenclature");
            }
            key = "product".equals(scope) ? key : key.toLowerCase();
            java.math.BigDecimal percent = body.path("percent").decimalValue();
            java.math.BigDecimal safety = body.path("safetyStock").decimalValue();
            if (!body.path("percent").isNumber() || percent.signum() < 0 || percent.compareTo(java.math.BigDecimal.valueOf(100)) > 0
                    || !body.path("safetyStock").isNumber() || safety.signum() < 0) {
                throw new BadRequest(400, "percent is a number 0..100, safetyStock a number ≥ 0");
            }
            inventory.setStockRule(account, scope, key, percent, safety);
            return Map.of("account", account, "scope", scope, "scopeKey", key, "percent", percent, "safetyStock", safety);
        });
    }

    public void runFlow(Exchange exchange) {
        respond(exchange, () -> {
            String flow = exchange.getIn().getHeader("flow", String.class);
            if (!flows.flowNames().contains(flow)) {
                throw new BadRequest(404, "no flow '" + flow + "'; flows: " + flows.flowNames());
            }
            return flows.run(List.of(flow), "manual");
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Answer {
        Object get() throws Exception;
    }

    private void respond(Exchange exchange, Answer answer) {
        Message out = exchange.getMessage();
        try {
            Object result = answer.get();
            out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
            out.setBody(json.writeValueAsString(result));
        } catch (BadRequest e) {
            error(out, e.status, e.getMessage());
        } catch (IllegalArgumentException e) {
            error(out, 400, e.getMessage());
        } catch (Exception e) {
            LOG.error("Admin API call failed", e);
            error(out, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void error(Message out, int status, String message) {
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        try {
            out.setBody(json.writeValueAsString(Map.of("error", message == null ? "" : message)));
        } catch (Exception e) {
            out.setBody("{\"error\":\"unprintable error\"}");
        }
    }

    private DeadLetter deadLetter(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        try {
            return deadLetters.find(Long.parseLong(id))
                    .orElseThrow(() -> new BadRequest(404, "no dead letter #" + id));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "dead letter id '" + id + "' is not a number");
        }
    }

    private DeadLetterFilter filter(Message in) {
        String status = in.getHeader("status", String.class);
        return new DeadLetterFilter(in.getHeader("reason", String.class), in.getHeader("account", String.class),
                in.getHeader("flow", String.class), status == null ? null : status.toLowerCase(),
                instant(in, "from"), instant(in, "to"), limit(in, 1000));
    }

    private static Instant instant(Message in, String name) {
        String value = in.getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequest(400, name + " '" + value + "' is not a date (2026-11-01) or an instant");
        }
    }

    /** The {@code limit} query parameter: none means {@code fallback}; otherwise a whole number 1..100000. */
    static int limit(Message in, int fallback) {
        String text = in.getHeader("limit", String.class);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int limit = text.trim().matches("\\d{1,6}") ? Integer.parseInt(text.trim()) : 0;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest(400, "limit '" + text + "' must be a whole number from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    /** A query parameter that is an id (a journal run, a dead letter): null if absent, else a whole number. */
    static Long id(Message in, String name, String what) {
        String text = in.getHeader(name, String.class);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.trim().matches("\\d{1,18}")) {
            throw new BadRequest(400, name + " '" + text + "' must be " + what + " (a whole number)");
        }
        return Long.valueOf(text.trim());
    }

    private String kind(Exchange exchange) {
        String kind = exchange.getIn().getHeader("kind", String.class);
        if (!tables.containsKey(kind)) {
            throw new BadRequest(404, "no mapping table '" + kind + "'; tables: "
                    + String.join(", ", new java.util.TreeSet<>(tables.keySet())));
        }
        return kind;
    }

    private MappingTable table(Exchange exchange) {
        return tables.get(kind(exchange));
    }

    private JsonNode body(Exchange exchange) {
        String text = exchange.getIn().getBody(String.class);
        try {
            return json.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (Exception e) {
            throw new BadRequest(400, "the body is not JSON");
        }
    }

    private static MappingRow row(String kind, JsonNode item) {
        String marketplace = item.path("marketplace").asText("");
        String key = item.path("key").asText("");
        String ref = item.path("ref").asText("");
        if (marketplace.isBlank() || key.isBlank() || !ref.matches("[0-9a-fA-F-]{36}")) {
            throw new BadRequest(400, "a mapping needs marketplace, key and ref (a 1C GUID)"
                    + ("products".equals(kind) ? ", optionally characteristicRef" : "")
                    + ("services".equals(kind) ? ", expenseItemRef (needed by УТ/КА)" : "") + ", account, name, note");
        }
        String characteristic = item.path("services".equals(kind) ? "expenseItemRef" : "characteristicRef").asText("");
        return new MappingRow(marketplace, item.path(item.has("accountId") ? "accountId" : "account").asText(""), key, ref.toLowerCase(),
                !"warehouses".equals(kind) && !characteristic.isBlank() ? characteristic.toLowerCase() : null,
                item.path("name").asText(null), item.path("note").asText(null));
    }

    private static String actor(Exchange exchange) {
        return exchange.getIn().getHeader("X-Actor", "admin-api", String.class);
    }
}
