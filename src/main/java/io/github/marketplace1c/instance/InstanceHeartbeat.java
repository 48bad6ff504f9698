package io.github.marketplace1c.instance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This start of the application in the {@code instances} table, its heartbeat refreshed on a schedule. Claims and
 * runs carry {@link #id()}: when the heartbeat of the instance holding a claim is older than {@link #deadAfter()},
 * the instance is gone (killed, crashed, its machine lost) and its claims count as released (docs/cluster.md).
 * The id is new on every start, so claims of an earlier start of the same name are never taken for live ones.
 */
public final class InstanceHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String name;
    private final String id;
    private final Duration deadAfter;
    private final Instant startedAt;
    private volatile ScheduledExecutorService beats;

    public InstanceHeartbeat(DataSource dataSource, Clock clock, String name, Duration deadAfter) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        // unnamed instances must not take each other for an earlier start of themselves
        this.name = name == null || name.isBlank() ? "unnamed-" + UUID.randomUUID().toString().substring(0, 8) : name;
        this.id = this.name + "#" + UUID.randomUUID().toString().substring(0, 8);
        this.deadAfter = deadAfter;
        this.startedAt = clock.instant();
    }

    /** Writes the row and refreshes it every {@code every} on the given scheduler (Camel's, stopped with it). */
    public void start(ScheduledExecutorService scheduler, Duration every) {
        jdbc.update("INSERT INTO instances (instance_id, name, started_at, heartbeat_at) VALUES (?, ?, ?, ?)", id, name,
                Timestamp.from(startedAt), Timestamp.from(startedAt));
        // rows of starts gone for a week hold nothing any more: claims and runs of them were taken over or closed
        jdbc.update("DELETE FROM instances WHERE heartbeat_at < ?",
                Timestamp.from(startedAt.minus(Duration.ofDays(7))));
        beats = scheduler;
        scheduler.scheduleWithFixedDelay(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            jdbc.update("UPDATE instances SET heartbeat_at = ? WHERE instance_id = ?", Timestamp.from(clock.instant()),
                    id);
        } catch (RuntimeException e) {
            // the database away for a moment: the next beat tries again; a minute of misses lets others take over
            LOG.warn("Heartbeat of instance {} not written: {}", id, e.getMessage());
        }
    }

    /**
     * A clean stop: the heartbeat ends and the row goes, so whatever this instance still held counts as released at
     * once (the flows have finished or given their claims back by then).
     */
    public void stop() {
        halt();
        try {
            jdbc.update("DELETE FROM instances WHERE instance_id = ?", id);
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat row of instance {} not removed (it ages out): {}", id, e.getMessage());
        }
    }

    /** The heartbeat stops and the row stays, as when the process is killed (tests make an instance "die"). */
    public void halt() {
        ScheduledExecutorService scheduler = beats;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Duration deadAfter() {
        return deadAfter;
    }

    /** The moment before which a heartbeat means its instance is gone. */
    public Instant deadBefore() {
        return clock.instant().minus(deadAfter);
    }
}
