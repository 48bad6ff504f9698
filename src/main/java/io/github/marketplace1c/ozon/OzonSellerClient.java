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
 * The Ozon Seller API calls the flows not yet written as routes make (reports, catalog, stocks and prices), with
 * Ozon's answers classified by {@link OzonAnswers} as the orders route's calls are.
 */
public class OzonSellerClient {

    private final HttpJson http;
    private final String baseUrl;
    private final AccountThrottle throttle;
    private final OzonAnswers answers;

    public OzonSellerClient(HttpJson http, String baseUrl, Duration rateLimitWait, AccountThrottle throttle) {
        this.http = http;
        this.throttle = throttle;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.answers = new OzonAnswers(http.json(), rateLimitWait, throttle);
    }

    /** How Ozon's answers are classified, shared with the route steps ({@link OzonApiSteps}). */
    public OzonAnswers answers() {
        return answers;
    }

    /** The account's pacing under Ozon's limits, shared with the route steps. */
    public AccountThrottle throttle() {
        return throttle;
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
            throw answers.unreachable(account, path, e);
        }
        int status = response.status();
        if (status == 200) {
            return answers.ok(account, path, response.body());
        }
        throw answers.failure(account, path, status, response.body(), response.header("Retry-After"));
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
            if (status == 404 && notFoundIsAbsent && !answers.isCredentialMessage(answers.message(text))) {
                return java.util.Optional.empty();
            }
            throw answers.failure(account, path, status, text, response.header("Retry-After"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id() + ": Ozon " + path
                    + " answered with JSON that cannot be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id() + ": Ozon "
                    + path + " did not answer in full (" + e.getClass().getSimpleName() + ")", null, e);
        }
    }
}
