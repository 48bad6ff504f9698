package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code POST /v2/finance/realization}'s answer as it arrives: {@code result.header} as one small tree, then
 * each of {@code result.rows} as its own small tree handed over and forgotten, so a report of any size takes the
 * memory of one row. Fields it does not know are skipped; {@code header} may come before or after {@code rows}.
 */
final class OzonRealizationParser {

    interface Handler {
        void header(JsonNode header);

        void row(JsonNode row);
    }

    private OzonRealizationParser() {
    }

    static void parse(InputStream body, ObjectMapper json, Handler handler) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the answer");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("result".equals(field) && value == JsonToken.START_OBJECT) {
                    result(parser, handler);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private static void result(JsonParser parser, Handler handler) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("header".equals(field) && value == JsonToken.START_OBJECT) {
                handler.header(parser.readValueAsTree());
            } else if ("rows".equals(field) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    handler.row(parser.readValueAsTree());
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, what + " is not a JSON object");
        }
    }
}
