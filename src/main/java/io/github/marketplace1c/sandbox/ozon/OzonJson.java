package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The one JSON mapper of the Ozon emulator and Ozon's date-time format. */
final class OzonJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private OzonJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Ozon writes whole-second UTC instants, e.g. {@code 2026-11-02T09:15:00Z}. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Accepts what Ozon accepts: RFC 3339 with {@code Z} or an offset, with or without fractions. */
    static Instant parse(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    /** A date-time request field, or null when absent; a malformed one is a 400 naming the field. */
    static Instant instantField(JsonNode parent, String field, String fieldPath) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            return null;
        }
        if (!node.isTextual()) {
            throw OzonApiException.invalidArgument("invalid value for " + fieldPath + ": expected a date-time string");
        }
        try {
            return parse(node.asText());
        } catch (DateTimeParseException e) {
            throw OzonApiException.invalidArgument("invalid value for " + fieldPath + ": " + node.asText());
        }
    }
}
