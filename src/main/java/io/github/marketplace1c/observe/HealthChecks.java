package io.github.marketplace1c.observe;

import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The application's own checks at {@code /observe/health} (Camel's health endpoint, beside Camel's checks of its
 * routes): the database and 1C for readiness, the accounts' last runs and tokens as information. Their messages
 * are plain words and name no secret: no URL with credentials, no token, no exception text of a driver.
 */
final class HealthChecks {

    private HealthChecks() {
    }

    /** Readiness: the database answers within two seconds. */
    static final class Database extends AbstractHealthCheck {
        private final DataSource dataSource;

        Database(DataSource dataSource) {
            super("mp1c", "database");
            this.dataSource = dataSource;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            try (var connection = dataSource.getConnection()) {
                if (connection.isValid(2)) {
                    builder.up().message("the database answers");
                    return;
                }
                builder.down().message("the database does not answer");
            } catch (Exception e) {
                builder.down().message("the database cannot be reached (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** Readiness: 1C answers the smallest read with the configured user. */
    static final class OneC extends AbstractHealthCheck {
        private final OneCProbe probe;

        OneC(OneCProbe probe) {
            super("mp1c", "onec");
            this.probe = probe;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            OneCProbe.Result result = probe.check();
            (result.up() ? builder.up() : builder.down()).message(result.message());
        }
    }

    /**
     * Each account's last run state, and the tokens about to expire: always UP (one account's trouble must not take
     * the instance out of service), the details in its message and data ({@code ?data=true}).
     */
    static final class Accounts extends AbstractHealthCheck {
        private final RunStates runs;
        private final TokenLifetimes tokens;

        Accounts(RunStates runs, TokenLifetimes tokens) {
            super("mp1c", "accounts");
            this.runs = runs;
            this.tokens = tokens;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.up();
            StringBuilder message = new StringBuilder();
            try {
                var last = runs.lastRuns();
                for (RunStates.LastRun run : last) {
                    builder.detail(run.marketplace() + "/" + run.accountId() + "/" + run.flow(), run.status());
                }
                Map<String, Long> byStatus = last.stream().collect(Collectors.groupingBy(RunStates.LastRun::status,
                        java.util.TreeMap::new, Collectors.counting()));
                message.append(last.isEmpty() ? "no run yet" : "last runs: " + byStatus.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
                last.stream().filter(r -> "FAILED".equals(r.status()) || "INCOMPLETE".equals(r.status()))
                        .forEach(r -> message.append("; ").append(r.marketplace()).append(' ').append(r.flow())
                                .append(" of account ").append(r.accountId()).append(": ").append(r.status()));
            } catch (RuntimeException e) {
                message.append("the journal cannot be read");
            }
            for (TokenLifetimes.Lifetime lifetime : tokens.expiringSoon()) {
                message.append("; WARNING: ").append(lifetime.warning());
                builder.detail("token/" + lifetime.accountId() + "/daysLeft", (long) Math.floor(lifetime.daysLeft()));
            }
            builder.message(message.toString());
        }
    }
}
