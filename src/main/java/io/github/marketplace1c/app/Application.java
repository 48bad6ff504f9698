package io.github.marketplace1c.app;

import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.sandbox.Sandbox;
import io.github.marketplace1c.sandbox.SpecFullAnswers;
import io.github.marketplace1c.sandbox.SandboxClock;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: Camel Main with the route files from {@code routes/}, properties from {@code config/}
 * (the profile's file over the common one, the environment over both), and in the sandbox profile the emulators.
 */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    /**
     * @param profile   {@code sandbox} (the default) or {@code prod}
     * @param home      the folder holding {@code config/} and {@code routes/}; the database is created under it
     * @param overrides properties that win over every file (tests use them; the command line does not)
     */
    public record Options(String profile, Path home, Map<String, String> overrides, Clock clock) {
    }

    private final Main main;
    private final Sandbox sandbox;

    private Application(Main main, Sandbox sandbox) {
        this.main = main;
        this.sandbox = sandbox;
    }

    public static Application start(Options options) throws Exception {
        Path home = options.home().toAbsolutePath().normalize();
        Path config = home.resolve("config");
        if (!Files.isDirectory(config) || !Files.isDirectory(home.resolve("routes"))) {
            throw new IllegalStateException("Expected config/ and routes/ in " + home + " (run from the project folder "
                    + "or from a folder holding those two)");
        }
        Properties fileProperties = PropertyFiles.load(config, options.profile());
        Map<String, String> effective = new LinkedHashMap<>();
        fileProperties.forEach((k, v) -> effective.put(k.toString(), v.toString()));
        effective.putAll(options.overrides());
        io.github.marketplace1c.observe.LogSetup.apply(key -> PropertyFiles.value(effective, key, "")
                .replace("{{mp1c.home}}", home.toString()));
        StartupSettings.check(effective, home);

        Sandbox sandbox = null;
        Clock clock = options.clock();
        if (Boolean.parseBoolean(PropertyFiles.value(effective, "mp1c.sandbox.enabled", "false"))) {
            String start = PropertyFiles.value(effective, "mp1c.sandbox.clockStart", "");
            if (!start.isBlank()) {
                clock = SandboxClock.startingAt(java.time.Instant.parse(start));
            }
            if (Boolean.parseBoolean(PropertyFiles.value(effective, "mp1c.sandbox.resetDatabase", "false"))) {
                resetSandboxDatabase(PropertyFiles.value(effective, "mp1c.db.url", ""), home);
            }
            sandbox = Sandbox.start(PropertyFiles.value(effective, "mp1c.sandbox.host", "127.0.0.1"),
                    new Sandbox.Ports(port(effective, "mp1c.sandbox.ozon.port", "18081"),
                            port(effective, "mp1c.sandbox.wildberries.port", "18083"),
                            port(effective, "mp1c.sandbox.yandexMarket.port", "18084"),
                            port(effective, "mp1c.sandbox.onec.port", "18082")),
                    OneCEmulator.Configuration.valueOf(PropertyFiles.value(effective, "mp1c.onec.configuration", "UT")
                            .toUpperCase()),
                    Boolean.parseBoolean(PropertyFiles.value(effective, "mp1c.sandbox.onec.strict", "false")),
                    PropertyFiles.value(effective, "mp1c.onec.user", "odata"),
                    PropertyFiles.value(effective, "mp1c.onec.password", ""), clock);
            sandbox.fullAnswers(Boolean.parseBoolean(PropertyFiles.value(effective, SpecFullAnswers.SETTING,
                    Boolean.toString(Boolean.getBoolean(SpecFullAnswers.SETTING)))));
            LOG.info("Sandbox: emulators of Ozon at {}, Wildberries at {}, Yandex Market at {}, 1C ({}) at {}",
                    sandbox.ozon().baseUrl(), sandbox.wildberries().baseUrl(), sandbox.yandexMarket().baseUrl(),
                    sandbox.onec().configuration(), sandbox.onec().baseUrl());
        }

        Main main = new Main();
        main.configure().addConfiguration(new AppConfiguration(clock));
        main.configure().withRoutesIncludePattern("file:" + home.resolve("routes") + "/**/*.camel.yaml");
        main.configure().setName("marketplace-1c");
        Properties initial = new Properties();
        initial.putAll(fileProperties);
        // relative paths in the properties (database file, accounts file) are relative to home
        initial.put("mp1c.home", home.toString());
        main.setInitialProperties(initial);
        Properties override = new Properties();
        override.putAll(options.overrides());
        if (!Boolean.parseBoolean(PropertyFiles.value(effective, "mp1c.schedule.enabled", "true"))) {
            // schedules off (--once, or the setting): the Quartz routes are not started; a route file says nothing
            // about it, so that it stays plain YAML DSL (autoStartup is a boolean there, not a placeholder)
            override.put("camel.main.autoStartupExcludePattern", "quartz*");
        }
        main.setOverrideProperties(override);
        try {
            main.start();
        } catch (Exception e) {
            if (sandbox != null) {
                sandbox.close();
            }
            throw e;
        }
        Application application = new Application(main, sandbox);
        if (sandbox != null) {
            Sandbox.seedMappings(application.bean("productMappings", MappingTable.class),
                    application.bean("warehouseMappings", MappingTable.class));
            io.github.marketplace1c.sandbox.SandboxServices.seedMappings(
                    application.bean("serviceMappings", MappingTable.class));
            SandboxHistory.ordersAlreadyIn1C(application, sandbox,
                    java.time.ZoneId.of(PropertyFiles.value(effective, "mp1c.onec.timeZone", "Europe/Moscow")));
        }
        boolean scheduled = Boolean.parseBoolean(PropertyFiles.value(effective, "mp1c.schedule.enabled", "true"));
        LOG.info("marketplace-1c started, profile {}: flows {} {}; admin API on http://{}:{}/api", options.profile(),
                application.flows().flowNames(), scheduled ? "on their schedules" : "on demand only",
                PropertyFiles.value(effective, "mp1c.admin.host", "127.0.0.1"),
                PropertyFiles.value(effective, "mp1c.admin.port", "18080"));
        return application;
    }

    /**
     * Why the start failed, in one line for the person who set it up: the first message under the frameworks'
     * wrappers (ours name the setting).
     */
    public static String startupProblem(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null && message == null; t = t.getCause() == t ? null : t.getCause()) {
            boolean wrapper = t.getClass().getName().startsWith("org.apache.camel.")
                    || t instanceof java.lang.reflect.InvocationTargetException;
            if (!wrapper && t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /**
     * The emulators start from their seed every time, so the sandbox's database does too: otherwise the journal
     * would say "already loaded" about orders the fresh 1C emulator has never seen.
     */
    private static void resetSandboxDatabase(String url, Path home) throws java.io.IOException {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return;
        }
        String file = url.substring(prefix.length()).split(";")[0].replace("{{mp1c.home}}", home.toString());
        Files.deleteIfExists(Path.of(file + ".mv.db"));
        Files.deleteIfExists(Path.of(file + ".trace.db"));
    }

    private static int port(Map<String, String> properties, String key, String fallback) {
        return Integer.parseInt(PropertyFiles.value(properties, key, fallback));
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    public FlowRunner flows() {
        return bean("flowRunner", FlowRunner.class);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() throws Exception {
        try {
            main.stop();
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
