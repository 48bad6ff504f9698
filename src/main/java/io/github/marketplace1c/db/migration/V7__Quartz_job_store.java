package io.github.marketplace1c.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The tables of Quartz's JDBC job store ({@code QRTZ_*}), which let several instances share one database and run
 * each scheduled flow on one of them (clustered Quartz, docs/cluster.md). The DDL is Quartz's own, from its jar
 * ({@code tables_postgres.sql}, {@code tables_h2.sql}), so it matches the Quartz version we run; only its
 * {@code DROP} and {@code COMMIT} statements are left out (Flyway runs the migration in its own transaction), and
 * H2's {@code IMAGE} column type, which H2 2 no longer knows, is its {@code BLOB}.
 */
public class V7__Quartz_job_store extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String script = read("org/quartz/impl/jdbcjobstore/" + (postgres ? "tables_postgres.sql" : "tables_h2.sql"))
                .replaceAll("(?im)^\\s*(DROP\\s[^;]*|COMMIT\\s*);", "");
        if (!postgres) {
            script = script.replaceAll("\\bIMAGE\\b", "BLOB");
        }
        ScriptUtils.executeSqlScript(connection, new EncodedResource(new ByteArrayResource(
                script.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V7__Quartz_job_store.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Quartz's " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
