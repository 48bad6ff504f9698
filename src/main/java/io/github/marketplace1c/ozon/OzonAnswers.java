package io.github.marketplace1c.ozon;

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
 * Ozon's answers turned into the failures the error handler understands (routes/shared/errors.camel.yaml):
 * 429 (code 8) and 5xx are transient, the 429 also holds the account back; 401/403 and any answer about the
 * Client-Id or Api-Key are AUTH_FAILED for that account; other 4xx mean our request is wrong. The one place that
 * knows how Ozon says "no": the route step {@link OzonApiSteps#classify} and the Java client both use it.
 */
public class OzonAnswers {

    private final ObjectMapper json;
    private final Duration rateLimitWait;
    private final AccountThrottle throttle;

    /**
     * @param rateLimitWait how long a 429 holds the account when Ozon says nothing of a wait (it documents none)
     * @param throttle      the account's pacing, told to hold back after a 429
     */
    public OzonAnswers(ObjectMapper json, Duration rateLimitWait, AccountThrottle throttle) {
        this.json = json;
        this.rateLimitWait = rateLimitWait;
        this.throttle = throttle;
    }

    /** A 200 answer's JSON; a body that is not JSON is INVALID_PAYLOAD. */
    public JsonNode ok(Account account, String path, String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id() + ": Ozon " + path
                    + " answered with a body that is not JSON");
        }
    }

    /** Ozon's error answer (any status but 200) as the failure the error handler understands. */
    public RuntimeException failure(Account account, String path, int status, String body, String retryAfterHeader) {
        String message = message(body);
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

    /** No answer at all (refused, reset, timed out): transient, retried. */
    public TransientFailure unreachable(Account account, String path, Throwable cause) {
        return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id() + ": Ozon " + path
                + " did not answer (" + cause.getClass().getSimpleName() + ")", null, cause);
    }

    /**
     * Ozon answers a wrong or unknown key with 404 code 5 "Invalid Api-Key…" (and a deactivated, IP-restricted or
     * role-less key with its own text), so credentials problems are recognised by the message, not the status.
     */
    public boolean isCredentialMessage(String message) {
        String text = message.toLowerCase();
        return text.contains("api-key") || text.contains("client-id");
    }

    /** Ozon's own words from an error body: {@code (code N) message}, or the start of a body that is not JSON. */
    public String message(String body) {
        try {
            JsonNode error = json.readTree(body == null || body.isBlank() ? "{}" : body);
            String message = error.path("message").asText("");
            return error.has("code") ? "(code " + error.path("code").asText() + ") " + message : message;
        } catch (IOException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
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
}
