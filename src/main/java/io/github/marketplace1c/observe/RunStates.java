package io.github.marketplace1c.observe;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the journal says of each marketplace, flow and account: its last run, and its last run that went through. */
final class RunStates {

    record LastRun(String marketplace, String flow, String accountId, String status, Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;

    RunStates(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The latest run of each marketplace, flow and account (status RUNNING while it goes on). */
    List<LastRun> lastRuns() {
        return jdbc.query("SELECT marketplace, flow, account_id, status, finished_at FROM journal_run WHERE id IN "
                        + "(SELECT MAX(id) FROM journal_run GROUP BY marketplace, flow, account_id) "
                        + "ORDER BY marketplace, account_id, flow",
                (rs, i) -> new LastRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5))));
    }

    /** When each marketplace, flow and account last finished a run whose counts add up (status OK). */
    List<LastRun> lastSuccesses() {
        return jdbc.query("SELECT marketplace, flow, account_id, MAX(finished_at) FROM journal_run WHERE status = 'OK' "
                        + "GROUP BY marketplace, flow, account_id",
                (rs, i) -> new LastRun(rs.getString(1), rs.getString(2), rs.getString(3), "OK",
                        instant(rs.getTimestamp(4))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
