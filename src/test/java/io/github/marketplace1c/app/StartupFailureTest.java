package io.github.marketplace1c.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line in a child process (the test's own classpath), as an integrator starts it: a start that
 * cannot succeed ends the process at once with a non-zero code and one line naming the setting, instead of leaving
 * a JVM that keeps running with half its threads up.
 */
class StartupFailureTest {

    /** What a start that fails may take, from the process's start to its exit, on a machine at rest. */
    private static final Duration BUDGET = Duration.ofSeconds(5);
    /** A JVM's own start on a machine at rest; on a loaded build machine the budget grows by its excess. */
    private static final Duration JVM_AT_REST = Duration.ofSeconds(1);
    private static Duration jvmStart;

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private int adminPort;

    record Outcome(int exitCode, Duration took, List<String> lines) {
    }

    @BeforeEach
    void aHomeOfItsOwn() throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        for (String file : List.of("application.properties", "accounts.yaml", "status-map.yaml")) {
            Files.copy(Path.of("config", file), config.resolve(file));
        }
        copyTree(Path.of("routes"), home.resolve("routes"));
        // a profile of its own: no sandbox, its own database and admin port; the accounts' keys in the environment
        // (and loopback addresses that answer nothing: no start here ever reaches a real marketplace)
        adminPort = freePort();
        Files.writeString(config.resolve("application-trial.properties"), """
                mp1c.db.url = jdbc:h2:file:{{mp1c.home}}/data/trial
                mp1c.admin.token = trial-admin-token-0123456789
                mp1c.admin.port = %d
                mp1c.onec.configuration = UNF
                mp1c.ozon.baseUrl = http://127.0.0.1:9
                mp1c.wildberries.marketplaceUrl = http://127.0.0.1:9
                mp1c.yandexMarket.baseUrl = http://127.0.0.1:9
                mp1c.onec.baseUrl = http://127.0.0.1:9/base
                """.formatted(adminPort));
        for (String name : List.of("OZON_ROMASHKA_CLIENT_ID", "OZON_ROMASHKA_API_KEY", "OZON_VASILKOV_CLIENT_ID",
                "OZON_VASILKOV_API_KEY", "WB_ROMASHKA_TOKEN", "WB_VASILKOV_TOKEN", "YM_ROMASHKA_API_KEY",
                "YM_VASILKOV_API_KEY")) {
            env.put(name, "trial-" + name.toLowerCase());
        }
    }

    @Test
    void aCommentAtTheEndOfAPropertyLineIsRefusedWithTheLineAndWhatToRemove() throws Exception {
        append("mp1c.onec.configuration = UNF          # UNF, UT or KA\n");

        Outcome outcome = start("--profile", "trial", "--once");

        assertFailedFast(outcome);
        assertThat(outcome.lines().get(0)).contains("config/application-trial.properties line 9")
                .contains("mp1c.onec.configuration").contains("# UNF, UT or KA")
                .contains("put it on a line of its own");
    }

    @Test
    void anUnknownTimeZoneNamesTheSetting() throws Exception {
        append("mp1c.onec.timeZone = Europe/Moskow\n");

        Outcome outcome = start("--profile", "trial", "--once");

        assertFailedFast(outcome);
        assertThat(outcome.lines().get(0)).contains("mp1c.onec.timeZone").contains("'Europe/Moskow'")
                .contains("Europe/Moscow");
    }

    @Test
    void aMissingAccountCredentialNamesTheAccountAndItsVariable() throws Exception {
        env.remove("OZON_VASILKOV_API_KEY");

        Outcome outcome = start("--profile", "trial");

        assertFailedFast(outcome);
        assertThat(outcome.lines().get(0)).contains("ozon-vasilkov").contains("OZON_VASILKOV_API_KEY")
                .contains("paused: true").doesNotContain("OZON_ROMASHKA");
    }

    @Test
    void anUnreachableDatabaseNamesTheSettingAndNotItsPassword() throws Exception {
        env.put("MP1C_DB_URL", "jdbc:postgresql://127.0.0.1:" + freePort() + "/mp1c?password=db-secret-in-url");

        Outcome outcome = start("--profile", "trial");

        assertFailedFast(outcome);
        assertThat(outcome.lines().get(0)).contains("mp1c.db.url").contains("127.0.0.1")
                .contains("refused").doesNotContain("db-secret-in-url");
    }

    @Test
    void anAdminPortInUseNamesTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new java.net.InetSocketAddress("127.0.0.1", adminPort));

            Outcome outcome = start("--profile", "trial", "--setup");

            assertFailedFast(outcome);
            assertThat(outcome.lines().get(0)).contains("mp1c.admin.port = " + adminPort).contains("in use");
        }
    }

    @Test
    void aBadCronNamesTheSetting() throws Exception {
        env.put("MP1C_OZON_ORDERS_CRON", "every five minutes");

        Outcome outcome = start("--profile", "trial");

        assertFailedFast(outcome);
        assertThat(outcome.lines().get(0)).contains("mp1c.ozon.orders.cron").contains("'every five minutes'");
    }

    @Test
    void aFlowWithoutOnceIsACommandLineError() throws Exception {
        Outcome outcome = start("--profile", "trial", "--flow", "ozon-orders");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.lines()).containsExactly(
                "--flow needs --once (java -jar marketplace-1c.jar --once --flow ozon-orders)");
    }

    private void assertFailedFast(Outcome outcome) throws Exception {
        assertThat(outcome.exitCode()).as("exit code; output %s", outcome.lines()).isEqualTo(3);
        assertThat(outcome.lines()).as("output").hasSize(1);
        assertThat(outcome.lines().get(0)).startsWith("marketplace-1c cannot start: ");
        assertThat(outcome.took()).as("time to exit").isLessThan(budget());
    }

    /** 5 s, plus what a JVM that only prints --help takes now beyond a second (the machine's load, not ours). */
    private Duration budget() throws Exception {
        if (jvmStart == null) {
            Outcome help = start("--help");
            assertThat(help.lines()).singleElement().asString().startsWith("Usage:");
            jvmStart = help.took();
        }
        Duration excess = jvmStart.minus(JVM_AT_REST);
        return excess.isNegative() ? BUDGET : BUDGET.plus(excess);
    }

    private void append(String lines) throws IOException {
        Files.writeString(home.resolve("config/application-trial.properties"), lines,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private Outcome start(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.marketplace1c.App", "--home", home.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // nothing of the machine's own settings: only what the test gives
        builder.environment().keySet().removeIf(k -> k.startsWith("MP1C_") || k.startsWith("OZON_")
                || k.startsWith("WB_") || k.startsWith("YM_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        // read while it runs, so a full pipe never holds it
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after 60 s: " + output.get(5, TimeUnit.SECONDS));
        }
        List<String> lines = output.get(5, TimeUnit.SECONDS).lines().filter(l -> !l.isBlank()).toList();
        return new Outcome(process.exitValue(), took, lines);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
