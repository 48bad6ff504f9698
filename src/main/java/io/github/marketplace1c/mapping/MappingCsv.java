package io.github.marketplace1c.mapping;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSV import and export of a mapping table, as integrators keep them in spreadsheets: UTF-8 (a BOM is
 * accepted), {@code ;} or {@code ,} as the separator (taken from the header line), a header row naming the
 * columns. An import is all or nothing: any bad row rejects the file and every bad row is reported with its
 * line number. Cells a spreadsheet would run as formulas are escaped on export and their keys refused on import
 * ({@link SpreadsheetCells}).
 */
public class MappingCsv {

    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final String EMPTY_REF = "00000000-0000-0000-0000-000000000000";

    public record Rejected(int line, String error) {
    }

    /** @param rows the rows saved (none when the file was rejected): the caller replays what waited for them */
    public record ImportReport(int imported, List<Rejected> rejected,
                               @com.fasterxml.jackson.annotation.JsonIgnore List<MappingRow> rows) {

        ImportReport(List<Rejected> rejected) {
            this(0, rejected, List.of());
        }
    }

    private final MappingTable table;
    private final Set<String> marketplaces;
    private final CsvMapper csv = new CsvMapper();

    public MappingCsv(MappingTable table, Set<String> marketplaces) {
        this.table = table;
        this.marketplaces = marketplaces;
    }

    public List<String> columns() {
        return switch (table.kind()) {
            case PRODUCTS -> List.of("marketplace", "account", "product_key", "nomenclature_ref", "characteristic_ref",
                    "name", "note");
            case WAREHOUSES -> List.of("marketplace", "account", "warehouse_key", "onec_warehouse_ref", "name", "note");
            case SERVICES -> List.of("marketplace", "account", "service_key", "nomenclature_ref", "expense_item_ref",
                    "name", "note");
        };
    }

    /** The CSV column of the second reference: products' characteristic, services' expense item. */
    private String secondRefColumn() {
        return columns().get(4);
    }

    public ImportReport importCsv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String header = body.lines().findFirst().orElse("");
        char separator = header.indexOf(';') >= 0 ? ';' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<MappingRow> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<String> missing = columns().subList(0, 4).stream()
                .filter(c -> !List.of(header.split("[;,]")).stream().map(String::trim).toList().contains(c)).toList();
        if (!missing.isEmpty()) {
            return new ImportReport(List.of(new Rejected(1, "header lacks column(s) " + missing
                    + "; expected " + String.join(String.valueOf(separator), columns()))));
        }
        try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class).with(schema)
                .with(CsvParser.Feature.TRIM_SPACES).readValues(body)) {
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                Map<String, String> values;
                try {
                    values = it.nextValue();
                } catch (RuntimeException e) {
                    rejected.add(new Rejected(line, "cannot read the row: " + e.getMessage()));
                    continue;
                }
                if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                String error = validate(values);
                if (error != null) {
                    rejected.add(new Rejected(line, error));
                } else {
                    rows.add(toRow(values));
                }
            }
        } catch (IOException e) {
            return new ImportReport(List.of(new Rejected(1, "not a CSV file: " + e.getMessage())));
        }
        if (!rejected.isEmpty()) {
            return new ImportReport(rejected);
        }
        table.upsertAll(rows);
        return new ImportReport(rows.size(), List.of(), List.copyOf(rows));
    }

    private String validate(Map<String, String> v) {
        List<String> errors = new ArrayList<>();
        // a key the spreadsheet may have turned into (or out of) a formula would never match the marketplace's key:
        // refused; written as '=... (as the export writes it) it is taken as the text after the quote
        for (String column : List.of("marketplace", "account", columns().get(2))) {
            String raw = v.get(column) == null ? null : v.get(column).trim();
            if (SpreadsheetCells.startsAsFormula(raw)) {
                errors.add(column + " '" + raw + "' starts like a spreadsheet formula (= + - @); if it is the key "
                        + "itself, write it as '" + raw + " (with a leading single quote, as the export does)");
            }
        }
        if (!errors.isEmpty()) {
            return String.join("; ", errors);
        }
        String marketplace = value(v, "marketplace");
        if (marketplace == null || !marketplaces.contains(marketplace)) {
            errors.add("marketplace '" + (marketplace == null ? "" : marketplace) + "' is not one of " + marketplaces);
        }
        String keyColumn = columns().get(2);
        if (value(v, keyColumn) == null) {
            errors.add(keyColumn + " is empty");
        }
        String refColumn = columns().get(3);
        String ref = value(v, refColumn);
        if (ref == null || !GUID.matcher(ref).matches() || EMPTY_REF.equals(ref)) {
            errors.add(refColumn + " '" + (ref == null ? "" : ref) + "' is not a 1C reference (a GUID)");
        }
        if (table.kind().hasCharacteristic()) {
            String characteristic = value(v, secondRefColumn());
            if (characteristic != null && !GUID.matcher(characteristic).matches()) {
                errors.add(secondRefColumn() + " '" + characteristic + "' is not a GUID");
            }
        }
        return errors.isEmpty() ? null : String.join("; ", errors);
    }

    private MappingRow toRow(Map<String, String> v) {
        return new MappingRow(value(v, "marketplace"), value(v, "account"), value(v, columns().get(2)),
                value(v, columns().get(3)).toLowerCase(),
                table.kind().hasCharacteristic() ? lower(value(v, secondRefColumn())) : null,
                value(v, "name"), value(v, "note"));
    }

    public String exportCsv(String marketplace, char separator) {
        StringBuilder out = new StringBuilder(String.join(String.valueOf(separator), columns())).append('\n');
        for (MappingRow row : table.list(marketplace, null, null, Integer.MAX_VALUE)) {
            List<String> values = new ArrayList<>(List.of(row.marketplace(), nullToEmpty(row.accountId()), row.key(),
                    row.ref()));
            if (table.kind().hasCharacteristic()) {
                values.add(nullToEmpty(row.characteristicRef()));
            }
            values.add(nullToEmpty(row.name()));
            values.add(nullToEmpty(row.note()));
            // cells a spreadsheet would run as formulas are escaped and quoted
            out.append(SpreadsheetCells.line(values, separator));
        }
        return out.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String value(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : SpreadsheetCells.unescape(value.trim());
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase();
    }
}
