package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import io.github.marketplace1c.ratelimit.WindowQuota;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The Yandex Market Partner API calls of the flows not yet written as routes (stocks, prices, catalog, reports);
 * the orders route makes its own call (routes/yandex-market/orders.camel.yaml). Answers are classified by
 * {@link YandexMarketAnswers}, as the route's are (a 420 waits until {@code X-RateLimit-Resource-Until}).
 */
public class YandexMarketClient {

    private final HttpJson http;
    private final String baseUrl;
    private final AccountThrottle throttle;
    private final YandexMarketAnswers answers;

    public YandexMarketClient(HttpJson http, String baseUrl, AccountThrottle throttle, Clock clock, Duration defaultWait) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.throttle = throttle;
        this.answers = new YandexMarketAnswers(http.json(), throttle, clock, defaultWait);
    }

    /** How Market's answers are classified, shared with the route steps ({@link YandexMarketApiSteps}). */
    public YandexMarketAnswers answers() {
        return answers;
    }

    /**
     * {@code PUT /v2/campaigns/{campaignId}/offers/stocks} of {@code offers} offers, within the campaign's quota of
     * offers a minute: reserved before, corrected by the X-RateLimit-Resource-* headers of the answer (a 420 too).
     */
    public JsonNode putStocks(Account account, long campaignId, Object body, int offers, WindowQuota quota) {
        String key = Long.toString(campaignId);
        quota.acquire(key, offers);
        return call(account, "PUT", "/v2/campaigns/" + campaignId + "/offers/stocks", body,
                answer -> quota.observe(key, number(answer.header("X-RateLimit-Resource-Limit")),
                        number(answer.header("X-RateLimit-Resource-Remaining")),
                        YandexMarketAnswers.instant(answer.header("X-RateLimit-Resource-Until"))));
    }

    private static Integer number(String header) {
        try {
            return header == null ? null : Integer.valueOf(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
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

    /**
     * {@code POST /v2/reports/{type}/generate?format=JSON}: starts a report; the answer's {@code result.reportId}
     * is what {@link #reportInfo} asks about.
     */
    public JsonNode generateReport(Account account, String type, Object body) {
        return call(account, "POST", "/v2/reports/" + type + "/generate?format=JSON", body);
    }

    /** {@code GET /v2/reports/info/{reportId}}: the job's status and, once DONE, a fresh file link; null on 404. */
    public JsonNode reportInfo(Account account, String reportId) {
        try {
            return call(account, "GET", "/v2/reports/info/"
                    + java.net.URLEncoder.encode(reportId, java.nio.charset.StandardCharsets.UTF_8), null);
        } catch (NotFound e) {
            return null;
        }
    }

    /** Reads a downloaded file as it arrives. */
    @FunctionalInterface
    public interface StreamReader<T> {
        T read(java.io.InputStream body) throws IOException;
    }

    /**
     * Downloads a report file from the link {@code reports/info} gave, <b>without</b> the Api-Key (the link is the
     * credential and may point at another host), handing the body to {@code reader} as it arrives (never held
     * whole). An expired or refused link, or a body cut short, is transient: the next attempt asks
     * {@code reports/info} for a fresh one. A file that is not what {@code reader} expects (not JSON, a damaged ZIP:
     * a {@link java.util.zip.ZipException}) is INVALID_PAYLOAD.
     */
    public <T> T download(Account account, String url, StreamReader<T> reader) {
        String where = "Account " + account.id() + ": Yandex Market report file";
        throttle.acquire(account.id());
        try {
            HttpJson.Streamed response = http.stream("GET", url, Map.of(), null);
            if (response.status() != 200) {
                response.body().close();
                throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where + " answered " + response.status()
                        + " (an expired link is asked for again)", null, null);
            }
            try (java.io.InputStream in = response.body()) {
                return reader.read(in);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " is not the JSON expected: "
                    + e.getOriginalMessage());
        } catch (java.util.zip.ZipException e) {
            // a damaged archive stays damaged: asking again gives the same file
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " is not a readable ZIP archive of JSON"
                    + " sheets: " + e.getMessage());
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where + " did not arrive in full ("
                    + e.getClass().getSimpleName() + ")", null, e);
        }
    }

    /** A 404 of {@code reports/info}: the job is unknown (expired), so the caller generates again. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private JsonNode call(Account account, String path, Object body) {
        return call(account, "POST", path, body);
    }

    private JsonNode call(Account account, String method, String path, Object body) {
        return call(account, method, path, body, answer -> { });
    }

    private JsonNode call(Account account, String method, String path, Object body,
                          java.util.function.Consumer<HttpJson.Response> onAnswer) {
        String where = "Account " + account.id() + ": Yandex Market " + path.split("\\?")[0];
        throttle.acquire(account.id());
        HttpJson.Response response;
        try {
            response = http.send(method, baseUrl + path, Map.of("Api-Key", account.credential("apiKey")), body);
        } catch (IOException e) {
            throw answers.unreachable(where, e);
        }
        onAnswer.accept(response);
        int status = response.status();
        if (status == 200) {
            return answers.ok(where, response.body());
        }
        if (status == 404 && path.startsWith("/v2/reports/info/")) {
            throw new NotFound();
        }
        throw answers.failure(account, where, status, response.body(), response.header("X-RateLimit-Resource-Until"));
    }
}
