package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Market JSON report file as it arrives: one object whose keys are the report's sheets (the file names the
 * documentation lists, e.g. {@code delivered}, {@code returned}; {@code placement}, {@code boost}) and whose values
 * are arrays of rows with the documented JSON column names. Each row is handed over as its own small tree and
 * forgotten, so a file of any size takes the memory of one row. A key whose value is not an array is skipped.
 */
final class YandexMarketReportParser {

    interface Handler {
        void row(String sheet, JsonNode row);
    }

    private YandexMarketReportParser() {
    }

    static void parse(InputStream body, ObjectMapper json, Handler handler) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "a report file is a JSON object of sheets");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String sheet = parser.currentName();
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == JsonToken.START_OBJECT) {
                        handler.row(sheet, parser.readValueAsTree());
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
    }
}
