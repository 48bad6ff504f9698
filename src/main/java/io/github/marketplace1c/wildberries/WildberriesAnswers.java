package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.io.IOException;
import java.time.Duration;

/**
 * Wildberries' answers turned into what the error handler understands (routes/shared/errors.camel.yaml): a 429 makes
 * the account wait {@code X-Ratelimit-Retry} seconds (else {@code X-Ratelimit-Reset}, else the configured wait) and
 * is retried; 401/403 are AUTH_FAILED for that account; 5xx are transient; other 4xx mean our request is wrong. A
 * call may name one 4xx whose body is its answer (the stock upload's 409 lists the refused items). The one place
 * that knows how Wildberries says "no": the route steps ({@link WildberriesApiSteps}) and {@link WildberriesClient}
 * both use it.
 */
public class WildberriesAnswers {

    private final ObjectMapper json;
    private final AccountThrottle throttle;
    private final Duration defaultWait;

    /**
     * @param throttle    the account's pacing, told to hold back after a 429
     * @param defaultWait how long a 429 holds the account when Wildberries names no wait
     */
    public WildberriesAnswers(ObjectMapper json, AccountThrottle throttle, Duration defaultWait) {
        this.json = json;
        this.throttle = throttle;
        this.defaultWait = defaultWait;
    }

    /** The account's pacing these answers hold back (shared with the steps that pace the calls). */
    public AccountThrottle throttle() {
        return throttle;
    }

    /**
     * An answer as the caller's JSON, or the failure it means.
     *
     * @param where        "Account a: Wildberries GET /api/v3/orders", for messages
     * @param answerStatus a 4xx whose body is the answer, not a failure (0: none)
     * @param retry        the {@code X-Ratelimit-Retry} header, or null
     * @param reset        the {@code X-Ratelimit-Reset} header, or null
     */
    public JsonNode answer(Account account, String where, int status, String body, int answerStatus, String retry,
                           String reset) {
        if (status == 204) {
            return json.createArrayNode();
        }
        if (status == answerStatus && answerStatus != 0) {
            try {
                return parse(body);
            } catch (IOException e) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " answered " + status
                        + " with a body that is not JSON");
            }
        }
        if (status == 200 || status == 208) {
            try {
                return parse(body);
            } catch (IOException e) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " answered with a body that is not JSON");
            }
        }
        throw failure(account, where, status, body, retry, reset);
    }

    /** An error answer (not 200, 204, 208) as the failure the error handler understands. */
    public RuntimeException failure(Account account, String where, int status, String body, String retry,
                                    String reset) {
        String message = where + " answered " + status + " " + errorText(body);
        if (status == 429) {
            Duration wait = seconds(retry);
            wait = wait == null ? seconds(reset) : wait;
            wait = wait == null ? defaultWait : wait;
            throttle.backOff(account.id(), wait);
            return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message + " (waiting " + wait.toSeconds()
                    + " s as Wildberries asked)", wait, null);
        }
        if (status == 401 || status == 403) {
            return new PermanentFailure(ReasonCode.AUTH_FAILED, message + " (check the account's token and its "
                    + "Marketplace category)");
        }
        if (status >= 500) {
            return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message, null, null);
        }
        return new PermanentFailure(ReasonCode.CONFIGURATION, message);
    }

    /** No answer at all (refused, reset, timed out): transient, retried. */
    public TransientFailure unreachable(String where, Throwable cause) {
        return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, where + " did not answer ("
                + cause.getClass().getSimpleName() + ")", null, cause);
    }

    /** WB answers errors in three shapes: {title, detail, ...} (auth, limits), {code, message, data}, {errorText}. */
    public String errorText(String body) {
        try {
            JsonNode error = parse(body);
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

    private JsonNode parse(String body) throws IOException {
        return json.readTree(body == null || body.isBlank() ? "{}" : body);
    }

    private static Duration seconds(String header) {
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
