package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The Wildberries API calls of the flows not yet written as routes (stocks, prices, cards); the orders route makes
 * its own calls (routes/wildberries/orders.camel.yaml). Answers are classified by {@link WildberriesAnswers}, as the
 * route's are: Wildberries' own signals drive the pace (a 429's {@code X-Ratelimit-Retry}). A 4xx costs WB ten
 * requests of the account's budget, so our requests are checked before they are sent.
 */
public class WildberriesClient {

    private final HttpJson http;
    private final String baseUrl;
    private final WildberriesAnswers answers;

    public WildberriesClient(HttpJson http, String baseUrl, AccountThrottle throttle, Duration defaultWait) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.answers = new WildberriesAnswers(http.json(), throttle, defaultWait);
    }

    /** How Wildberries' answers are classified, shared with the route steps ({@link WildberriesApiSteps}). */
    public WildberriesAnswers answers() {
        return answers;
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
        answers.throttle().acquire(account.id());
        HttpJson.Response response;
        try {
            response = http.send(method, baseUrl + path, Map.of("Authorization", account.credential("token")), body);
        } catch (IOException e) {
            throw answers.unreachable(where, e);
        }
        return answers.answer(account, where, response.status(), response.body(), answerStatus,
                response.header("X-Ratelimit-Retry"), response.header("X-Ratelimit-Reset"));
    }
}
