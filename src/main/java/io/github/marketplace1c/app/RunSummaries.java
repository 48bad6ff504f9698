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

    /**
     * One row per run. Dead letters are split in two: {@code new} were parked for the first time by this run,
     * {@code still waiting} were already open (the same record parked again, e.g. an unmapped product on every
     * poll). fetched = done + skipped + new + still waiting.
     */
    public static String table(List<Journal.RunSummary> runs) {
        StringBuilder out = new StringBuilder();
        String format = "%-14s %-12s %-18s %8s %6s %8s %17s %14s  %s%n";
        out.append(String.format(format, "marketplace", "flow", "account", "fetched", "done", "skipped",
                "new dead letters", "still waiting", "status"));
        for (Journal.RunSummary run : runs) {
            out.append(String.format(format, run.marketplace(), run.flow(), run.accountId(), run.fetched(), run.done(),
                    run.skipped(), run.newDeadLetters(), run.stillWaiting(),
                    run.status() + (run.message() == null ? "" : " — " + run.message())));
        }
        if (runs.isEmpty()) {
            out.append("(no account to run: none is enabled and unpaused in accounts.yaml)\n");
        }
        return out.toString();
    }

    /** {@code deadLetters} is all of a run's dead letters, {@code newDeadLetters} + {@code stillWaiting}. */
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
            row.put("newDeadLetters", run.newDeadLetters());
            row.put("stillWaiting", run.stillWaiting());
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
