package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one JSON mapper of the Wildberries emulator and WB's date-time format. */
final class WildberriesJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private WildberriesJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** WB writes whole-second UTC instants in RFC 3339, e.g. {@code 2022-05-04T07:56:29Z}. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static Instant parse(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }
}
