package io.github.marketplace1c.journal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import io.github.marketplace1c.instance.InstanceHeartbeat;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys. A record is claimed (a row insert, unique per flow, account and key) before it is pushed
 * to 1C, so a second poller or a second instance that meets the same record backs off; once pushed the row
 * stays DONE and the record is skipped when it is fetched again. A claim carries the instance that holds it: a
 * claim of an instance whose heartbeat stopped ({@link InstanceHeartbeat}) counts as released, so the next poll of
 * any instance takes the record again within a minute; any claim left by a crashed run expires after
 * {@code staleAfter} all the same (claims written before instances had heartbeats carry none).
 */
public class RecordClaims {

    public enum Claim { CLAIMED, ALREADY_DONE, BUSY_ELSEWHERE }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration staleAfter;
    private final InstanceHeartbeat instance;

    public RecordClaims(DataSource dataSource, Clock clock, Duration staleAfter) {
        this(dataSource, clock, staleAfter, null);
    }

    /** @param instance this instance, whose id the claims carry; null: claims carry none and only expire */
    public RecordClaims(DataSource dataSource, Clock clock, Duration staleAfter, InstanceHeartbeat instance) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.instance = instance;
    }

    public Claim claim(String flow, String accountId, String recordKey) {
        try {
            jdbc.update("INSERT INTO idempotency_key (flow, account_id, record_key, status, claimed_at, instance_id) "
                    + "VALUES (?, ?, ?, 'CLAIMED', ?, ?)", flow, accountId, recordKey, Timestamp.from(clock.instant()),
                    instanceId());
            return Claim.CLAIMED;
        } catch (DuplicateKeyException e) {
            String status = jdbc.queryForObject("SELECT status FROM idempotency_key WHERE flow = ? AND account_id = ? "
                    + "AND record_key = ?", String.class, flow, accountId, recordKey);
            if ("DONE".equals(status)) {
                return Claim.ALREADY_DONE;
            }
            // A claim of an instance that is gone (heartbeat too old, or its row removed by a clean stop), or older
            // than staleAfter, belongs to a run that died: take it over. One UPDATE, so two takers cannot both win.
            Timestamp now = Timestamp.from(clock.instant());
            Timestamp deadBefore = Timestamp.from(instance == null ? clock.instant().minus(Duration.ofMinutes(1))
                    : instance.deadBefore());
            int taken = jdbc.update("UPDATE idempotency_key SET claimed_at = ?, instance_id = ? WHERE flow = ? "
                            + "AND account_id = ? AND record_key = ? AND status = 'CLAIMED' AND (claimed_at < ? "
                            + "OR (instance_id IS NOT NULL AND instance_id <> ? AND NOT EXISTS (SELECT 1 FROM instances i "
                            + "WHERE i.instance_id = idempotency_key.instance_id AND i.heartbeat_at >= ?)))",
                    now, instanceId(), flow, accountId, recordKey, Timestamp.from(clock.instant().minus(staleAfter)),
                    instanceId() == null ? "" : instanceId(), deadBefore);
            return taken == 1 ? Claim.CLAIMED : Claim.BUSY_ELSEWHERE;
        }
    }

    private String instanceId() {
        return instance == null ? null : instance.id();
    }

    public void done(String flow, String accountId, String recordKey, String onecRef) {
        jdbc.update("UPDATE idempotency_key SET status = 'DONE', onec_ref = ? WHERE flow = ? AND account_id = ? "
                + "AND record_key = ?", onecRef, flow, accountId, recordKey);
    }

    /** Gives the claim back after a failure, so the next poll or a replay can try again. */
    public void release(String flow, String accountId, String recordKey) {
        jdbc.update("DELETE FROM idempotency_key WHERE flow = ? AND account_id = ? AND record_key = ? "
                + "AND status = 'CLAIMED'", flow, accountId, recordKey);
    }

    /** Forgets a done claim, so the record can be loaded again (a replay of a report already in 1C). */
    public void forget(String flow, String accountId, String recordKey) {
        jdbc.update("DELETE FROM idempotency_key WHERE flow = ? AND account_id = ? AND record_key = ?", flow, accountId,
                recordKey);
    }

    public boolean isDone(String flow, String accountId, String recordKey) {
        return !jdbc.queryForList("SELECT status FROM idempotency_key WHERE flow = ? AND account_id = ? "
                + "AND record_key = ? AND status = 'DONE'", String.class, flow, accountId, recordKey).isEmpty();
    }

    public Optional<String> doneRef(String flow, String accountId, String recordKey) {
        return jdbc.queryForList("SELECT onec_ref FROM idempotency_key WHERE flow = ? AND account_id = ? "
                + "AND record_key = ? AND status = 'DONE' AND onec_ref IS NOT NULL", String.class, flow, accountId,
                recordKey).stream().findFirst();
    }
}
