package io.github.marketplace1c.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.marketplace1c.testing.AppProcess;
import io.github.marketplace1c.testing.AppProcess.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

    @TempDir
    Path home;

    private AppProcess app;
    private Map<String, String> env;
    private int adminPort;

    @BeforeEach
    void aHomeOfItsOwn() throws Exception {
        app = new AppProcess(home).withAccountKeys();
        env = app.env;
        // a profile of its own: no sandbox, its own database and admin port, loopback addresses that answer nothing
        // (no start here ever reaches a real marketplace)
        adminPort = AppProcess.freePort();
        Files.writeString(home.resolve("config/application-trial.properties"), """
                mp1c.db.url = jdbc:h2:file:{{mp1c.home}}/data/trial
                mp1c.admin.token = trial-admin-token-0123456789
                mp1c.admin.port = %d
                mp1c.onec.configuration = UNF
                mp1c.ozon.baseUrl = http://127.0.0.1:9
                mp1c.wildberries.marketplaceUrl = http://127.0.0.1:9
                mp1c.yandex-market.baseUrl = http://127.0.0.1:9
                mp1c.onec.baseUrl = http://127.0.0.1:9/base
                """.formatted(adminPort));
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
        env.put("MP1C_DB_URL", "jdbc:postgresql://127.0.0.1:" + AppProcess.freePort() + "/mp1c?password=db-secret-in-url");

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

    private static void assertFailedFast(Outcome outcome) {
        assertThat(outcome.exitCode()).as("exit code; output %s", outcome.lines()).isEqualTo(3);
        assertThat(outcome.lines()).as("output").hasSize(1);
        assertThat(outcome.lines().get(0)).startsWith("marketplace-1c cannot start: ");
        assertThat(outcome.took()).as("time to exit (load %.1f)", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()).isLessThan(budget());
    }

    /**
     * 5 s on a machine at rest; on a loaded build machine (several builds on two cores) 5 s times the load per core,
     * which is the machine's doing, not the application's. A process that hangs fails either way.
     */
    private static Duration budget() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                / Runtime.getRuntime().availableProcessors();
        return load <= 1 ? BUDGET : Duration.ofMillis((long) (BUDGET.toMillis() * load));
    }

    private void append(String lines) throws IOException {
        Files.writeString(home.resolve("config/application-trial.properties"), lines,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private Outcome start(String... args) throws Exception {
        return app.run(Duration.ofMinutes(2), args);
    }
}
