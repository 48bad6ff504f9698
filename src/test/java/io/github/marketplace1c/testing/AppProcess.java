package io.github.marketplace1c.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real command line ({@code io.github.marketplace1c.App}) in a child JVM on the test's own classpath, from a
 * home folder of its own holding a copy of the project's {@code config/} and {@code routes/}. The environment is
 * the test's only: none of the machine's MP1C_ or account variables leak in.
 */
public final class AppProcess {

    public record Outcome(int exitCode, Duration took, List<String> lines) {
    }

    public final Path home;
    public final Map<String, String> env = new HashMap<>();

    public AppProcess(Path home) throws IOException {
        this.home = home;
        copyTree(Path.of("config"), home.resolve("config"));
        copyTree(Path.of("routes"), home.resolve("routes"));
    }

    /** The sandbox's account keys in the environment (a profile other than sandbox reads them from there). */
    public AppProcess withAccountKeys() {
        for (String name : List.of("OZON_ROMASHKA_CLIENT_ID", "OZON_ROMASHKA_API_KEY", "OZON_VASILKOV_CLIENT_ID",
                "OZON_VASILKOV_API_KEY", "WB_ROMASHKA_TOKEN", "WB_VASILKOV_TOKEN", "YM_ROMASHKA_API_KEY",
                "YM_VASILKOV_API_KEY")) {
            env.put(name, "trial-" + name.toLowerCase());
        }
        return this;
    }

    /** The sandbox on free ports, so that a test never meets another sandbox already running on this machine. */
    public AppProcess sandboxOnFreePorts() {
        int ozon = freePort();
        int wildberries = freePort();
        int yandexMarket = freePort();
        int onec = freePort();
        env.put("MP1C_SANDBOX_OZON_PORT", String.valueOf(ozon));
        env.put("MP1C_SANDBOX_WILDBERRIES_PORT", String.valueOf(wildberries));
        env.put("MP1C_SANDBOX_YANDEX_MARKET_PORT", String.valueOf(yandexMarket));
        env.put("MP1C_SANDBOX_ONEC_PORT", String.valueOf(onec));
        env.put("MP1C_OZON_BASEURL", "http://127.0.0.1:" + ozon);
        env.put("MP1C_WILDBERRIES_MARKETPLACEURL", "http://127.0.0.1:" + wildberries);
        env.put("MP1C_YANDEX_MARKET_BASEURL", "http://127.0.0.1:" + yandexMarket);
        env.put("MP1C_ONEC_BASEURL", "http://127.0.0.1:" + onec + "/sandbox");
        env.put("MP1C_ADMIN_PORT", String.valueOf(freePort()));
        return this;
    }

    /** Runs it to its end (at most {@code limit}); a process still running then is killed and fails the test. */
    public Outcome run(Duration limit, String... args) throws Exception {
        Process process = start(args);
        var output = CompletableFuture.supplyAsync(() -> read(process));
        long started = System.nanoTime();
        boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!ended) {
            kill(process);
            throw new AssertionError("still running after " + limit + ": " + output.get(5, TimeUnit.SECONDS));
        }
        List<String> lines = output.get(5, TimeUnit.SECONDS).lines().filter(l -> !l.isBlank()).toList();
        return new Outcome(process.exitValue(), took, lines);
    }

    /** Starts it and leaves it running: stdout and stderr together in {@link Process#getInputStream()}. */
    public Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.marketplace1c.App", "--home", home.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MP1C_") || k.startsWith("OZON_")
                || k.startsWith("WB_") || k.startsWith("YM_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        return builder.start();
    }

    public static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
