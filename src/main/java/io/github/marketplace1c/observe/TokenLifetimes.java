package io.github.marketplace1c.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * When the accounts' tokens expire. A Wildberries token is a JWT that lives 180 days: its payload's {@code exp}
 * (seconds since 1970) says until when. Only that date leaves this class; the token itself never does.
 */
public final class TokenLifetimes {

    /** A token expiring within this many days is warned about (health, metrics' alert, console). */
    public static final int WARN_DAYS = 14;

    public record Lifetime(String accountId, String marketplace, Instant expires, double daysLeft) {

        public boolean expiresSoon() {
            return daysLeft <= WARN_DAYS;
        }

        public boolean expired() {
            return daysLeft <= 0;
        }

        /** Plain words for the health answer and the console. */
        public String warning() {
            return expired() ? "the " + marketplace + " token of account " + accountId + " has expired (" + expires
                    + "): issue a new one in the seller's cabinet"
                    : "the " + marketplace + " token of account " + accountId + " expires in "
                    + (long) Math.floor(daysLeft) + " days (" + expires + "): issue a new one in the seller's cabinet";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountRegistry accounts;
    private final Clock clock;

    public TokenLifetimes(AccountRegistry accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Every enabled account whose token carries an expiry date. */
    public List<Lifetime> all() {
        List<Lifetime> lifetimes = new ArrayList<>();
        Instant now = clock.instant();
        for (Account account : accounts.all()) {
            if (!account.enabled() || !"wildberries".equals(account.marketplace())) {
                continue;
            }
            expiry(account.credentials().get("token")).ifPresent(expires -> lifetimes.add(new Lifetime(account.id(),
                    account.marketplace(), expires, Duration.between(now, expires).toSeconds() / 86_400.0)));
        }
        return lifetimes;
    }

    public List<Lifetime> expiringSoon() {
        return all().stream().filter(Lifetime::expiresSoon).toList();
    }

    /** The {@code exp} of a JWT; empty for anything else (the sandbox's keys, a token without one). */
    static Optional<Instant> expiry(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.trim().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = payload.path("exp");
            return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // not a JWT after all: nothing to say about it (and nothing of it in a log)
        }
    }
}
