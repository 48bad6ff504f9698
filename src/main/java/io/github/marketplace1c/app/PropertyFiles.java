package io.github.marketplace1c.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code config/application.properties} and then {@code config/application-<profile>.properties} over it, read as
 * UTF-8 (Cyrillic values stay readable). Environment variables still win: Camel resolves {@code MP1C_DB_URL} over
 * {@code mp1c.db.url}.
 *
 * <p>A properties file has no end-of-line comments: in {@code mp1c.onec.configuration = UNF  # UNF, UT or KA} the
 * value is all of {@code UNF  # UNF, UT or KA}. Such a line is refused at start with the line and what to remove,
 * rather than trimmed with a warning: a password or token may itself hold {@code " #"}, and cutting it would start
 * the application with a wrong secret and a warning nobody reads. A value that really holds a space and a {@code #} writes
 * the {@code #} as {@code \#} (an escape Java properties know), which this check lets through.
 */
final class PropertyFiles {

    private PropertyFiles() {
    }

    static Properties load(Path configDir, String profile) {
        return load(configDir, profile, new FormerPropertyNames());
    }

    /**
     * Each file's settings under the current names (a former name counts as its new name within its own file, so
     * the profile's file still overrides the common one), then the environment's former names.
     */
    static Properties load(Path configDir, String profile, FormerPropertyNames former) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.putAll(read(configDir.resolve("application.properties"), true, former));
        merged.putAll(read(configDir.resolve("application-" + profile + ".properties"), false, former));
        former.environment(merged, System::getenv);
        Properties properties = new Properties();
        properties.putAll(merged);
        properties.put("mp1c.profile", profile);
        return properties;
    }

    private static Map<String, String> read(Path file, boolean required, FormerPropertyNames former) {
        if (!Files.exists(file)) {
            if (required) {
                throw new IllegalStateException("Missing " + file.toAbsolutePath());
            }
            return Map.of();
        }
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            refuseTrailingComments(file, Files.readAllLines(file, StandardCharsets.UTF_8));
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, String> layer = new LinkedHashMap<>();
        loaded.stringPropertyNames().stream().sorted().forEach(name -> layer.put(name, loaded.getProperty(name)));
        return former.upgrade(layer, file.getParent().getFileName() + "/" + file.getFileName());
    }

    /** Whitespace, then a # that no backslash escapes: a comment someone meant to end the line with. */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("(?<!\\\\)\\s+#");
    private static final Pattern KEY = Pattern.compile("^\\s*([^=:\\s]+)\\s*[=:\\s]");

    static void refuseTrailingComments(Path file, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = line.stripLeading();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")
                    || i > 0 && lines.get(i - 1).endsWith("\\")) {
                continue;
            }
            var comment = TRAILING_COMMENT.matcher(line);
            var key = KEY.matcher(line);
            if (comment.find() && key.find() && comment.start() > key.end() - 1) {
                String name = key.group(1);
                throw new IllegalArgumentException(file.getParent().getFileName() + "/" + file.getFileName() + " line " + (i + 1) + ": " + name
                        + " ends with a comment (\"" + line.substring(comment.start()).strip() + "\"), which a "
                        + "properties file takes as part of the value: remove it from that line, or put it on a line "
                        + "of its own starting with #");
            }
        }
    }

    /**
     * A value as the application will see it: environment first (MP1C_X_Y for mp1c.x.y), then the files; a name
     * in a former spelling is read under its current one.
     */
    static String value(Map<String, String> properties, String name, String fallback) {
        String key = io.github.marketplace1c.marketplace.Marketplaces.currentPropertyName(name);
        String env = System.getenv(FormerPropertyNames.variable(key));
        if (env != null && !env.isBlank()) {
            return env;
        }
        String value = properties.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
