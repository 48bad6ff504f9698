package io.github.marketplace1c.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums a JFR recording up by package: where the CPU went ({@code jdk.ExecutionSample}, by the top frame and by who
 * is on the stack — our code, the emulators, Camel, Jackson, H2, Vert.x/Netty, the JDK) and where threads waited
 * (socket reads, parks, sleeps, monitor waits, by the nearest frame of ours or of an emulator).
 *
 * <pre>
 * java -cp target/test-classes io.github.marketplace1c.benchmark.JfrSummary /tmp/orders.jfr [top]
 * </pre>
 */
public final class JfrSummary {

    private static final List<String[]> GROUPS = List.of(
            new String[] {"io.github.marketplace1c.sandbox.onec.", "emulators: 1C"},
            new String[] {"io.github.marketplace1c.sandbox.ozon.", "emulators: Ozon"},
            new String[] {"io.github.marketplace1c.sandbox.", "emulators: other"},
            new String[] {"io.github.marketplace1c.", "ours (application)"},
            new String[] {"org.apache.camel.", "Camel"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"org.h2.", "H2"},
            new String[] {"io.vertx.", "Vert.x/Netty"},
            new String[] {"io.netty.", "Vert.x/Netty"},
            new String[] {"org.apache.hc.", "Apache HttpClient"},
            new String[] {"org.springframework.", "Spring JDBC"},
            new String[] {"com.zaxxer.", "HikariCP"},
            new String[] {"org.apache.maven.", "Maven"},
            new String[] {"org.codehaus.", "Maven"},
            new String[] {"java.", "JDK"},
            new String[] {"javax.", "JDK"},
            new String[] {"jdk.", "JDK"},
            new String[] {"sun.", "JDK"});
    private static final List<String> WAITS = List.of("jdk.SocketRead", "jdk.ThreadPark", "jdk.ThreadSleep",
            "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.FileForce", "jdk.FileWrite", "jdk.FileRead");

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Long> selfByGroup = new HashMap<>();
        Map<String, Long> onStack = new HashMap<>();
        Map<String, Long> selfByMethod = new HashMap<>();
        Map<String, Long> oursByMethod = new HashMap<>();
        Map<String, Duration> waits = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                selfByGroup.merge(group(frames.get(0)), 1L, Long::sum);
                selfByMethod.merge(method(frames.get(0)), 1L, Long::sum);
                frames.stream().map(JfrSummary::group).distinct()
                        .forEach(g -> onStack.merge(g, 1L, Long::sum));
                frames.stream().filter(f -> group(f).startsWith("ours")).findFirst()
                        .ifPresent(f -> oursByMethod.merge(method(f), 1L, Long::sum));
            } else if (WAITS.contains(type) && !event.getThread().getJavaName().startsWith("JFR")) {
                RecordedFrame nearest = frames.stream().filter(f -> group(f).startsWith("ours")
                        || group(f).startsWith("emulators")).findFirst().orElse(frames.get(0));
                waits.merge(type + " in " + method(nearest) + " [" + thread(event) + "]", event.getDuration(),
                        Duration::plus);
            }
        }
        System.out.println("execution samples: " + samples);
        print("CPU by the top frame's package (self)", selfByGroup, samples, top, n -> n + "");
        print("CPU by package anywhere on the stack (inclusive; a sample counts for each package on it)", onStack,
                samples, top, n -> n + "");
        print("hottest top frames", selfByMethod, samples, top, n -> n + "");
        print("hottest methods of ours (the nearest frame of ours in each sample)", oursByMethod, samples, top,
                n -> n + "");
        System.out.println("\nwaiting (JFR's thresholds: 10-20 ms events only), by the nearest frame of ours or of "
                + "an emulator, and thread:");
        waits.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %8.1f s  %s%n", e.getValue().toMillis() / 1000.0, e.getKey()));
    }

    private static void print(String title, Map<String, Long> counts, long samples, int top,
                              Function<Long, String> label) {
        System.out.println("\n" + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %7s  %s%n", 100.0 * e.getValue() / samples,
                        label.apply(e.getValue()), e.getKey()));
    }

    private static String thread(RecordedEvent event) {
        String name = event.getThread() == null ? "?" : event.getThread().getJavaName();
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }

    private static String group(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        for (String[] g : GROUPS) {
            if (type.startsWith(g[0])) {
                return g[1];
            }
        }
        return "other (" + type.replaceAll("^((?:[^.]+\\.){1,2}).*", "$1") + ")";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private JfrSummary() {
    }

}
