package io.github.marketplace1c.journal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import io.github.marketplace1c.db.Where;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The journal of runs and record outcomes. A run's counters are computed from its records when it finishes,
 * so fetched = done + skipped + dead letters + not attempted holds by construction and any gap is shown, not
 * hidden: a run that finished with a gap is INCOMPLETE; a run that stopped counts what it never tried as not
 * attempted (its message says why) and its failed poll as one record fetched and parked (docs/dead-letters.md).
 */
public class Journal {

    public enum Outcome { DONE, SKIPPED, DEAD_LETTER }

    /**
     * @param deadLetters  the run's records parked as dead letters, all of them (a failed poll's own letter too)
     * @param stillWaiting those of them whose dead letter was already open before the run (the same record parked
     *                     again, still waiting for its fix): {@code deadLetters - stillWaiting} are new
     * @param notAttempted records the run fetched and never tried because it stopped (its message says why)
     */
    public record RunSummary(long runId, String marketplace, String flow, String accountId, String status,
                             int fetched, int done, int skipped, int deadLetters, int stillWaiting,
                             int notAttempted, String message) {

        public int newDeadLetters() {
            return deadLetters - stillWaiting;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Told of every finished run (the metrics count its outcomes); never allowed to fail the run. */
    private final List<java.util.function.Consumer<RunSummary>> finished = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Journal(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The instance (one start of it, {@code instances}) whose runs this journal opens; null when unknown. */
    private volatile String instanceId;

    public void instanceId(String id) {
        this.instanceId = id;
    }

    public long startRun(String marketplace, String flow, String accountId, String trigger) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO journal_run (marketplace, flow, account_id, trigger_kind, "
                    + "started_at, status, instance_id) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?)", new String[] {"id"});
            ps.setString(1, marketplace);
            ps.setString(2, flow);
            ps.setString(3, accountId);
            ps.setString(4, trigger);
            ps.setTimestamp(5, now());
            ps.setString(6, instanceId);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Records fetched by the run so far (added page by page). */
    public void fetched(long runId, int count) {
        jdbc.update("UPDATE journal_run SET fetched = fetched + ? WHERE id = ?", count, runId);
    }

    public void record(Long runId, String marketplace, String flow, String accountId, String recordKey,
                       Outcome outcome, String reason, String message, String onecRef, String onecNumber) {
        record(runId, marketplace, flow, accountId, recordKey, outcome, reason, message, onecRef, onecNumber, false);
    }

    /** @param stillWaiting a dead letter that was already open (the record parked again), not a new one */
    public void record(Long runId, String marketplace, String flow, String accountId, String recordKey,
                       Outcome outcome, String reason, String message, String onecRef, String onecNumber,
                       boolean stillWaiting) {
        jdbc.update("INSERT INTO journal_record (run_id, marketplace, flow, account_id, record_key, outcome, reason, "
                        + "message, onec_ref, onec_number, recorded_at, still_waiting) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, marketplace, flow, accountId, recordKey, outcome.name(), reason, truncate(message, 2000),
                onecRef, onecNumber, now(), outcome == Outcome.DEAD_LETTER && stillWaiting);
    }

    /** Items of a bulk flow (stock, prices) counted without a record row each. */
    public void bulk(long runId, int done, int skipped, int deadLetters) {
        bulk(runId, done, skipped, deadLetters, 0);
    }

    /** @param stillWaiting how many of the dead letters were already open before (parked again) */
    public void bulk(long runId, int done, int skipped, int deadLetters, int stillWaiting) {
        jdbc.update("UPDATE journal_run SET bulk_done = bulk_done + ?, bulk_skipped = bulk_skipped + ?, "
                + "bulk_dead_letters = bulk_dead_letters + ?, bulk_still_waiting = bulk_still_waiting + ? WHERE id = ?",
                done, skipped, deadLetters, stillWaiting, runId);
    }

    /**
     * Closes a run whose poll failed (the account's page, plan or read could not be done): the poll's dead letter is
     * the run's own record, fetched and parked, so the run counts it (dead letters 1) and the letter a user finds
     * in the list is in the run's counts; what the run had fetched and not yet tried is counted as not attempted.
     *
     * @param stillWaiting the poll's dead letter was already open (the same poll failing again)
     */
    public RunSummary failRun(long runId, String failure, boolean stillWaiting) {
        jdbc.update("UPDATE journal_run SET fetched = fetched + 1, bulk_dead_letters = bulk_dead_letters + 1, "
                + "bulk_still_waiting = bulk_still_waiting + ? WHERE id = ?", stillWaiting ? 1 : 0, runId);
        return finishRun(runId, failure);
    }

    /**
     * Closes the run: counts its records. A run that failed counts the records it fetched and never tried as not
     * attempted; a run that ended normally and does not add up is marked INCOMPLETE.
     */
    public RunSummary finishRun(long runId, String failure) {
        Map<String, Object> counts = jdbc.queryForMap("SELECT "
                + "SUM(CASE WHEN outcome = 'DONE' THEN 1 ELSE 0 END) AS d, "
                + "SUM(CASE WHEN outcome = 'SKIPPED' THEN 1 ELSE 0 END) AS s, "
                + "SUM(CASE WHEN outcome = 'DEAD_LETTER' THEN 1 ELSE 0 END) AS l, "
                + "SUM(CASE WHEN outcome = 'DEAD_LETTER' AND still_waiting THEN 1 ELSE 0 END) AS w "
                + "FROM journal_record WHERE run_id = ?", runId);
        int done = number(counts, "d");
        int skipped = number(counts, "s");
        int deadLetters = number(counts, "l");
        int stillWaiting = number(counts, "w");
        Map<String, Object> bulk = jdbc.queryForMap("SELECT fetched AS f, bulk_done AS d, bulk_skipped AS s, "
                + "bulk_dead_letters AS l, bulk_still_waiting AS w FROM journal_run WHERE id = ?", runId);
        int fetched = number(bulk, "f");
        done += number(bulk, "d");
        skipped += number(bulk, "s");
        deadLetters += number(bulk, "l");
        stillWaiting += number(bulk, "w");
        // only a run that stopped leaves records untried; a finished run with a gap stays visible as INCOMPLETE
        int notAttempted = failure != null ? Math.max(0, fetched - done - skipped - deadLetters) : 0;
        String status = failure != null ? "FAILED" : (fetched == done + skipped + deadLetters ? "OK" : "INCOMPLETE");
        jdbc.update("UPDATE journal_run SET finished_at = ?, status = ?, done = ?, skipped = ?, dead_letters = ?, "
                        + "still_waiting = ?, not_attempted = ?, message = ? WHERE id = ?", now(), status, done,
                skipped, deadLetters, stillWaiting, notAttempted, truncate(failure, 2000), runId);
        RunSummary summary = run(runId);
        finished.forEach(listener -> listener.accept(summary));
        return summary;
    }

    public void onRunFinished(java.util.function.Consumer<RunSummary> listener) {
        finished.add(listener);
    }

    public RunSummary run(long runId) {
        return jdbc.queryForObject("SELECT * FROM journal_run WHERE id = ?", (rs, i) -> new RunSummary(
                rs.getLong("id"), rs.getString("marketplace"), rs.getString("flow"), rs.getString("account_id"),
                rs.getString("status"), rs.getInt("fetched"), rs.getInt("done"), rs.getInt("skipped"),
                rs.getInt("dead_letters"), rs.getInt("still_waiting"), rs.getInt("not_attempted"),
                rs.getString("message")), runId);
    }

    public long lastRunId() {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM journal_run", Long.class);
        return id == null ? 0 : id;
    }

    public List<RunSummary> runsAfter(long runId) {
        return jdbc.query("SELECT * FROM journal_run WHERE id > ? ORDER BY id", (rs, i) -> new RunSummary(
                rs.getLong("id"), rs.getString("marketplace"), rs.getString("flow"), rs.getString("account_id"),
                rs.getString("status"), rs.getInt("fetched"), rs.getInt("done"), rs.getInt("skipped"),
                rs.getInt("dead_letters"), rs.getInt("still_waiting"), rs.getInt("not_attempted"),
                rs.getString("message")), runId);
    }

    public List<Map<String, Object>> runs(String flow, String accountId, int limit) {
        Where where = new Where().and("flow = ?", flow).and("account_id = ?", accountId);
        return camelCase(jdbc.queryForList("SELECT id, marketplace, flow, account_id, trigger_kind, started_at, "
                + "finished_at, status, fetched, done, skipped, dead_letters, still_waiting, not_attempted, message "
                + "FROM journal_run"
                + where.sql()
                + " ORDER BY id DESC LIMIT ?", where.args(limit)));
    }

    public List<Map<String, Object>> records(Long runId, String flow, String accountId, String outcome,
                                             String recordKey, int limit) {
        Where where = new Where().and("run_id = ?", runId).and("flow = ?", flow).and("account_id = ?", accountId)
                .and("outcome = ?", outcome).and("record_key = ?", recordKey);
        return camelCase(jdbc.queryForList("SELECT id, run_id, marketplace, flow, account_id, record_key, outcome, "
                + "reason, message, onec_ref, onec_number, recorded_at, still_waiting FROM journal_record" + where.sql()
                + " ORDER BY id DESC LIMIT ?", where.args(limit)));
    }

    /**
     * At start: closes the runs an earlier start left RUNNING (killed, crashed) as INTERRUPTED, each with what it had
     * counted, so no run stays RUNNING forever: those of an earlier start of this instance's name, of an instance
     * whose heartbeat is older than a minute or whose row is gone, and, when not clustered, every RUNNING run started
     * before this start that names no instance. A run of a live instance is left alone.
     *
     * @return the runs closed
     */
    public List<RunSummary> closeInterrupted(io.github.marketplace1c.instance.InstanceHeartbeat me, boolean clustered) {
        List<Long> ids = jdbc.queryForList("SELECT r.id FROM journal_run r WHERE r.status = 'RUNNING' "
                        + "AND r.started_at <= ? AND ((r.instance_id IS NOT NULL AND r.instance_id <> ? AND ("
                        + "r.instance_id IN (SELECT i.instance_id FROM instances i WHERE i.name = ? OR i.heartbeat_at < ?) "
                        + "OR NOT EXISTS (SELECT 1 FROM instances i WHERE i.instance_id = r.instance_id))) "
                        + (clustered ? "" : "OR r.instance_id IS NULL") + ") ORDER BY r.id", Long.class,
                Timestamp.from(me.startedAt()), me.id(), me.name(), Timestamp.from(me.deadBefore()));
        List<RunSummary> closed = new java.util.ArrayList<>();
        for (long id : ids) {
            // counted as a run that stopped (what it fetched and never finished is not lost from view), then named
            finishRun(id, "interrupted: the instance running it stopped before the run finished (closed at the "
                    + "next start)");
            jdbc.update("UPDATE journal_run SET status = 'INTERRUPTED' WHERE id = ?", id);
            closed.add(run(id));
        }
        return closed;
    }

    /** Column names as JSON keys, the same on H2 (upper case) and PostgreSQL (lower case): run_id -> runId. */
    public static List<Map<String, Object>> camelCase(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            row.forEach((column, value) -> {
                StringBuilder key = new StringBuilder();
                boolean upper = false;
                for (char c : column.toLowerCase().toCharArray()) {
                    if (c == '_') {
                        upper = true;
                    } else {
                        key.append(upper ? Character.toUpperCase(c) : c);
                        upper = false;
                    }
                }
                out.put(key.toString(), value instanceof java.sql.Timestamp t ? t.toInstant().toString() : value);
            });
            return out;
        }).toList();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static int number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        if (value == null) {
            value = row.get(key.toUpperCase());
        }
        return value == null ? 0 : ((Number) value).intValue();
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
