package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Yandex Market Partner API calls the orders flow makes. Market answers a limit with <b>420</b> (not 429) and
 * says until when in {@code X-RateLimit-Resource-Until} (a date): the account waits until then. 401/403 are
 * AUTH_FAILED for that account; 5xx are transient; other 4xx mean our request is wrong.
 */
public class YandexMarketClient {

    public record Page(List<JsonNode> orders, String nextPageToken) {
    }

    private final HttpJson http;
    private final String baseUrl;
    private final AccountThrottle throttle;
    private final Clock clock;
    private final Duration defaultWait;

    public YandexMarketClient(HttpJson http, String baseUrl, AccountThrottle throttle, Clock clock, Duration defaultWait) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.throttle = throttle;
        this.clock = clock;
        this.defaultWait = defaultWait;
    }

    /**
     * {@code POST /v1/businesses/{businessId}/orders}: the campaign's FBS orders created from one day up to another
     * (not included; Moscow dates), and — when given — updated since an instant; at most 50 a page.
     */
    public Page orders(Account account, long businessId, long campaignId, LocalDate createdFrom, LocalDate createdTo,
                       Instant updatedFrom, Instant updatedTo, String pageToken, int limit) {
        ObjectNode body = http.json().createObjectNode();
        body.putArray("campaignIds").add(campaignId);
        ObjectNode dates = body.putObject("dates");
        dates.put("creationDateFrom", createdFrom.toString());
        dates.put("creationDateTo", createdTo.toString());
        if (updatedFrom != null) {
            dates.put("updateDateFrom", updatedFrom.toString());
            dates.put("updateDateTo", updatedTo.toString());
        }
        String path = "/v1/businesses/" + businessId + "/orders?limit=" + limit
                + (pageToken == null || pageToken.isEmpty() ? ""
                        : "&pageToken=" + java.net.URLEncoder.encode(pageToken, java.nio.charset.StandardCharsets.UTF_8));
        JsonNode answer = call(account, path, body);
        List<JsonNode> orders = new ArrayList<>();
        answer.path("orders").forEach(orders::add);
        String next = answer.path("paging").path("nextPageToken").asText("");
        return new Page(orders, next);
    }

    /** {@code PUT /v2/campaigns/{campaignId}/offers/stocks}. */
    public JsonNode putStocks(Account account, long campaignId, Object body) {
        return call(account, "PUT", "/v2/campaigns/" + campaignId + "/offers/stocks", body);
    }

    /** {@code POST /v2/businesses/{businessId}/offer-prices/updates}: all or nothing (a bad offer is a 400). */
    public JsonNode updatePrices(Account account, long businessId, Object body) {
        return call(account, "POST", "/v2/businesses/" + businessId + "/offer-prices/updates", body);
    }

    /**
     * {@code POST /v2/businesses/{businessId}/offer-mappings}: a page of the business's offers (offerId, name, barcodes,
     * vendorCode) with Market's card (marketSku), {@code page_token} paging; at most 100 a page.
     */
    public JsonNode offerMappings(Account account, long businessId, String pageToken, int limit) {
        String path = "/v2/businesses/" + businessId + "/offer-mappings?limit=" + limit
                + (pageToken == null || pageToken.isEmpty() ? ""
                        : "&page_token=" + java.net.URLEncoder.encode(pageToken, java.nio.charset.StandardCharsets.UTF_8));
        return call(account, "POST", path, http.json().createObjectNode());
    }

    private JsonNode call(Account account, String path, Object body) {
        return call(account, "POST", path, body);
    }

    private JsonNode call(Account account, String method, String path, Object body) {
        String where = "Account " + account.id() + ": Yandex Market " + path.split("\\?")[0];
        throttle.acquire(account.id());
        HttpJson.Response response;
        try {
            response = http.send(method, baseUrl + path, Map.of("Api-Key", account.credential("apiKey")), body);
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where + " did not answer ("
                    + e.getClass().getSimpleName() + ")", null, e);
        }
        int status = response.status();
        if (status == 200) {
            try {
                return http.parse(response.body());
            } catch (IOException e) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " answered with a body that is not JSON");
            }
        }
        String message = where + " answered " + status + " " + errorText(response.body());
        if (status == 420 || status == 429) {
            Duration wait = until(response.header("X-RateLimit-Resource-Until"));
            throttle.backOff(account.id(), wait);
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message + " (waiting " + wait.toMillis()
                    + " ms, until the time Market named)", wait, null);
        }
        if (status == 401 || status == 403) {
            throw new PermanentFailure(ReasonCode.AUTH_FAILED, message + " (check the account's Api-Key, its scopes "
                    + "and businessId)");
        }
        if (status >= 500) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message, null, null);
        }
        throw new PermanentFailure(ReasonCode.CONFIGURATION, message);
    }

    /** {@code X-RateLimit-Resource-Until} is a date (RFC 1123), not a number of seconds. */
    private Duration until(String header) {
        if (header == null || header.isBlank()) {
            return defaultWait;
        }
        try {
            Instant until = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), until);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return defaultWait;
        }
    }

    private String errorText(String body) {
        try {
            JsonNode answer = http.parse(body);
            List<String> texts = new ArrayList<>();
            answer.path("errors").forEach(e -> texts.add(e.path("code").asText("") + ": " + e.path("message").asText("")));
            return String.join("; ", texts);
        } catch (IOException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }
}
