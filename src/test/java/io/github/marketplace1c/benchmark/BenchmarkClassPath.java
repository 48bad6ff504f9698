package io.github.marketplace1c.benchmark;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the benchmarks need to start a JVM of emulators next to themselves and to run one account alone. */
final class BenchmarkClassPath {

    private BenchmarkClassPath() {
    }

    /** The class path of this program (under exec:java it is the plugin's class loader, not java.class.path). */
    static String of(Class<?> main) {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = main.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    /** config/accounts.yaml cut down to the one account with that id. */
    static String onlyAccount(String accountsYaml, String id) {
        StringBuilder out = new StringBuilder("accounts:\n");
        for (String block : accountsYaml.substring(accountsYaml.indexOf("accounts:") + 9).split("\n(?=  - id: )")) {
            if (block.strip().matches("(?s)- id: " + java.util.regex.Pattern.quote(id) + "\\s.*")) {
                out.append("  ").append(block.strip()).append("\n");
            }
        }
        return out.toString();
    }
}
