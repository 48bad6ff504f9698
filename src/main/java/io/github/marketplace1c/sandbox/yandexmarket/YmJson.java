package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The one JSON mapper of the Yandex Market emulator and Market's date formats. */
final class YmJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Market works in Moscow time: order dates carry +03:00, and date-only filters are Moscow calendar days. */
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** RFC 822/1123 as Market sends it in X-RateLimit-Resource-Until: two-digit day, always GMT. */
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private YmJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Order date-times: ISO 8601 with the Moscow offset, whole seconds, e.g. {@code 2026-11-02T12:15:00+03:00}. */
    static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(MOSCOW)
                .toOffsetDateTime());
    }

    static Instant parseDateTime(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    /** The Moscow calendar day of an instant, as {@code YYYY-MM-DD}. */
    static String date(Instant instant) {
        return LocalDate.ofInstant(instant, MOSCOW).toString();
    }

    static String rfc822(Instant instant) {
        return RFC_822.format(instant);
    }

    /** A money value with kopecks; Jackson writes a BigDecimal as it is, so 698 goes out as {@code 698.00}. */
    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
