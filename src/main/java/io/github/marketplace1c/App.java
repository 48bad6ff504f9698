package io.github.marketplace1c;

import io.github.marketplace1c.app.Application;
import io.github.marketplace1c.app.DryRun;
import io.github.marketplace1c.app.RunSummaries;
import io.github.marketplace1c.journal.Journal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar marketplace-1c.jar [--profile sandbox|prod] [--home DIR]
 * [--once [--flow NAME]... [--summary FILE]] [--setup]}. Without {@code --once} the flows run on their schedules
 * and the admin API serves until the process is stopped; {@code --setup} serves the admin API and the console
 * with no schedule at all.
 */
public final class App {

    static final String USAGE = "Usage: java -jar marketplace-1c.jar [--profile sandbox|prod] [--home DIR] "
            + "[--once [--flow NAME[,NAME]]... [--summary FILE.json]] [--once --dry-run [--preview-dir DIR]] [--setup]";

    /** Exit codes: a run that failed as a whole, a command line that is wrong, an application that cannot start. */
    static final int RUN_FAILED = 1;
    static final int BAD_COMMAND_LINE = 2;
    static final int CANNOT_START = 3;

    private App() {
    }

    public static void main(String[] args) throws Exception {
        String profile = env("MP1C_PROFILE", "sandbox");
        Path home = Path.of(".");
        boolean once = false;
        boolean dryRun = false;
        boolean setup = false;
        Path summary = null;
        Path previewDir = Path.of("data", "preview");
        List<String> flows = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = argument(args, ++i, "--profile");
                case "--home" -> home = Path.of(argument(args, ++i, "--home"));
                case "--once" -> once = true;
                case "--flow" -> {
                    for (String flow : argument(args, ++i, "--flow").split(",")) {
                        if (!flow.isBlank()) {
                            flows.add(flow.trim());
                        }
                    }
                }
                case "--summary" -> summary = Path.of(argument(args, ++i, "--summary"));
                case "--dry-run" -> dryRun = true;
                case "--preview-dir" -> previewDir = Path.of(argument(args, ++i, "--preview-dir"));
                case "--setup" -> setup = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> refuse("Unknown option " + args[i] + " (see --help)");
            }
        }
        if (!flows.isEmpty() && !once) {
            refuse("--flow needs --once (java -jar marketplace-1c.jar --once --flow ozon-orders)");
        }
        if (setup && once) {
            refuse("--setup and --once exclude each other: --setup runs no flow until you start without it");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        if (once || setup) {
            overrides.put("mp1c.schedule.enabled", "false");
        }
        Application application = startOrExit(new Application.Options(profile, home, overrides, Clock.systemUTC()));
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
                List<String> chosen = flows.isEmpty() ? application.flows().flowNames() : flows;
                List<String> unknown = chosen.stream().filter(f -> !application.flows().flowNames().contains(f))
                        .toList();
                if (!unknown.isEmpty()) {
                    System.err.println("Unknown flow " + String.join(", ", unknown) + "; the flows are: "
                            + String.join(", ", application.flows().flowNames()));
                    exit = BAD_COMMAND_LINE;
                } else {
                    List<Journal.RunSummary> runs = application.flows().run(chosen, "once");
                    System.out.println(RunSummaries.table(runs));
                    if (summary != null) {
                        RunSummaries.writeJson(runs, summary);
                        System.out.println("Summary written to " + summary.toAbsolutePath());
                    }
                    exit = runs.stream().anyMatch(r -> "FAILED".equals(r.status())) ? RUN_FAILED : 0;
                }
            } finally {
                application.close();
            }
            System.exit(exit);
        }
        if (setup) {
            System.out.println("Setup mode: no flow runs and nothing is polled. Import the mappings through the admin "
                    + "API or the console, then stop this (Ctrl+C) and start without --setup (docs/setup.md).");
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

    /**
     * Starts the application, or says in one line why it cannot and ends the process at once: the threads a
     * half-started application leaves (HTTP server, scheduler, connection pool) would otherwise keep it alive.
     */
    private static Application startOrExit(Application.Options options) {
        try {
            return Application.start(options);
        } catch (Throwable e) {
            System.err.println("marketplace-1c cannot start: " + Application.startupProblem(e));
            System.err.flush();
            // halt, not exit: nothing was started that a shutdown hook must stop cleanly, and a hook waiting on a
            // half-started context would hold the process
            Runtime.getRuntime().halt(CANNOT_START);
            throw new IllegalStateException("unreachable");
        }
    }

    private static String argument(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            refuse(option + " needs a value (see --help)");
        }
        return args[i];
    }

    private static void refuse(String message) {
        System.err.println(message);
        System.exit(BAD_COMMAND_LINE);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
