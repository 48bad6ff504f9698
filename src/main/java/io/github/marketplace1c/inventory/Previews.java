package io.github.marketplace1c.inventory;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The preview of a stock export: exactly the lines a run would plan, each with its 1C value, the rule applied,
 * the value to send and the previous one, without sending anything (admin API and {@code --dry-run}).
 */
public class Previews {

    private final List<StockExport> stockExports;
    private final List<PriceExport> priceExports;
    private final AccountRegistry accounts;

    public Previews(List<StockExport> stockExports, List<PriceExport> priceExports, AccountRegistry accounts) {
        this.stockExports = stockExports;
        this.priceExports = priceExports;
        this.accounts = accounts;
    }

    /** The price export's preview: every enabled account's lines, or one account's. */
    public List<PriceLine> prices(String accountId) {
        List<PriceLine> lines = new ArrayList<>();
        for (PriceExport export : priceExports) {
            for (Account account : accounts.enabled(export.marketplace())) {
                // an account that keeps its prices in the marketplace's cabinet sends none, so previews none
                if ((accountId == null || accountId.equals(account.id()))
                        && Boolean.parseBoolean(account.setting("exportPrices", "true"))) {
                    lines.addAll(export.preview(account));
                }
            }
        }
        return lines;
    }

    public static String priceCsv(List<PriceLine> lines) {
        StringWriter out = new StringWriter();
        out.write("account;product;nomenclature_ref;characteristic_ref;price;old_price;min_price;previous;to_send\n");
        for (PriceLine line : lines) {
            out.write(String.join(";", text(line.accountId()), text(line.productKey()), nullToEmpty(line.nomenclatureRef()),
                    nullToEmpty(line.characteristicRef()), money(line.price()), money(line.oldPrice()),
                    money(line.minPrice()), text(line.previous()), line.changed() ? "yes" : "no"));
            out.write("\n");
        }
        return out.toString();
    }

    private static String money(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    public static void writePrices(List<PriceLine> lines, java.nio.file.Path csvFile) {
        try {
            java.nio.file.Files.createDirectories(csvFile.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(csvFile, "\uFEFF" + priceCsv(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every enabled account's lines, or one account's. */
    public List<StockLine> stocks(String accountId) {
        List<StockLine> lines = new ArrayList<>();
        for (StockExport export : stockExports) {
            for (Account account : accounts.enabled(export.marketplace())) {
                if (accountId == null || accountId.equals(account.id())) {
                    lines.addAll(export.preview(account));
                }
            }
        }
        return lines;
    }

    public static String csv(List<StockLine> lines) {
        StringWriter out = new StringWriter();
        out.write("account;warehouse;product;nomenclature_ref;characteristic_ref;onec_free;rule;value;previous;to_send\n");
        for (StockLine line : lines) {
            out.write(String.join(";", text(line.accountId()), text(line.warehouseKey()), text(line.productKey()),
                    nullToEmpty(line.nomenclatureRef()), nullToEmpty(line.characteristicRef()),
                    line.onecFree().stripTrailingZeros().toPlainString(), text(line.rule()),
                    String.valueOf(line.value()), line.previous() == null ? "" : String.valueOf(line.previous()),
                    line.changed() ? "yes" : "no"));
            out.write("\n");
        }
        return out.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A text cell (keys come from the marketplaces): escaped and quoted as a spreadsheet needs it. */
    private static String text(String value) {
        return io.github.marketplace1c.mapping.SpreadsheetCells.cell(nullToEmpty(value), ';');
    }

    public static void write(List<StockLine> lines, java.nio.file.Path csvFile) {
        try {
            java.nio.file.Files.createDirectories(csvFile.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(csvFile, "\uFEFF" + csv(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
