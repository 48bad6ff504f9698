package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Ozon Seller API calls the orders flow makes, with Ozon's answers turned into failures the error handler
 * understands: 429 (code 8) and 5xx are transient; 401/403 and any answer about the Client-Id or Api-Key are
 * AUTH_FAILED for that account; other 4xx mean our request is wrong.
 */
public class OzonSellerClient {

    /** One page of postings and where the next one starts. */
    public record Page(List<JsonNode> postings, String cursor, boolean hasNext) {
    }

    private final HttpJson http;
    private final String baseUrl;
    private final Duration rateLimitWait;
    private final AccountThrottle throttle;

    public OzonSellerClient(HttpJson http, String baseUrl, Duration rateLimitWait, AccountThrottle throttle) {
        this.http = http;
        this.throttle = throttle;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.rateLimitWait = rateLimitWait;
    }

    /** {@code POST /v4/posting/fbs/list}: postings processed since {@code since}, changed since {@code changedFrom}. */
    public Page postings(Account account, Instant since, Instant to, Instant changedFrom, String cursor, int limit) {
        ObjectNode body = http.json().createObjectNode();
        body.put("cursor", cursor == null ? "" : cursor);
        body.put("limit", limit);
        body.put("sort_dir", "ASC");
        ObjectNode filter = body.putObject("filter");
        filter.put("since", since.toString());
        filter.put("to", to.toString());
        if (changedFrom != null) {
            ObjectNode changed = filter.putObject("last_changed_status_date");
            changed.put("from", changedFrom.toString());
            changed.put("to", to.toString());
        }
        body.putObject("with").put("analytics_data", true);
        JsonNode answer = call(account, "/v4/posting/fbs/list", body);
        JsonNode postings = answer.path("postings");
        if (!postings.isArray()) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id()
                    + ": Ozon's /v4/posting/fbs/list answer has no 'postings' list");
        }
        List<JsonNode> list = new java.util.ArrayList<>();
        postings.forEach(list::add);
        return new Page(list, answer.path("cursor").asText(""), answer.path("has_next").asBoolean(false));
    }

    /** Any Seller API call: POST with a JSON body, the answer decoded and classified like every other. */
    public JsonNode post(Account account, String path, Object body) {
        return call(account, path, body);
    }

    private JsonNode call(Account account, String path, Object body) {
        Map<String, String> headers = Map.of("Client-Id", account.credential("clientId"),
                "Api-Key", account.credential("apiKey"));
        HttpJson.Response response;
        throttle.acquire(account.id());
        try {
            response = http.send("POST", baseUrl + path, headers, body);
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id() + ": Ozon "
                    + path + " did not answer (" + e.getClass().getSimpleName() + ")", null, e);
        }
        int status = response.status();
        if (status == 200) {
            try {
                return http.parse(response.body());
            } catch (IOException e) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id() + ": Ozon " + path
                        + " answered with a body that is not JSON");
            }
        }
        throw failure(account, path, status, response.body(), response.header("Retry-After"));
    }

    /** Reads a 200 answer's body as it arrives. */
    @FunctionalInterface
    public interface StreamReader<T> {
        T read(java.io.InputStream body) throws IOException;
    }

    /**
     * A Seller API call whose answer is read as a stream by {@code reader} (a report too big to hold as a string).
     * With {@code notFoundIsAbsent}, Ozon's 404 that is not about credentials (a report not published yet) is an
     * empty result instead of a failure. Other answers fail as in {@link #post}.
     */
    public <T> java.util.Optional<T> postStreamed(Account account, String path, Object body, StreamReader<T> reader,
                                                  boolean notFoundIsAbsent) {
        Map<String, String> headers = Map.of("Client-Id", account.credential("clientId"),
                "Api-Key", account.credential("apiKey"));
        throttle.acquire(account.id());
        try {
            HttpJson.Streamed response = http.stream("POST", baseUrl + path, headers, body);
            int status = response.status();
            if (status == 200) {
                try (java.io.InputStream in = response.body()) {
                    return java.util.Optional.ofNullable(reader.read(in));
                }
            }
            String text = response.text();
            if (status == 404 && notFoundIsAbsent && !isCredentialMessage(ozonMessage(text))) {
                return java.util.Optional.empty();
            }
            throw failure(account, path, status, text, response.header("Retry-After"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id() + ": Ozon " + path
                    + " answered with JSON that cannot be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id() + ": Ozon "
                    + path + " did not answer in full (" + e.getClass().getSimpleName() + ")", null, e);
        }
    }

    /** Ozon's error answer as the failure the error handler understands. */
    private RuntimeException failure(Account account, String path, int status, String body, String retryAfterHeader) {
        String message = ozonMessage(body);
        String where = "Account " + account.id() + ": Ozon " + path + " answered " + status + " " + message;
        if (status == 429) {
            Duration wait = retryAfter(retryAfterHeader, status);
            throttle.backOff(account.id(), wait);
            return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where, wait, null);
        }
        if (status >= 500) {
            return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where, retryAfter(retryAfterHeader, status),
                    null);
        }
        if (status == 401 || status == 403 || isCredentialMessage(message)) {
            return new PermanentFailure(ReasonCode.AUTH_FAILED, where + " (check the account's Client-Id and Api-Key)");
        }
        return new PermanentFailure(ReasonCode.CONFIGURATION, where);
    }

    /**
     * Ozon answers a wrong or unknown key with 404 code 5 "Invalid Api-Key…" (and a deactivated, IP-restricted or
     * role-less key with its own text), so credentials problems are recognised by the message, not the status.
     */
    private static boolean isCredentialMessage(String message) {
        String text = message.toLowerCase();
        return text.contains("api-key") || text.contains("client-id");
    }

    /** Ozon's 429 carries no documented wait; a Retry-After is used when present, else the configured wait. */
    private Duration retryAfter(String header, int status) {
        if (header != null) {
            try {
                return Duration.ofSeconds(Long.parseLong(header.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date is not used by Ozon; fall through to the configured wait
            }
        }
        return status == 429 ? rateLimitWait : null;
    }

    private String ozonMessage(String body) {
        try {
            JsonNode error = http.parse(body);
            String message = error.path("message").asText("");
            return error.has("code") ? "(code " + error.path("code").asText() + ") " + message : message;
        } catch (IOException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }
}
