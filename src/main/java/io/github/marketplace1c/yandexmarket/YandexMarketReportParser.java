package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a Market report file as it arrives. With {@code format=JSON} Market serves a <b>ZIP archive with one JSON
 * file per sheet</b> ({@code ReportFormatType}); the file is named by the sheet's file name the documentation lists
 * ({@code delivered.json}, {@code returned.json}; {@code placement.json}, {@code boost.json}, ...) and holds the
 * sheet's rows with the documented JSON column names, either as {@code {"rows": [...]}} or as a bare array (public
 * clients of the live API read both; see {@code src/test/resources/recorded/yandex-market-reports/README.md}).
 * <p>
 * The archive is read entry by entry from the HTTP body ({@link ZipInputStream}) and each entry token by token
 * (Jackson streaming): a row is handed over as its own small tree and forgotten, so a month of a large shop takes
 * the memory of one row. A body that is plain JSON (an object whose keys are sheets, each an array of rows; what
 * this project's emulator served before) is still read, for robustness. Anything else, or a damaged archive, is a
 * {@link ZipException} or a {@link com.fasterxml.jackson.core.JsonProcessingException} naming the entry.
 */
final class YandexMarketReportParser {

    /** Receives every row; the sheet is the entry's file name without {@code .json}. */
    interface Handler {
        void row(String sheet, JsonNode row) throws IOException;
    }

    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};

    private YandexMarketReportParser() {
    }

    static void parse(InputStream body, ObjectMapper json, Handler handler) throws IOException {
        // amounts as BigDecimal, not double: a row's kopecks stay exactly what Market wrote
        ObjectReader rows = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        BufferedInputStream in = new BufferedInputStream(body, 8192);
        in.mark(8);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (head.length == 0) {
            throw new ZipException("the report file is empty (neither a ZIP archive nor JSON)");
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            if (head.length < 4 || head[2] != ZIP_LOCAL_HEADER[2] || head[3] != ZIP_LOCAL_HEADER[3]) {
                throw new ZipException("the report archive holds no sheet (an empty or damaged ZIP)");
            }
            parseZip(in, rows, handler);
            return;
        }
        if (!startsLikeJson(head)) {
            throw new ZipException("the report file is neither a ZIP archive nor JSON (it starts with bytes "
                    + hex(head) + ")");
        }
        parsePlainJson(in, rows, handler);
    }

    private static void parseZip(InputStream in, ObjectReader rows, Handler handler) throws IOException {
        ZipInputStream zip = new ZipInputStream(in, java.nio.charset.StandardCharsets.UTF_8);
        InputStream entryBody = new FilterInputStream(zip) {
            @Override
            public void close() {
                // Jackson closes its source at the end of an entry: the archive goes on
            }
        };
        int sheets = 0;
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry.getName();
            String file = name.substring(name.lastIndexOf('/') + 1);
            if (!file.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                throw new ZipException("entry " + name + " of the report archive is not a JSON file (format=JSON"
                        + " was asked for)");
            }
            sheets++;
            String sheet = file.substring(0, file.length() - ".json".length());
            try (JsonParser parser = rows.createParser(entryBody)) {
                readSheet(parser, rows, sheet, name, handler);
            }
            zip.closeEntry(); // reads the entry to its end, so its CRC is checked
        }
        if (sheets == 0) {
            throw new ZipException("the report archive holds no sheet");
        }
    }

    /** One sheet's file: a bare array of rows, or an object whose {@code rows} array holds them. */
    private static void readSheet(JsonParser parser, ObjectReader rows, String sheet, String entry,
                                  Handler handler) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            readRows(parser, rows, sheet, handler);
        } else if (first == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                // another array beside "rows" is handed over as a sheet of its own, so it cannot pass unseen
                readRows(parser, rows, "rows".equals(field) ? sheet : sheet + "/" + field, handler);
            }
        } else {
            throw new JsonParseException(parser, "entry " + entry + " is not a sheet (a JSON array of rows, or an"
                    + " object with rows)");
        }
    }

    /** The earlier plain JSON file: one object whose keys are the sheets, each an array of rows. */
    private static void parsePlainJson(InputStream in, ObjectReader rows, Handler handler) throws IOException {
        try (JsonParser parser = rows.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "a plain JSON report file is an object of sheets");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String sheet = parser.currentName();
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                readRows(parser, rows, sheet, handler);
            }
        }
    }

    private static void readRows(JsonParser parser, ObjectReader rows, String sheet, Handler handler) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(parser, "sheet " + sheet + " ends in the middle");
            }
            if (token == JsonToken.START_OBJECT) {
                handler.row(sheet, rows.readTree(parser));
            } else {
                parser.skipChildren();
            }
        }
    }

    private static boolean startsLikeJson(byte[] head) {
        for (byte b : head) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b & 0xff));
        }
        return s.toString();
    }
}
