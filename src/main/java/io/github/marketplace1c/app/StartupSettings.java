package io.github.marketplace1c.app;

import io.github.marketplace1c.account.AccountRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The settings whose bad value would otherwise surface deep in the start as an error that does not name them
 * ({@code Invalid ID for region-based ZoneId}), checked before anything starts: the message names the setting, the
 * value and what it may be. The accounts' credentials and the database are checked here too, before the frameworks
 * start: a start that cannot succeed ends in a couple of seconds with one line, not after the HTTP server, the
 * scheduler and the connection pool came up.
 */
final class StartupSettings {

    private StartupSettings() {
    }

    /** Seconds a database may take to accept the first connection before the start gives up. */
    private static final int DATABASE_LOGIN_SECONDS = 3;

    static void check(Map<String, String> effective, Path home) {
        settings(effective);
        accounts(effective, home);
        database(effective, home);
        ports(effective);
    }

    /**
     * The ports this start will listen on are free. Vert.x only logs a port it cannot bind and the application
     * would run on without its admin API and console.
     */
    private static void ports(Map<String, String> effective) {
        List<String> keys = new java.util.ArrayList<>(List.of("mp1c.admin.port"));
        String host = PropertyFiles.value(effective, "mp1c.admin.host", "127.0.0.1");
        if (Boolean.parseBoolean(PropertyFiles.value(effective, "mp1c.sandbox.enabled", "false"))) {
            keys.addAll(List.of("mp1c.sandbox.ozon.port", "mp1c.sandbox.wildberries.port",
                    "mp1c.sandbox.yandex-market.port", "mp1c.sandbox.onec.port"));
        }
        for (String key : keys) {
            String value = PropertyFiles.value(effective, key, "0");
            int port;
            try {
                port = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is '" + value + "', not a port number");
            }
            if (port == 0) {
                continue;
            }
            String bindHost = key.startsWith("mp1c.sandbox.")
                    ? PropertyFiles.value(effective, "mp1c.sandbox.host", "127.0.0.1") : host;
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(bindHost, port));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(key + " = " + port + ": " + bindHost + ":" + port + " is in use by "
                        + "another program (another marketplace-1c still running?) or cannot be opened: "
                        + e.getMessage());
            }
        }
    }

    private static void settings(Map<String, String> effective) {
        String configuration = PropertyFiles.value(effective, "mp1c.onec.configuration", "UT");
        if (!List.of("UNF", "UT", "KA").contains(configuration.trim().toUpperCase())) {
            throw new IllegalArgumentException("mp1c.onec.configuration is '" + configuration
                    + "': it must be UNF, UT or KA");
        }
        for (String key : effective.keySet().stream().filter(k -> k.endsWith(".cron")).sorted().toList()) {
            String cron = PropertyFiles.value(effective, key, "");
            if (!cron.isBlank() && !org.quartz.CronExpression.isValidExpression(cron.trim())) {
                throw new IllegalArgumentException(key + " is '" + cron + "', not a Quartz cron expression (seconds "
                        + "first: 0 0/5 * * * ? is every five minutes)");
            }
        }
        String zone = PropertyFiles.value(effective, "mp1c.onec.timeZone", "Europe/Moscow");
        try {
            ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("mp1c.onec.timeZone is '" + zone + "', not a time zone id: give the "
                    + "1C server's zone as Region/City, e.g. Europe/Moscow, Asia/Yekaterinburg");
        }
    }

    /** Every enabled, unpaused account's credential variables are set (environment, or the profile's file). */
    private static void accounts(Map<String, String> effective, Path home) {
        String file = PropertyFiles.value(effective, "mp1c.accounts.file", "{{mp1c.home}}/config/accounts.yaml");
        Path path = Path.of(withHome(file, home));
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("mp1c.accounts.file is " + path + ", which does not exist");
        }
        AccountRegistry.load(path, name -> AppConfiguration.secret(name, effective::get)).requireCredentials();
    }

    private static void database(Map<String, String> effective, Path home) {
        String url = withHome(PropertyFiles.value(effective, "mp1c.db.url", ""), home);
        if (url.isBlank()) {
            throw new IllegalArgumentException("mp1c.db.url is not set (config/application*.properties or MP1C_DB_URL)");
        }
        if (url.startsWith("jdbc:h2:")) {
            // an embedded file, opened (and its failures named) by the start itself; opening it here would cost
            // seconds of H2's own start for nothing
            return;
        }
        DriverManager.setLoginTimeout(DATABASE_LOGIN_SECONDS);
        try (Connection ignored = DriverManager.getConnection(url,
                PropertyFiles.value(effective, "mp1c.db.user", null),
                AppConfiguration.secret("mp1c.db.password", effective::get))) {
            // reachable, and the user may log in
        } catch (SQLException e) {
            throw new IllegalStateException("The database (mp1c.db.url = " + AppConfiguration.shownUrl(url)
                    + ") cannot be used: " + e.getMessage(), e);
        }
    }

    private static String withHome(String value, Path home) {
        return value.replace("{{mp1c.home}}", home.toString());
    }
}
