package io.github.marketplace1c.wildberries;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Wildberries Marketplace API (FBS assembly orders) calls the orders flow makes. Wildberries' own signals
 * drive the pace: a 429 carries {@code X-Ratelimit-Retry} (seconds to wait) and the account waits exactly that;
 * 401/403 are AUTH_FAILED for that account; 5xx are transient; other 4xx mean our request is wrong. A 4xx costs
 * WB ten requests of the account's budget, so our requests are checked before they are sent.
 */
public class WildberriesClient {

    /** An assembly order's two statuses: the seller's side and Wildberries' side. */
    public record Status(String supplierStatus, String wbStatus) {
    }

    /** One page of the orders list and the cursor of the next one. */
    public record Page(List<JsonNode> orders, long next) {
    }

    private final HttpJson http;
    private final String baseUrl;
    private final AccountThrottle throttle;
    private final Duration defaultWait;

    public WildberriesClient(HttpJson http, String baseUrl, AccountThrottle throttle, Duration defaultWait) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.throttle = throttle;
        this.defaultWait = defaultWait;
    }

    /** {@code GET /api/v3/orders/new}: assembly orders waiting for the seller (no paging). */
    public List<JsonNode> newOrders(Account account) {
        return list(call(account, "GET", "/api/v3/orders/new", null).path("orders"));
    }

    /** {@code GET /api/v3/orders}: assembly orders created in [from, to] (at most 30 days), {@code next} paging. */
    public Page orders(Account account, Instant from, Instant to, long next, int limit) {
        String path = "/api/v3/orders?limit=" + limit + "&next=" + next + "&dateFrom=" + from.getEpochSecond()
                + "&dateTo=" + to.getEpochSecond();
        JsonNode answer = call(account, "GET", path, null);
        return new Page(list(answer.path("orders")), answer.path("next").asLong(0));
    }

    /** {@code POST /api/v3/orders/status}: the statuses the order lists do not carry, by id (≤ 1000 a call). */
    public Map<Long, Status> statuses(Account account, Collection<Long> ids) {
        Map<Long, Status> statuses = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            ObjectNode body = http.json().createObjectNode();
            all.subList(from, Math.min(all.size(), from + 1000)).forEach(body.putArray("orders")::add);
            for (JsonNode status : call(account, "POST", "/api/v3/orders/status", body).path("orders")) {
                statuses.put(status.path("id").asLong(), new Status(status.path("supplierStatus").asText(""),
                        status.path("wbStatus").asText("")));
            }
        }
        return statuses;
    }

    /**
     * {@code PUT /api/v3/stocks/{warehouseId}}: 204 when accepted; a 409 carries the refused items (an array of
     * {@code {code, message, data:[{chrtId, amount}]}}), returned here as that array.
     */
    public JsonNode putStocks(Account account, String warehouseId, Object body) {
        return call(account, "PUT", "/api/v3/stocks/" + warehouseId, body, 409);
    }

    /**
     * {@code POST /api/v2/upload/task} (discounts-prices-api): the new task's {@code data.id}; 208 (the same upload
     * as the account's latest) gives the earlier one. A 400 is returned as its body ({@code errorText}) so that the
     * caller can tell "already set" (nothing to change) from a real refusal.
     */
    public JsonNode uploadPrices(Account account, Object body) {
        return call(account, "POST", "/api/v2/upload/task", body, 400);
    }

    /** {@code GET /api/v2/history/tasks?uploadID=}: {@code data} null while the task is not processed yet. */
    public JsonNode priceTask(Account account, long uploadId) {
        return call(account, "GET", "/api/v2/history/tasks?uploadID=" + uploadId, null);
    }

    /** {@code GET /api/v2/history/goods/task}: a processed task's items, {@code limit} from {@code offset} on. */
    public JsonNode priceTaskItems(Account account, long uploadId, int limit, int offset) {
        return call(account, "GET", "/api/v2/history/goods/task?uploadID=" + uploadId + "&limit=" + limit
                + "&offset=" + offset, null);
    }

    /**
     * {@code POST /content/v2/get/cards/list} (content-api): a page of the cabinet's product cards, {@code cursor}
     * paging; the answer as Wildberries sent it ({@code cards}, {@code cursor{updatedAt, nmID, total}}).
     */
    public JsonNode cards(Account account, Object body) {
        return call(account, "POST", "/content/v2/get/cards/list", body, 0);
    }

    private JsonNode call(Account account, String method, String path, Object body) {
        return call(account, method, path, body, 0);
    }

    /** @param answerStatus a 4xx whose body is the answer, not a failure (0: none) */
    private JsonNode call(Account account, String method, String path, Object body, int answerStatus) {
        String where = "Account " + account.id() + ": Wildberries " + method + " " + path.split("\\?")[0];
        throttle.acquire(account.id());
        HttpJson.Response response;
        try {
            response = http.send(method, baseUrl + path, Map.of("Authorization", account.credential("token")), body);
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where + " did not answer ("
                    + e.getClass().getSimpleName() + ")", null, e);
        }
        int status = response.status();
        if (status == 204) {
            return http.json().createArrayNode();
        }
        if (status == answerStatus) {
            try {
                return http.parse(response.body());
            } catch (IOException e) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " answered " + status
                        + " with a body that is not JSON");
            }
        }
        if (status == 200 || status == 208) {
            try {
                return http.parse(response.body());
            } catch (IOException e) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " answered with a body that is not JSON");
            }
        }
        String message = where + " answered " + status + " " + errorText(response.body());
        if (status == 429) {
            Duration wait = seconds(response.header("X-Ratelimit-Retry"));
            wait = wait == null ? defaultWait : wait;
            throttle.backOff(account.id(), wait);
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message + " (waiting " + wait.toSeconds()
                    + " s as Wildberries asked)", wait, null);
        }
        if (status == 401 || status == 403) {
            throw new PermanentFailure(ReasonCode.AUTH_FAILED, message + " (check the account's token and its "
                    + "Marketplace category)");
        }
        if (status >= 500) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message, null, null);
        }
        throw new PermanentFailure(ReasonCode.CONFIGURATION, message);
    }

    private static Duration seconds(String header) {
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** WB answers errors in two shapes: {title, detail, ...} (auth, limits) and {code, message, data}. */
    private String errorText(String body) {
        try {
            JsonNode error = http.parse(body);
            if (error.hasNonNull("errorText")) {
                return error.path("errorText").asText();
            }
            if (error.hasNonNull("detail")) {
                return error.path("title").asText("") + ": " + error.path("detail").asText();
            }
            return error.path("code").asText("") + ": " + error.path("message").asText("");
        } catch (IOException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
