package io.github.marketplace1c.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.marketplace1c.journal.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The --once summary: a table for people, JSON for monitoring scripts. */
public final class RunSummaries {

    private RunSummaries() {
    }

    public static String table(List<Journal.RunSummary> runs) {
        StringBuilder out = new StringBuilder();
        String format = "%-14s %-12s %-18s %8s %6s %8s %13s  %s%n";
        out.append(String.format(format, "marketplace", "flow", "account", "fetched", "done", "skipped", "dead letters",
                "status"));
        for (Journal.RunSummary run : runs) {
            out.append(String.format(format, run.marketplace(), run.flow(), run.accountId(), run.fetched(), run.done(),
                    run.skipped(), run.deadLetters(), run.status() + (run.message() == null ? "" : " — " + run.message())));
        }
        if (runs.isEmpty()) {
            out.append("(no enabled accounts: nothing ran)\n");
        }
        return out.toString();
    }

    public static List<Map<String, Object>> rows(List<Journal.RunSummary> runs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Journal.RunSummary run : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("marketplace", run.marketplace());
            row.put("flow", run.flow());
            row.put("account", run.accountId());
            row.put("fetched", run.fetched());
            row.put("done", run.done());
            row.put("skipped", run.skipped());
            row.put("deadLetters", run.deadLetters());
            row.put("status", run.status());
            row.put("runId", run.runId());
            rows.add(row);
        }
        return rows;
    }

    public static void writeJson(List<Journal.RunSummary> runs, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(rows(runs)));
    }
}
