package io.github.marketplace1c.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.marketplace1c.inventory.Previews;
import io.github.marketplace1c.inventory.PriceLine;
import io.github.marketplace1c.inventory.StockLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --once --dry-run}: what the stock export would send now, per account and marketplace warehouse, printed and
 * written as CSV and JSON (every line: item, 1C value, rule, value to send, previous value). Nothing is sent and
 * nothing is written to 1C.
 */
public final class DryRun {

    private DryRun() {
    }

    public static void print(Application application, Path directory) throws IOException {
        List<StockLine> lines = application.bean("previews", Previews.class).stocks(null);
        Map<String, int[]> totals = new TreeMap<>();
        for (StockLine line : lines) {
            int[] counts = totals.computeIfAbsent(line.accountId() + "\t" + line.warehouseKey(), k -> new int[3]);
            counts[0]++;
            if (line.changed()) {
                counts[1]++;
                counts[2] += (int) Math.min(Integer.MAX_VALUE, line.value());
            }
        }
        String format = "%-18s %-20s %7s %8s %12s%n";
        StringBuilder out = new StringBuilder("Stock export preview (dry run: nothing is sent)\n");
        out.append(String.format(format, "account", "warehouse", "items", "to send", "units to send"));
        totals.forEach((key, counts) -> {
            String[] parts = key.split("\t");
            out.append(String.format(format, parts[0], parts[1], counts[0], counts[1], counts[2]));
        });
        System.out.print(out);
        Files.createDirectories(directory);
        Previews.write(lines, directory.resolve("stocks.csv"));
        Files.writeString(directory.resolve("stocks.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(lines));
        System.out.println("Every line (item, 1C value, rule, value to send, previous value): "
                + directory.resolve("stocks.csv").toAbsolutePath() + " and stocks.json");
        printPrices(application, directory);
    }

    /** The price export's preview: per account, items, items to send; every line in prices.csv and prices.json. */
    private static void printPrices(Application application, Path directory) throws IOException {
        List<PriceLine> lines;
        try {
            lines = application.bean("previews", Previews.class).prices(null);
        } catch (RuntimeException e) {
            System.out.println("Price export preview: not available (" + e.getMessage() + ")");
            return;
        }
        Map<String, int[]> totals = new TreeMap<>();
        for (PriceLine line : lines) {
            int[] counts = totals.computeIfAbsent(line.accountId(), k -> new int[2]);
            counts[0]++;
            if (line.changed()) {
                counts[1]++;
            }
        }
        String format = "%-18s %7s %8s%n";
        StringBuilder out = new StringBuilder("Price export preview (dry run: nothing is sent)\n");
        out.append(String.format(format, "account", "items", "to send"));
        totals.forEach((account, counts) -> out.append(String.format(format, account, counts[0], counts[1])));
        System.out.print(out);
        Previews.writePrices(lines, directory.resolve("prices.csv"));
        Files.writeString(directory.resolve("prices.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(lines));
        System.out.println("Every price line (item, price, old price, minimum price, previous): "
                + directory.resolve("prices.csv").toAbsolutePath() + " and prices.json");
    }
}
