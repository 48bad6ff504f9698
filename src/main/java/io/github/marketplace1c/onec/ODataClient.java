package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.http.HttpJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * 1C's standard OData interface ({@code /odata/standard.odata}), JSON format. Failures are classified for the
 * error handler: no answer, 502–504 and lock conflicts are transient (ONEC_UNAVAILABLE after the retries); any
 * other refusal is ONEC_REJECTED with 1C's own code and message.
 */
public class ODataClient {

    private final HttpJson http;
    private final String root;
    private final String authorization;
    /** 1C serialises writes on its managed locks: a few parallel requests per base, not one per account thread. */
    private final Semaphore parallel;
    /** Reads the next page of a large read ahead of time (daemon threads: nothing to close). */
    private final ExecutorService prefetch = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "onec-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    public ODataClient(HttpJson http, String publicationUrl, String user, String password, int maxParallel) {
        this.http = http;
        this.parallel = new Semaphore(Math.max(1, maxParallel), true);
        String base = publicationUrl.endsWith("/") ? publicationUrl.substring(0, publicationUrl.length() - 1) : publicationUrl;
        this.root = base + "/odata/standard.odata/";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Objects of an entity set matching an OData {@code $filter}, at most {@code top}. */
    public List<JsonNode> find(String entitySet, String filter, int top) {
        String url = root + segment(entitySet) + "?$format=json&$top=" + top + "&$filter=" + query(filter);
        JsonNode answer = call("GET", url, null, "read " + entitySet);
        List<JsonNode> found = new ArrayList<>();
        answer.path("value").forEach(found::add);
        return found;
    }

    /** Whether a register's virtual table has at least one row under {@code condition}: one request of one row. */
    public boolean hasAny(String entitySet, String virtualTable, String condition) {
        String url = root + segment(entitySet) + "/" + virtualTable + "?$format=json&$top=1"
                + (condition == null ? "" : "&Condition=" + query(condition));
        return !call("GET", url, null, "read " + entitySet + "/" + virtualTable).path("value").isEmpty();
    }

    /**
     * Every row of a collection or a register's virtual table ({@code AccumulationRegister_X/Balance},
     * {@code InformationRegister_X/SliceLast}), page by page with {@code $top}/{@code $skip}, handed to
     * {@code row} as it arrives: a register of hundreds of thousands of rows is never held whole.
     *
     * @param condition the virtual table's {@code Condition} (null for none)
     */
    public long readAll(String entitySet, String virtualTable, String condition, int pageSize,
                        java.util.function.Consumer<JsonNode> row) {
        return readAll(entitySet, virtualTable, condition, null, pageSize, row);
    }

    /** {@link #readAll(String, String, String, int, java.util.function.Consumer)} of some fields ({@code $select}). */
    public long readAll(String entitySet, String virtualTable, String condition, String select, int pageSize,
                        java.util.function.Consumer<JsonNode> row) {
        return readAll(entitySet, virtualTable, condition, null, select, pageSize, row);
    }

    /** Every object of a collection matching an OData {@code $filter}, some fields, page by page. */
    public long readAllWhere(String entitySet, String filter, String select, int pageSize,
                             java.util.function.Consumer<JsonNode> row) {
        return readAll(entitySet, null, null, filter, select, pageSize, row);
    }

    private long readAll(String entitySet, String virtualTable, String condition, String filter, String select,
                         int pageSize, java.util.function.Consumer<JsonNode> row) {
        String what = "read " + entitySet + (virtualTable == null ? "" : "/" + virtualTable);
        String url = root + segment(entitySet) + (virtualTable == null ? "" : "/" + virtualTable)
                + "?$format=json&$top=" + pageSize + (condition == null ? "" : "&Condition=" + query(condition))
                + (filter == null ? "" : "&$filter=" + query(filter))
                + (select == null ? "" : "&$select=" + query(select)) + "&$skip=";
        // the next page is asked for while this one is handed out: 1C prepares it while we work on this one
        CompletableFuture<JsonNode> next = CompletableFuture.supplyAsync(() -> call("GET", url + 0, null, what), prefetch);
        long total = 0;
        for (int skip = 0; ; skip += pageSize) {
            JsonNode page = await(next);
            JsonNode values = page.path("value");
            int count = values.size();
            if (count == pageSize) {
                int nextSkip = skip + pageSize;
                next = CompletableFuture.supplyAsync(() -> call("GET", url + nextSkip, null, what), prefetch);
            }
            for (JsonNode item : values) {
                row.accept(item);
            }
            total += count;
            if (count < pageSize) {
                return total;
            }
        }
    }

    private static JsonNode await(CompletableFuture<JsonNode> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Is 1C there and does it let us in: the smallest read every configuration answers (one item's key from the
     * nomenclature, which the flows read anyway, so the publication has it and docs/contracts.md lists it).
     * Throws as every call does; the health check's own timeout keeps a slow 1C from holding it.
     */
    public void ping() {
        call("GET", root + segment("Catalog_Номенклатура") + "?$format=json&$top=1&$select=Ref_Key", null,
                "read Catalog_Номенклатура");
    }

    public JsonNode create(String entitySet, ObjectNode body) {
        return call("POST", root + segment(entitySet) + "?$format=json", body, "create " + entitySet);
    }

    public JsonNode update(String entitySet, String ref, ObjectNode body) {
        return call("PATCH", root + segment(entitySet) + "(guid'" + ref + "')?$format=json", body,
                "update " + entitySet + " " + ref);
    }

    /** Posts a document (non-operational posting: УТ's ЗаказКлиента forbids operational posting). */
    public void post(String entitySet, String ref) {
        call("POST", root + segment(entitySet) + "(guid'" + ref + "')/Post?PostingModeOperational=false&$format=json",
                null, "post " + entitySet + " " + ref);
    }

    /** Cancels a document's posting (its movements go), e.g. before its tabular sections are replaced. */
    public void unpost(String entitySet, String ref) {
        call("POST", root + segment(entitySet) + "(guid'" + ref + "')/Unpost?$format=json", null,
                "unpost " + entitySet + " " + ref);
    }

    private JsonNode call(String method, String url, ObjectNode body, String what) {
        HttpJson.Response response;
        try {
            parallel.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure(ReasonCode.ONEC_UNAVAILABLE, "interrupted while waiting to " + what, null, e);
        }
        try {
            response = http.send(method, url, Map.of("Authorization", authorization), body);
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.ONEC_UNAVAILABLE, "1C did not answer to " + what + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null, e);
        } finally {
            parallel.release();
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            try {
                return http.parse(response.body());
            } catch (IOException e) {
                throw new PermanentFailure(ReasonCode.ONEC_REJECTED, "1C answered " + what + " with a body that is not JSON");
            }
        }
        String error = oneCError(response.body());
        String message = "1C refused to " + what + ": HTTP " + status + " " + error;
        if (status == 502 || status == 503 || status == 504 || isLockConflict(error)) {
            throw new TransientFailure(ReasonCode.ONEC_UNAVAILABLE, message, retryAfter(response), null);
        }
        if (status == 401 || status == 403) {
            throw new PermanentFailure(ReasonCode.ONEC_REJECTED, message
                    + " (check the OData user's name, password and rights in the 1C publication)");
        }
        throw new PermanentFailure(ReasonCode.ONEC_REJECTED, message);
    }

    /** 1C rolls a transaction back on a lock conflict; trying again later is safe. */
    private static boolean isLockConflict(String error) {
        String text = error.toLowerCase();
        return text.contains("конфликт блокировок") || text.contains("deadlock")
                || text.contains("превышено максимальное время ожидания");
    }

    private static Duration retryAfter(HttpJson.Response response) {
        String header = response.header("Retry-After");
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String oneCError(String body) {
        try {
            JsonNode error = http.parse(body).path("odata.error");
            if (error.isMissingNode()) {
                return body == null ? "" : body.substring(0, Math.min(300, body.length()));
            }
            return "(code " + error.path("code").asText() + ") " + error.path("message").path("value").asText();
        } catch (IOException e) {
            return body == null ? "" : body.substring(0, Math.min(300, body.length()));
        }
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An OData string literal: single quotes, a quote inside doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
