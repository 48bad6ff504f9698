package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wildberries finance-api (realization reports; the cards they name sizes by come from WildberriesCatalog). It allows
 * one request a minute per account (burst 1): every call waits for the account's finance throttle, and a 429's
 * {@code X-Ratelimit-Retry} makes the account wait exactly that. Report pages are parsed as they stream in.
 */
public class WildberriesFinanceClient {

    /** Receives one page's parser positioned on the array's first token; returns the last rrdId it saw. */
    @FunctionalInterface
    public interface PageReader {
        long read(JsonParser rows) throws IOException;
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final HttpJson http;
    private final String financeUrl;
    private final AccountThrottle financeThrottle;
    private final Duration defaultWait;
    private final Duration spacing;

    /**
     * @param spacing with a burst of 1, the wait after each finance answer before the account's next request (WB
     *                counts a request when it arrives, and a request paced only by when it left can arrive early
     *                after a slow one); null to pace by the throttle alone
     */
    public WildberriesFinanceClient(HttpJson http, String financeUrl, AccountThrottle financeThrottle,
                                    Duration defaultWait, Duration spacing) {
        this.spacing = spacing;
        this.http = http;
        this.financeUrl = trim(financeUrl);
        this.financeThrottle = financeThrottle;
        this.defaultWait = defaultWait;
    }

    /** {@code POST /api/finance/v1/sales-reports/list}: the weekly reports overlapping [from, to] (1000 a page). */
    public List<JsonNode> reports(Account account, LocalDate from, LocalDate to) {
        List<JsonNode> reports = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            ObjectNode body = http.json().createObjectNode();
            body.put("dateFrom", from.toString());
            body.put("dateTo", to.toString());
            body.put("limit", 1000);
            body.put("offset", offset);
            body.put("period", "weekly");
            JsonNode page = call(account, financeThrottle, financeUrl, "/api/finance/v1/sales-reports/list", body);
            page.forEach(reports::add);
            if (page.size() < 1000) {
                return reports;
            }
        }
    }

    /**
     * {@code POST /api/finance/v1/sales-reports/detailed/{reportId}} from {@code rrdId} on, at most {@code limit}
     * rows, only {@code fields}; the page is handed to {@code reader} as it streams. Returns the last rrdId read, or
     * -1 when WB answered 204 (no rows left).
     */
    public long detailedPage(Account account, long reportId, long rrdId, int limit, List<String> fields,
                             PageReader reader) {
        ObjectNode body = http.json().createObjectNode();
        body.put("limit", limit);
        body.put("rrdId", rrdId);
        fields.forEach(body.putArray("fields")::add);
        String path = "/api/finance/v1/sales-reports/detailed/" + reportId;
        String where = "Account " + account.id() + ": Wildberries POST /api/finance/v1/sales-reports/detailed/"
                + reportId + " (rrdId " + rrdId + ")";
        financeThrottle.acquire(account.id());
        HttpJson.Streamed response;
        try {
            response = http.stream("POST", financeUrl + path, Map.of("Authorization", account.credential("token")),
                    body);
            space(account, financeThrottle);
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where + " did not answer ("
                    + e.getClass().getSimpleName() + ")", null, e);
        }
        if (response.status() == 204) {
            close(response.body());
            return -1;
        }
        if (response.status() != 200) {
            String text;
            try {
                text = response.text();
            } catch (IOException e) {
                text = "";
            }
            throw failure(account, financeThrottle, where, response.status(), response.header("X-Ratelimit-Retry"), text);
        }
        try (InputStream in = response.body(); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " answered with something other than "
                        + "an array of rows");
            }
            return reader.read(parser);
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where + ": the answer broke off or is not "
                    + "JSON (" + e.getMessage() + ")", null, e);
        }
    }

    private JsonNode call(Account account, AccountThrottle throttle, String base, String path, Object body) {
        String where = "Account " + account.id() + ": Wildberries POST " + path;
        throttle.acquire(account.id());
        HttpJson.Response response;
        try {
            response = http.send("POST", base + path, Map.of("Authorization", account.credential("token")), body);
            space(account, throttle);
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where + " did not answer ("
                    + e.getClass().getSimpleName() + ")", null, e);
        }
        if (response.status() == 204) {
            return http.json().createArrayNode();
        }
        if (response.status() == 200) {
            try {
                return http.parse(response.body());
            } catch (IOException e) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " answered with a body that is not JSON");
            }
        }
        throw failure(account, throttle, where, response.status(), response.header("X-Ratelimit-Retry"),
                response.body());
    }

    private void space(Account account, AccountThrottle throttle) {
        if (spacing != null && throttle == financeThrottle) {
            throttle.backOff(account.id(), spacing);
        }
    }

    private RuntimeException failure(Account account, AccountThrottle throttle, String where, int status,
                                     String retryHeader, String body) {
        String message = where + " answered " + status + " " + errorText(body);
        if (status == 429) {
            Duration wait = seconds(retryHeader);
            wait = wait == null ? defaultWait : wait;
            throttle.backOff(account.id(), wait);
            return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message + " (waiting " + wait.toSeconds()
                    + " s as Wildberries asked)", wait, null);
        }
        if (status == 401 || status == 403) {
            return new PermanentFailure(ReasonCode.AUTH_FAILED, message + " (check the account's token: a Personal "
                    + "or Service token with the Finance and Content categories)");
        }
        if (status >= 500) {
            return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message, null, null);
        }
        return new PermanentFailure(ReasonCode.CONFIGURATION, message);
    }

    private String errorText(String body) {
        try {
            JsonNode error = http.parse(body);
            if (error.hasNonNull("detail")) {
                return error.path("title").asText("") + ": " + error.path("detail").asText();
            }
            if (error.hasNonNull("errorText")) {
                return error.path("errorText").asText();
            }
            return error.path("code").asText("") + ": " + error.path("message").asText("");
        } catch (IOException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }

    private static Duration seconds(String header) {
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was to be read
        }
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
