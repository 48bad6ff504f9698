package io.github.marketplace1c.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/contracts.md as data: one section per operation we call,
 * {@code ### <system> <METHOD> <path>}, a line {@code Spec: `<file under contracts/>`, answer <status>.}, and a
 * table {@code | field path | money | what we do | where / why |} with one row per field of the answer.
 */
public final class ContractsDoc {

    public static final Path FILE = Path.of("docs/contracts.md");
    public static final Path CONTRACTS = Path.of("src/test/resources/contracts");

    private static final Pattern HEADING = Pattern.compile(
            "^### (ozon|wildberries|yandex-market|1c-ut|1c-unf) (GET|POST|PUT|PATCH|DELETE) (\\S+)\\s*$");
    private static final Pattern SPEC = Pattern.compile("^Spec: `([^`]+)`, answer (\\d{3})");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|([^|]*)\\|([^|]*)\\|(.*)\\|\\s*$");

    /** What we do with a field. */
    public enum Use { READ, IGNORED, PARKED }

    public record Row(String path, boolean money, Use use, String where, int line) {
    }

    public record Operation(String system, String method, String path, String spec, String status,
                            Map<String, Row> rows, int line) {
        public String key() {
            return system + " " + method + " " + path;
        }

        public Path specFile() {
            return CONTRACTS.resolve(spec);
        }
    }

    private ContractsDoc() {
    }

    public static List<Operation> read() {
        return read(FILE);
    }

    public static List<Operation> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Operation> operations = new ArrayList<>();
        String[] current = null;
        Map<String, Row> rows = null;
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                if (current != null) {
                    operations.add(operation(current, rows, at));
                }
                current = new String[] {heading.group(1), heading.group(2), heading.group(3), null, null};
                rows = new LinkedHashMap<>();
                at = i + 1;
                continue;
            }
            if (line.startsWith("## ") || line.startsWith("### ")) {
                if (current != null) {
                    operations.add(operation(current, rows, at));
                }
                current = null;
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher spec = SPEC.matcher(line);
            if (spec.find()) {
                current[3] = spec.group(1);
                current[4] = spec.group(2);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String use = row.group(3).trim().toLowerCase();
                Use parsed = use.startsWith("read") ? Use.READ : use.startsWith("ignored") ? Use.IGNORED
                        : use.startsWith("parked") ? Use.PARKED : null;
                if (parsed == null) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": 'what we do' must be read, ignored or"
                            + " parked, not '" + use + "'");
                }
                rows.put(row.group(1), new Row(row.group(1), row.group(2).trim().equalsIgnoreCase("yes"), parsed,
                        row.group(4).trim(), i + 1));
            }
        }
        if (current != null) {
            operations.add(operation(current, rows, at));
        }
        return operations;
    }

    private static Operation operation(String[] h, Map<String, Row> rows, int line) {
        if (h[3] == null) {
            throw new IllegalStateException(FILE + ":" + line + ": " + h[0] + " " + h[1] + " " + h[2]
                    + " has no 'Spec: `file`, answer NNN' line");
        }
        return new Operation(h[0], h[1], h[2], h[3], h[4], rows, line);
    }
}
