package io.github.marketplace1c;

import io.github.marketplace1c.app.Application;
import io.github.marketplace1c.app.DryRun;
import io.github.marketplace1c.app.RunSummaries;
import io.github.marketplace1c.journal.Journal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar marketplace-1c.jar [--profile sandbox|prod] [--home DIR] [--once [--summary FILE]]}.
 * Without {@code --once} the flows run on their schedules and the admin API serves until the process is stopped.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws Exception {
        String profile = env("MP1C_PROFILE", "sandbox");
        Path home = Path.of(".");
        boolean once = false;
        boolean dryRun = false;
        Path summary = null;
        Path previewDir = Path.of("data", "preview");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = args[++i];
                case "--home" -> home = Path.of(args[++i]);
                case "--once" -> once = true;
                case "--summary" -> summary = Path.of(args[++i]);
                case "--dry-run" -> dryRun = true;
                case "--preview-dir" -> previewDir = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("Usage: java -jar marketplace-1c.jar [--profile sandbox|prod] [--home DIR] "
                            + "[--once [--summary FILE.json]] [--once --dry-run [--preview-dir DIR]]");
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + args[i] + " (see --help)");
                    System.exit(2);
                }
            }
        }
        Map<String, String> overrides = once ? Map.of("mp1c.schedule.enabled", "false") : Map.of();
        Application application = Application.start(new Application.Options(profile, home, overrides,
                Clock.systemUTC()));
        if (once && dryRun) {
            try {
                DryRun.print(application, previewDir);
            } finally {
                application.close();
            }
            System.exit(0);
        }
        if (once) {
            int exit = 0;
            try {
                List<Journal.RunSummary> runs = application.flows().run(application.flows().flowNames(), "once");
                System.out.println(RunSummaries.table(runs));
                if (summary != null) {
                    RunSummaries.writeJson(runs, summary);
                    System.out.println("Summary written to " + summary.toAbsolutePath());
                }
                exit = runs.stream().anyMatch(r -> "FAILED".equals(r.status())) ? 1 : 0;
            } finally {
                application.close();
            }
            System.exit(exit);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                application.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
