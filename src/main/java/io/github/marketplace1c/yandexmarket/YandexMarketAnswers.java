package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Yandex Market's answers turned into what the error handler understands (routes/shared/errors.camel.yaml): Market
 * answers a limit with <b>420</b> (not 429) and says until when in {@code X-RateLimit-Resource-Until} (a date): the
 * account waits until then and the call is retried; 401/403 are AUTH_FAILED for that account; 5xx are transient;
 * other 4xx mean our request is wrong. The one place that knows how Market says "no": the route steps
 * ({@link YandexMarketApiSteps}) and {@link YandexMarketClient} both use it.
 */
public class YandexMarketAnswers {

    private final ObjectMapper json;
    private final AccountThrottle throttle;
    private final Clock clock;
    private final Duration defaultWait;

    /**
     * @param throttle    the account's pacing, told to hold back after a 420
     * @param defaultWait how long a 420 holds the account when Market names no time
     */
    public YandexMarketAnswers(ObjectMapper json, AccountThrottle throttle, Clock clock, Duration defaultWait) {
        this.json = json;
        this.throttle = throttle;
        this.clock = clock;
        this.defaultWait = defaultWait;
    }

    /** The account's pacing these answers hold back (shared with the steps that pace the calls). */
    public AccountThrottle throttle() {
        return throttle;
    }

    /** A 200 answer's JSON; a body that is not JSON is INVALID_PAYLOAD. */
    public JsonNode ok(String where, String body) {
        try {
            return parse(body);
        } catch (IOException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + " answered with a body that is not JSON");
        }
    }

    /**
     * Market's error answer (any status but 200) as the failure the error handler understands.
     *
     * @param where "Account a: Yandex Market /v1/businesses/1/orders", for messages
     * @param until the {@code X-RateLimit-Resource-Until} header, or null
     */
    public RuntimeException failure(Account account, String where, int status, String body, String until) {
        String message = where + " answered " + status + " " + errorText(body);
        if (status == 420 || status == 429) {
            Duration wait = waitUntil(until);
            throttle.backOff(account.id(), wait);
            return new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, message + " (waiting " + wait.toMillis()
                    + " ms, until the time Market named)", wait, null);
        }
        if (status == 401 || status == 403) {
            return new PermanentFailure(ReasonCode.AUTH_FAILED, message + " (check the account's Api-Key, its scopes "
                    + "and businessId)");
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

    /** {@code X-RateLimit-Resource-Until} and the like: a date (RFC 1123), not a number of seconds; null if not one. */
    public static Instant instant(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Duration waitUntil(String header) {
        Instant until = instant(header);
        if (until == null) {
            return defaultWait;
        }
        Duration wait = Duration.between(clock.instant(), until);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Market's {@code errors: [{code, message}]}, or the start of a body that is not JSON. */
    private String errorText(String body) {
        try {
            JsonNode answer = parse(body);
            List<String> texts = new ArrayList<>();
            answer.path("errors").forEach(e -> texts.add(e.path("code").asText("") + ": " + e.path("message").asText("")));
            return String.join("; ", texts);
        } catch (IOException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }

    private JsonNode parse(String body) throws IOException {
        return json.readTree(body == null || body.isBlank() ? "{}" : body);
    }
}
