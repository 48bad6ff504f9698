package io.github.marketplace1c.benchmark;

import io.github.marketplace1c.app.Application;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.sandbox.Sandbox;
import io.github.marketplace1c.sandbox.SandboxClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The orders benchmark: N Ozon FBS postings of one account (mapped offers only) loaded by the real application —
 * its routes ({@code ozon-orders}: the page call with camel-http, translate, screen, claim, map, read back by the
 * external number, create, post, journal), its H2 database and 1C client — into the 1C emulator (УТ 11) over
 * loopback HTTP. Then the flow runs again, and 1C must hold exactly N documents, one per posting, all posted.
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.marketplace1c.benchmark.OrdersBenchmark -Dexec.args="10000 separate"
 * </pre>
 * Arguments: orders (10000); {@code separate} (the emulators in a JVM of their own, so this JVM's CPU and heap are
 * the application's alone) or {@code same} (one JVM: one profile shows the application and the emulators side by
 * side). With {@code -Dmp1c.bench.emulatorsJfr=<file>} the emulators' JVM records a JFR profile into that file.
 */
public final class OrdersBenchmark {

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean separate = args.length < 2 || !args[1].equals("same");
        Clock clock = SandboxClock.startingAt(SandboxClock.START);
        Path temp = Files.createTempDirectory("mp1c-orders-bench");
        long setupStart = System.nanoTime();
        Process child = null;
        OrdersEmulators inProcess = null;
        String[] urls;
        Supplier<long[]> check;
        if (separate) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
            String jfr = System.getProperty("mp1c.bench.emulatorsJfr");
            if (jfr != null) {
                command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
            }
            command.addAll(List.of("-cp", BenchmarkClassPath.of(OrdersBenchmark.class),
                    OrdersEmulators.class.getName(), String.valueOf(orders)));
            child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            PrintStream writer = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
            urls = awaitLine(reader, "URLS ");
            check = () -> {
                writer.println("CHECK");
                try {
                    String[] c = awaitLine(reader, "DOCS ");
                    return new long[] {Long.parseLong(c[0]), Long.parseLong(c[1]), Long.parseLong(c[2]),
                        Long.parseLong(c[3])};
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        } else {
            inProcess = new OrdersEmulators(orders, clock);
            urls = inProcess.urls().split(" ");
            check = inProcess::check;
        }
        try {
            Application app = Application.start(new Application.Options("sandbox", Path.of("."),
                    overrides(temp, urls[0], urls[1]), clock));
            Sandbox.seedMappings(app.bean("productMappings", MappingTable.class),
                    app.bean("warehouseMappings", MappingTable.class));
            System.out.printf("setup: %d Ozon postings, %s, in %.1f s; this JVM's max heap %d MB%n", orders,
                    separate ? "the emulators in their own JVM" : "the emulators in this JVM",
                    (System.nanoTime() - setupStart) / 1e9, Runtime.getRuntime().maxMemory() / 1024 / 1024);
            System.out.println("run     fetched     done  skipped  dead letters   seconds  orders/s  peak heap MB"
                    + "  CPU ms/order: this JVM  emulators' JVM   1C documents  distinct numbers  posted  unknown");
            for (String run : List.of("first", "again")) {
                System.gc();
                PEAK.set(0);
                long cpuBefore = cpu();
                long childBefore = child == null ? 0 : childCpu(child);
                long start = System.nanoTime();
                List<Journal.RunSummary> runs = app.flows().run(List.of("ozon-orders"), "benchmark");
                double seconds = (System.nanoTime() - start) / 1e9;
                double peak = PEAK.get() / 1024.0 / 1024.0;
                double ownCpu = (cpu() - cpuBefore) / 1e6;
                double childMs = child == null ? 0 : (childCpu(child) - childBefore) / 1e6;
                int fetched = runs.stream().mapToInt(Journal.RunSummary::fetched).sum();
                int done = runs.stream().mapToInt(Journal.RunSummary::done).sum();
                int skipped = runs.stream().mapToInt(Journal.RunSummary::skipped).sum();
                int dead = runs.stream().mapToInt(Journal.RunSummary::deadLetters).sum();
                long[] onec = check.get();
                boolean exact = onec[0] == orders && onec[1] == orders && onec[2] == orders && onec[3] == 0;
                int perOrder = Math.max(1, done);
                System.out.printf("%-6s %8d %8d %8d %13d %9.1f %9.0f %13.0f %24.2f %15s %14d %17d %7d %8d%s%n", run,
                        fetched, done, skipped, dead, seconds, done / seconds, peak, ownCpu / perOrder,
                        child == null ? "-" : String.format("%.2f", childMs / perOrder), onec[0], onec[1], onec[2],
                        onec[3],
                        exact ? "" : "   NOT EXACTLY " + orders + " DOCUMENTS: " + runs);
            }
            app.close();
        } finally {
            if (child != null) {
                child.getOutputStream().close(); // the emulators' JVM ends (and writes its JFR file) on end of input
                if (!child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            if (inProcess != null) {
                inProcess.close();
            }
        }
        System.exit(0);
    }

    private static Map<String, String> overrides(Path temp, String ozonUrl, String onecUrl) throws Exception {
        Path accounts = temp.resolve("accounts.yaml");
        Files.writeString(accounts, BenchmarkClassPath.onlyAccount(Files.readString(Path.of("config/accounts.yaml")),
                "ozon-romashka"));
        Map<String, String> overrides = new HashMap<>();
        overrides.put("mp1c.sandbox.enabled", "false");
        overrides.put("mp1c.schedule.enabled", "false");
        overrides.put("mp1c.db.url", "jdbc:h2:file:" + temp.resolve("mp1c"));
        overrides.put("mp1c.accounts.file", accounts.toString());
        overrides.put("mp1c.ozon.baseUrl", ozonUrl);
        overrides.put("mp1c.onec.baseUrl", onecUrl);
        overrides.put("mp1c.onec.configuration", "UT");
        overrides.put("mp1c.onec.password", "sandbox-1c-password");
        overrides.put("mp1c.admin.port", String.valueOf(freePort()));
        overrides.put("mp1c.admin.token", "benchmark-admin-token-0123456789");
        // our pacing off: the emulator's limit is off too, so what is measured is the work, not the waiting
        overrides.put("mp1c.ozon.requestsPerSecond", "1000000");
        overrides.put("mp1c.ozon.burst", "1000000");
        return overrides;
    }

    /** CPU time this JVM has used, every thread (nanoseconds). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long childCpu(Process child) {
        return child.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static String[] awaitLine(BufferedReader reader, String prefix) throws Exception {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).split(" ");
            }
        }
        throw new IllegalStateException("the emulators' JVM ended without a line " + prefix.trim());
    }

    /** The largest heap in use, sampled every 10 ms. */
    private static final AtomicLong PEAK = new AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            while (true) {
                PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private OrdersBenchmark() {
    }
}
