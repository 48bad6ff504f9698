package io.github.marketplace1c.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The application's database: H2 in a file by default, PostgreSQL in production. Migrated on start. */
public final class Database {

    private Database() {
    }

    public static HikariDataSource open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        // a PostgreSQL URL may carry user and password itself: set them only when given
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("mp1c");
        HikariDataSource dataSource = new HikariDataSource(config);
        migrate(dataSource);
        return dataSource;
    }

    public static void migrate(DataSource dataSource) {
        // SQL migrations, and the Java ones (Quartz's job store tables come from Quartz's own scripts)
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:io/github/marketplace1c/db/migration").load().migrate();
    }
}
