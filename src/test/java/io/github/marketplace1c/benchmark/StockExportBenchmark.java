package io.github.marketplace1c.benchmark;

import io.github.marketplace1c.app.Application;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.onec.OneCStockSeed;
import io.github.marketplace1c.sandbox.ozon.OzonEmulator;
import io.github.marketplace1c.sandbox.wildberries.WildberriesEmulator;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketEmulator;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock export benchmark: N synthetic items × 2 warehouses in the 1C emulator (УТ), exported by the real
 * application to each marketplace emulator over loopback HTTP.
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.marketplace1c.benchmark.StockExportBenchmark -Dexec.args="100000 off"
 * </pre>
 * Arguments: items (100000), limits {@code off} (emulators' limits and our pacing off: throughput and the
 * application's peak heap; the emulators run in a JVM of their own) or {@code on} (the documented limits: total time
 * against the floor they impose, 429/420 answers counted; the emulators in this JVM), marketplaces
 * (ozon,wildberries,yandex-market).
 */
public final class StockExportBenchmark {

    private static final String OZON_TWO = "1020000000002";
    private static final long WB_SECOND_WAREHOUSE = BenchmarkEmulators.WB_SECOND_WAREHOUSE;
    private static final long CHRT_BASE = BenchmarkEmulators.CHRT_BASE;

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean limits = args.length > 1 && args[1].equals("on");
        List<String> marketplaces = List.of((args.length > 2 ? args[2] : "ozon,wildberries,yandex-market").split(","));
        Path temp = Files.createTempDirectory("mp1c-bench");
        Clock clock = Clock.systemUTC();
        if (!limits) {
            separateJvm(items, marketplaces, temp, clock);
            return;
        }
        Vertx vertx = Vertx.vertx();
        OzonEmulator ozon = new OzonEmulator(vertx, clock, true).start("127.0.0.1", 0);
        WildberriesEmulator wildberries = new WildberriesEmulator(vertx, clock, true).start("127.0.0.1", 0);
        YandexMarketEmulator yandexMarket = new YandexMarketEmulator(vertx, clock, true).start("127.0.0.1", 0);
        OneCEmulator onec = new OneCEmulator(vertx, OneCEmulator.Configuration.UT, false).start("127.0.0.1", 0);
        // with the limits on, every answer is kept so the 429/420 answers can be counted
        ozon.recording(limits);
        yandexMarket.recording(limits);
        if (!limits) {
            ozon.rateLimitsOff();
            wildberries.rateLimits(false);
            yandexMarket.rateLimitsOff();
        }
        long setupStart = System.nanoTime();
        onec.seedBulkStock(items, 2);
        wildberries.stocks().addChrtIds(CHRT_BASE, items);
        wildberries.stocks().addWarehouse(SandboxData.WB_ROMASHKA.token(), WB_SECOND_WAREHOUSE);
        for (int i = 0; i < items; i++) {
            ozon.products().register("BULK-" + i);
            yandexMarket.addOffer("BULK-" + i);
        }
        String jdbcUrl = "jdbc:h2:file:" + temp.resolve("mp1c");
        Path accounts = temp.resolve("accounts.yaml");
        Files.writeString(accounts, romashkaOnly(Files.readString(Path.of("config/accounts.yaml"))));
        Map<String, String> overrides = new HashMap<>();
        overrides.put("mp1c.sandbox.enabled", "false");
        overrides.put("mp1c.schedule.enabled", "false");
        overrides.put("mp1c.db.url", jdbcUrl);
        overrides.put("mp1c.accounts.file", accounts.toString());
        overrides.put("mp1c.ozon.baseUrl", ozon.baseUrl());
        overrides.put("mp1c.wildberries.marketplaceUrl", wildberries.baseUrl());
        overrides.put("mp1c.yandex-market.baseUrl", yandexMarket.baseUrl());
        overrides.put("mp1c.onec.baseUrl", onec.baseUrl());
        overrides.put("mp1c.onec.password", "sandbox-1c-password");
        overrides.put("mp1c.admin.port", String.valueOf(freePort()));
        overrides.put("mp1c.observe.port", String.valueOf(freePort()));
        overrides.put("mp1c.admin.token", "benchmark-admin-token-0123456789");
        if (!limits) {
            for (String prefix : List.of("mp1c.ozon", "mp1c.wildberries", "mp1c.yandex-market")) {
                overrides.put(prefix + ".requestsPerSecond", "1000000");
                overrides.put(prefix + ".burst", "1000000");
            }
            overrides.put("mp1c.ozon.stocks.requestsPerMinute", "100000000");
            overrides.put("mp1c.yandex-market.stocks.offersPerMinute", "2000000000");
        }
        Application app = Application.start(new Application.Options("sandbox", Path.of("."), overrides, clock));
        mappings(jdbcUrl, items);
        System.out.printf("setup: %d items x 2 warehouses in %.1f s%n", items, (System.nanoTime() - setupStart) / 1e9);

        System.out.println("marketplace    limits  items sent   seconds   items/s   peak heap MB   floor s   vs floor"
                + "   429/420");
        for (String marketplace : marketplaces) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            List<Journal.RunSummary> runs = app.flows().run(List.of(marketplace + "-stocks"), "benchmark");
            double seconds = (System.nanoTime() - start) / 1e9;
            int sent = runs.stream().mapToInt(Journal.RunSummary::done).sum();
            int lost = runs.stream().mapToInt(r -> r.fetched() - r.done()).sum();
            double floor = limits ? floor(marketplace, sent) : 0;
            long limited = switch (marketplace) {
                case "ozon" -> ozon.recorded().stream().filter(e -> e.status() == 429).count();
                case "wildberries" -> wildberries.recorded().stream().filter(e -> e.status() == 429).count();
                default -> yandexMarket.recorded().stream().filter(e -> e.status() == 420).count();
            };
            System.out.printf("%-14s %-6s %11d %9.1f %9.0f %14.0f %9s %10s %9s%s%n", marketplace, limits ? "on" : "off",
                    sent, seconds, sent / seconds, peakHeapMb(), limits ? String.format("%.1f", floor) : "-",
                    limits ? String.format("%+.1f %%", (seconds / floor - 1) * 100) : "-", limits ? limited : "-",
                    lost == 0 ? "" : "   NOT SENT: " + lost + " " + runs);
        }
        app.close();
        ozon.close();
        wildberries.close();
        yandexMarket.close();
        onec.close();
        vertx.close();
        System.exit(0);
    }

    /**
     * Limits off: the emulators run in a child JVM (BenchmarkEmulators), so the peak heap measured here is the
     * application's own.
     */
    private static void separateJvm(int items, List<String> marketplaces, Path temp, Clock clock) throws Exception {
        Process emulators = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-cp", classPath(), BenchmarkEmulators.class.getName(),
                String.valueOf(items), "off").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String[] urls = null;
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(emulators.getInputStream()));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("URLS ")) {
                    urls = line.substring(5).split(" ");
                    break;
                }
            }
            if (urls == null) {
                throw new IllegalStateException("the emulators' JVM did not start");
            }
            String jdbcUrl = "jdbc:h2:file:" + temp.resolve("mp1c");
            Path accounts = temp.resolve("accounts.yaml");
            Files.writeString(accounts, romashkaOnly(Files.readString(Path.of("config/accounts.yaml"))));
            Map<String, String> overrides = new HashMap<>();
            overrides.put("mp1c.sandbox.enabled", "false");
            overrides.put("mp1c.schedule.enabled", "false");
            overrides.put("mp1c.db.url", jdbcUrl);
            overrides.put("mp1c.accounts.file", accounts.toString());
            overrides.put("mp1c.ozon.baseUrl", urls[0]);
            overrides.put("mp1c.wildberries.marketplaceUrl", urls[1]);
            overrides.put("mp1c.yandex-market.baseUrl", urls[2]);
            overrides.put("mp1c.onec.baseUrl", urls[3]);
            overrides.put("mp1c.onec.password", "sandbox-1c-password");
            overrides.put("mp1c.admin.port", String.valueOf(freePort()));
            overrides.put("mp1c.observe.port", String.valueOf(freePort()));
            overrides.put("mp1c.admin.token", "benchmark-admin-token-0123456789");
            for (String prefix : List.of("mp1c.ozon", "mp1c.wildberries", "mp1c.yandex-market")) {
                overrides.put(prefix + ".requestsPerSecond", "1000000");
                overrides.put(prefix + ".burst", "1000000");
            }
            overrides.put("mp1c.ozon.stocks.requestsPerMinute", "100000000");
            overrides.put("mp1c.yandex-market.stocks.offersPerMinute", "2000000000");
            Application app = Application.start(new Application.Options("sandbox", Path.of("."), overrides, clock));
            mappings(jdbcUrl, items);
            System.out.printf("%d items x 2 warehouses; the emulators in their own JVM, the application in this one "
                    + "(max heap %d MB)%n", items, Runtime.getRuntime().maxMemory() / 1024 / 1024);
            System.out.println("marketplace    limits  items sent   seconds   items/s   application peak heap MB");
            for (String marketplace : marketplaces) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                List<Journal.RunSummary> runs = app.flows().run(List.of(marketplace + "-stocks"), "benchmark");
                double seconds = (System.nanoTime() - start) / 1e9;
                int sent = runs.stream().mapToInt(Journal.RunSummary::done).sum();
                int lost = runs.stream().mapToInt(r -> r.fetched() - r.done()).sum();
                System.out.printf("%-14s %-6s %11d %9.1f %9.0f %26.0f%s%n", marketplace, "off", sent, seconds,
                        sent / seconds, peakHeapMb(), lost == 0 ? "" : "   NOT SENT: " + lost + " " + runs);
            }
            app.close();
        } finally {
            emulators.destroyForcibly();
        }
        System.exit(0);
    }

    /** This program's class path (under exec:java it is the plugin's class loader, not java.class.path). */
    private static String classPath() {
        List<String> entries = new java.util.ArrayList<>();
        for (ClassLoader loader = StockExportBenchmark.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof java.net.URLClassLoader urls) {
                for (java.net.URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The floor the documented limits impose: the requests (or items) needed ÷ the allowed rate. */
    private static double floor(String marketplace, int items) {
        return switch (marketplace) {
            case "ozon" -> Math.ceil(items / 100.0) / 80.0 * 60;                           // 80 requests a minute
            case "wildberries" -> Math.ceil(items / 1000.0) / 5.0;                           // 300 requests a minute
            default -> items / 100_000.0 * 60;                                             // 100,000 SKUs a minute
        };
    }

    private static String romashkaOnly(String accountsYaml) {
        StringBuilder out = new StringBuilder("accounts:\n");
        for (String block : accountsYaml.substring(accountsYaml.indexOf("accounts:") + 9).split("\n(?=  - id: )")) {
            if (block.contains("romashka")) {
                out.append(block.stripTrailing()).append("\n");
            }
        }
        return out.toString();
    }

    /** 100,000 rows a marketplace go in with JDBC batches, not through the admin API. */
    static void mappings(String jdbcUrl, int items) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement product = connection.prepareStatement("INSERT INTO product_map (marketplace, "
                    + "account_id, product_key, nomenclature_ref, updated_at) VALUES (?, '', ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < items; i++) {
                    String ref = OneCStockSeed.bulkItemRef(i);
                    for (String[] key : new String[][] {{"ozon", "BULK-" + i}, {"yandex-market", "BULK-" + i},
                        {"wildberries", String.valueOf(CHRT_BASE + i)}}) {
                        product.setString(1, key[0]);
                        product.setString(2, key[1]);
                        product.setString(3, ref);
                        product.setTimestamp(4, now);
                        product.addBatch();
                    }
                    if (i % 5000 == 4999) {
                        product.executeBatch();
                    }
                }
                product.executeBatch();
            }
            try (PreparedStatement source = connection.prepareStatement("INSERT INTO stock_source (marketplace, "
                    + "account_id, warehouse_key, onec_warehouse_ref) VALUES (?, ?, ?, ?)")) {
                String main = SandboxData.MAIN_WAREHOUSE.ref();
                String kazan = SandboxData.KAZAN_WAREHOUSE.ref();
                Object[][] rows = {
                    {"ozon", "ozon-romashka", "1020000000001", main}, {"ozon", "ozon-romashka", OZON_TWO, kazan},
                    {"wildberries", "wb-romashka", "1101001", main},
                    {"wildberries", "wb-romashka", String.valueOf(WB_SECOND_WAREHOUSE), kazan},
                    {"yandex-market", "ym-romashka", "ym-romashka-fbs", main},
                    // a Market account is one campaign with one warehouse: both 1C warehouses feed it
                    {"yandex-market", "ym-romashka", "ym-romashka-fbs", kazan}};
                for (Object[] row : rows) {
                    for (int c = 0; c < 4; c++) {
                        source.setString(c + 1, (String) row[c]);
                    }
                    source.addBatch();
                }
                source.executeBatch();
            }
            connection.commit();
        }
    }

    /** The largest heap in use, sampled every 10 ms (the pools' own peaks, summed, overstate it). */
    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

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

    private static void resetPeaks() {
        PEAK.set(0);
    }

    private static double peakHeapMb() {
        return PEAK.get() / 1024.0 / 1024.0;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private StockExportBenchmark() {
    }
}
