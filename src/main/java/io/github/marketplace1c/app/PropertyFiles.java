package io.github.marketplace1c.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * {@code config/application.properties} and then {@code config/application-<profile>.properties} over it, read as
 * UTF-8 (Cyrillic values stay readable). Environment variables still win: Camel resolves {@code MP1C_DB_URL} over
 * {@code mp1c.db.url}.
 */
final class PropertyFiles {

    private PropertyFiles() {
    }

    static Properties load(Path configDir, String profile) {
        Properties properties = new Properties();
        read(configDir.resolve("application.properties"), properties, true);
        read(configDir.resolve("application-" + profile + ".properties"), properties, false);
        properties.put("mp1c.profile", profile);
        return properties;
    }

    private static void read(Path file, Properties into, boolean required) {
        if (!Files.exists(file)) {
            if (required) {
                throw new IllegalStateException("Missing " + file.toAbsolutePath());
            }
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** A value as the application will see it: environment first (MP1C_X_Y for mp1c.x.y), then the files. */
    static String value(Map<String, String> properties, String key, String fallback) {
        String env = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        if (env != null && !env.isBlank()) {
            return env;
        }
        String value = properties.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
