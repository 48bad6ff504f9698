package io.github.marketplace1c.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import io.github.marketplace1c.db.Where;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dead letter store. One open dead letter per record: a record that fails again updates its open dead
 * letter (attempts, reason, message) instead of adding a second one. Rows are never deleted.
 */
public class DeadLetters {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeadLetters(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /**
     * A parked record's dead letter.
     *
     * @param stillWaiting the record already had an open dead letter (parked again by a later poll or a failed
     *                     replay): the same letter, one more attempt, not a new one
     */
    public record Parked(long id, boolean stillWaiting) {
    }

    /** Parks a failed record; returns the dead letter's id. */
    public long park(String marketplace, String flow, String accountId, String recordKey, String reason,
                     String message, String payload, String replayTarget, Collection<String> productKeys) {
        return parkRecord(marketplace, flow, accountId, recordKey, reason, message, payload, replayTarget, productKeys)
                .id();
    }

    /** Parks a failed record; says whether its dead letter is new or was already waiting. */
    public synchronized Parked parkRecord(String marketplace, String flow, String accountId, String recordKey,
                                          String reason, String message, String payload, String replayTarget,
                                          Collection<String> productKeys) {
        Timestamp now = Timestamp.from(clock.instant());
        String keys = productKeys == null || productKeys.isEmpty() ? null : "," + String.join(",", productKeys) + ",";
        List<Long> open = jdbc.queryForList("SELECT id FROM dead_letter WHERE flow = ? AND account_id = ? "
                + "AND record_key = ? AND status = 'new' ORDER BY id", Long.class, flow, accountId, recordKey);
        if (!open.isEmpty()) {
            long id = open.get(0);
            jdbc.update("UPDATE dead_letter SET updated_at = ?, reason = ?, message = ?, payload = ?, product_keys = ?, "
                    + "attempts = attempts + 1 WHERE id = ?", now, reason, cut(message, 4000), payload, keys, id);
            return new Parked(id, true);
        }
        jdbc.update("INSERT INTO dead_letter (created_at, updated_at, marketplace, flow, account_id, record_key, reason, "
                        + "message, payload, replay_target, product_keys, attempts, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'new')", now, now, marketplace, flow, accountId,
                recordKey, reason, cut(message, 4000), payload, replayTarget, keys);
        return new Parked(jdbc.queryForObject("SELECT MAX(id) FROM dead_letter WHERE flow = ? AND account_id = ? "
                + "AND record_key = ?", Long.class, flow, accountId, recordKey), false);
    }

    /** The record went through after all (a later poll, a replay): its open dead letter is resolved. */
    public void resolveOpen(String flow, String accountId, String recordKey, String status, String actor) {
        // the actor column holds 100 characters (PostgreSQL refuses more; a reason given as the actor can be longer)
        String who = actor != null && actor.length() > 100 ? actor.substring(0, 99) + "…" : actor;
        jdbc.update("UPDATE dead_letter SET status = ?, updated_at = ?, actor = ? WHERE flow = ? AND account_id = ? "
                        + "AND record_key = ? AND status = 'new'", status, Timestamp.from(clock.instant()), who, flow,
                accountId, recordKey);
    }

    public boolean discard(long id, String actor, String note) {
        return jdbc.update("UPDATE dead_letter SET status = 'discarded', updated_at = ?, actor = ?, note = ? "
                + "WHERE id = ? AND status = 'new'", Timestamp.from(clock.instant()), actor, note, id) == 1;
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("SELECT * FROM dead_letter WHERE id = ?", DeadLetters::row, id).stream().findFirst();
    }

    public List<DeadLetter> list(DeadLetterFilter filter) {
        Where where = new Where().and("reason = ?", filter.reason()).and("account_id = ?", filter.accountId())
                .and("flow = ?", filter.flow()).and("status = ?", filter.status())
                .and("created_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()))
                .and("created_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        return jdbc.query("SELECT * FROM dead_letter" + where.sql() + " ORDER BY id LIMIT ?", DeadLetters::row,
                where.args(filter.limit() == null ? 1000 : filter.limit()));
    }

    /** How many dead letters are open (status new), counted by the database: never capped by a list's limit. */
    public long countOpen() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = 'new'", Long.class);
        return count == null ? 0 : count;
    }

    /** Open dead letters per marketplace, flow, account and reason (the metrics' gauge). */
    public List<OpenCount> countOpenByReason() {
        return jdbc.query("SELECT marketplace, flow, account_id, reason, COUNT(*) AS n FROM dead_letter "
                        + "WHERE status = 'new' GROUP BY marketplace, flow, account_id, reason",
                (rs, i) -> new OpenCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)));
    }

    public record OpenCount(String marketplace, String flow, String accountId, String reason, long count) {
    }

    /** Open dead letters of one marketplace waiting for a product mapping. */
    public List<DeadLetter> parkedForProduct(String marketplace, String accountId, String productKey) {
        return jdbc.query("SELECT * FROM dead_letter WHERE status = 'new' AND reason = 'UNMAPPED_PRODUCT' "
                        + "AND marketplace = ? AND product_keys LIKE ? ESCAPE '!'"
                        + (accountId.isEmpty() ? "" : " AND account_id = ?")
                        + " ORDER BY id", DeadLetters::row, accountId.isEmpty()
                        ? new Object[] {marketplace, "%," + likeLiteral(productKey) + ",%"}
                        : new Object[] {marketplace, "%," + likeLiteral(productKey) + ",%", accountId});
    }

    /** Open dead letters of one marketplace waiting for a service mapping (the service keys are kept like products'). */
    public List<DeadLetter> parkedForService(String marketplace, String accountId, String serviceKey) {
        return jdbc.query("SELECT * FROM dead_letter WHERE status = 'new' AND reason = 'UNMAPPED_SERVICE' "
                        + "AND marketplace = ? AND product_keys LIKE ? ESCAPE '!'"
                        + (accountId.isEmpty() ? "" : " AND account_id = ?")
                        + " ORDER BY id", DeadLetters::row, accountId.isEmpty()
                        ? new Object[] {marketplace, "%," + likeLiteral(serviceKey) + ",%"}
                        : new Object[] {marketplace, "%," + likeLiteral(serviceKey) + ",%", accountId});
    }

    /** Open dead letters of one marketplace waiting for a warehouse mapping. */
    public List<DeadLetter> parkedForWarehouse(String marketplace, String accountId) {
        return jdbc.query("SELECT * FROM dead_letter WHERE status = 'new' AND reason = 'UNMAPPED_WAREHOUSE' "
                        + "AND marketplace = ?" + (accountId.isEmpty() ? "" : " AND account_id = ?") + " ORDER BY id",
                DeadLetters::row, accountId.isEmpty() ? new Object[] {marketplace} : new Object[] {marketplace, accountId});
    }

    /** A product key as a LIKE literal: its own %, _ and ! match only themselves. */
    private static String likeLiteral(String key) {
        return key.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * Claims a new dead letter for one replay: of callers replaying it at the same time only one wins (the UPDATE
     * matches one row for one of them). A claim older than {@code staleAfter} (a node that died mid-replay) is
     * taken over. Returns false if the letter is not new or another replay holds it.
     */
    public boolean claimForReplay(long id, java.time.Duration staleAfter) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("UPDATE dead_letter SET replay_claimed_at = ? WHERE id = ? AND status = 'new' "
                + "AND (replay_claimed_at IS NULL OR replay_claimed_at < ?)", now, id,
                Timestamp.from(clock.instant().minus(staleAfter))) == 1;
    }

    /** The replay is over, whatever its outcome: the letter can be replayed again (if it is still new). */
    public void releaseReplayClaim(long id) {
        jdbc.update("UPDATE dead_letter SET replay_claimed_at = NULL WHERE id = ?", id);
    }

    public void markReplayed(long id, String actor) {
        jdbc.update("UPDATE dead_letter SET status = 'replayed', updated_at = ?, actor = ? WHERE id = ?",
                Timestamp.from(clock.instant()), actor, id);
    }

    private static DeadLetter row(ResultSet rs, int i) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("marketplace"), rs.getString("flow"),
                rs.getString("account_id"), rs.getString("record_key"), rs.getString("reason"), rs.getString("message"),
                rs.getString("payload"), rs.getString("replay_target"), rs.getString("product_keys"),
                rs.getInt("attempts"), rs.getString("status"), rs.getString("actor"), rs.getString("note"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
