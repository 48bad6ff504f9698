package io.github.marketplace1c.mapping;

/**
 * CSV cells that a spreadsheet would run as a formula (CSV injection, OWASP): a cell beginning with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return. Every CSV the admin API serves writes its cells
 * through {@link #cell}: such a cell gets a leading single quote, which Excel and LibreOffice show as text, and
 * double quotes around it. The same
 * quote is taken off again on import ({@link #unescape}), so an exported file imports back to the values it held.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** Whether a spreadsheet would read the cell as a formula. */
    public static boolean startsAsFormula(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0;
    }

    /** The cell as text for a spreadsheet: {@code =1+2} becomes {@code '=1+2}; any other cell is left alone. */
    public static String escape(String cell) {
        return startsAsFormula(cell) ? "'" + cell : cell;
    }

    /**
     * One CSV cell as OWASP advises: a formula-like cell gets its leading quote and is quoted; any cell with the
     * separator, a double quote or a line break is quoted (double quotes doubled); null is empty. Written here
     * because Jackson's CSV writer can only quote every cell of a file or the ones with special characters.
     */
    public static String cell(String value, char separator) {
        if (value == null) {
            return "";
        }
        String cell = escape(value);
        boolean quote = !cell.equals(value) || cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** A CSV line of cells (see {@link #cell}), ended by a line feed. */
    public static String line(java.util.List<String> values, char separator) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            line.append(i == 0 ? "" : String.valueOf(separator)).append(cell(values.get(i), separator));
        }
        return line.append('\n').toString();
    }

    /** Undoes {@link #escape}: {@code '=1+2} is {@code =1+2} again; a quote before anything else stays. */
    public static String unescape(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsAsFormula(cell.substring(1))
                ? cell.substring(1) : cell;
    }
}
