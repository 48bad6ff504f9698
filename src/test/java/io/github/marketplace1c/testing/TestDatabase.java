package io.github.marketplace1c.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.github.marketplace1c.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * The database a test runs on: a fresh H2 file in the test's temporary folder, or — when the build passes
 * {@code -Dmp1c.test.jdbcUrl=jdbc:postgresql://...} (.ci/run does) — the given PostgreSQL database, emptied first.
 */
public final class TestDatabase {

    private static final List<String> TABLES = List.of("journal_record", "journal_run", "dead_letter",
            "idempotency_key", "poll_state", "product_map", "warehouse_map", "stock_source", "stock_rule", "export_state",
            "catalog_product", "product_suggestion", "service_map", "report_journal", "instances",
            // Quartz's job store (clustered schedules)
            "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks",
            "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_triggers",
            "qrtz_job_details", "qrtz_calendars");

    private TestDatabase() {
    }

    public static boolean onPostgres() {
        String url = System.getProperty("mp1c.test.jdbcUrl", "");
        return !url.isBlank();
    }

    /** A JDBC URL for a database with the schema migrated and no rows. */
    public static String fresh(Path folder) {
        String url = onPostgres() ? System.getProperty("mp1c.test.jdbcUrl")
                : "jdbc:h2:file:" + folder.toAbsolutePath().resolve("mp1c");
        try (HikariDataSource dataSource = Database.open(url, onPostgres() ? "" : "sa", "", 2);
             Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the test database " + url, e);
        }
        return url;
    }

    public static HikariDataSource open(String url) {
        return Database.open(url, onPostgres() ? "" : "sa", "", 4);
    }
}
