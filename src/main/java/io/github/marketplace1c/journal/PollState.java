package io.github.marketplace1c.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Per flow and account, the time up to which the marketplace has been read successfully. */
public class PollState {

    private final JdbcTemplate jdbc;

    public PollState(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Instant> watermark(String flow, String accountId) {
        return jdbc.queryForList("SELECT watermark FROM poll_state WHERE flow = ? AND account_id = ?",
                Timestamp.class, flow, accountId).stream().findFirst().map(Timestamp::toInstant);
    }

    public void advance(String flow, String accountId, Instant watermark) {
        int updated = jdbc.update("UPDATE poll_state SET watermark = ? WHERE flow = ? AND account_id = ?",
                Timestamp.from(watermark), flow, accountId);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO poll_state (flow, account_id, watermark) VALUES (?, ?, ?)",
                        flow, accountId, Timestamp.from(watermark));
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another instance's first run got there first
                jdbc.update("UPDATE poll_state SET watermark = ? WHERE flow = ? AND account_id = ?",
                        Timestamp.from(watermark), flow, accountId);
            }
        }
    }
}
