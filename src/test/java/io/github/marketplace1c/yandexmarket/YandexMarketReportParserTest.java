package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report file reader: Market's ZIP of one JSON file per sheet, streamed; the shapes it accepts and refuses. */
class YandexMarketReportParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> rows(byte[] file) throws IOException {
        List<String> rows = new ArrayList<>();
        YandexMarketReportParser.parse(new ByteArrayInputStream(file), JSON,
                (sheet, row) -> rows.add(sheet + ":" + row.path("orderId").asText()));
        return rows;
    }

    @Test
    void eachEntryIsASheetNamedByItsFileWithRowsAsAnObjectsRowsOrABareArray() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("delivered.json", "{\"rows\":[{\"orderId\":1},{\"orderId\":2}]}");
        entries.put("returned.json", "[{\"orderId\":3}]");
        entries.put("report/placement.json", "[{\"orderId\":4}]"); // a folder inside the archive
        assertThat(rows(zip(entries))).containsExactly("delivered:1", "delivered:2", "returned:3", "placement:4");
    }

    @Test
    void amountsKeepTheirKopecksExactly() throws IOException {
        List<BigDecimal> amounts = new ArrayList<>();
        // 17 significant digits: a double would read it as ...123.4568
        YandexMarketReportParser.parse(new ByteArrayInputStream(zip(Map.of("placement.json",
                "[{\"totalAmount\":1234567890123.4567},{\"totalAmount\":0.1}]"))), JSON,
                (sheet, row) -> amounts.add(row.get("totalAmount").decimalValue()));
        assertThat(amounts.get(0)).isEqualByComparingTo("1234567890123.4567");
        assertThat(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1234567890123.5567");
    }

    @Test
    void anotherArrayBesideRowsIsASheetOfItsOwnNotSkipped() throws IOException {
        assertThat(rows(zip(Map.of("boost.json", "{\"rows\":[{\"orderId\":1}],\"extra\":[{\"orderId\":2}]}"))))
                .containsExactly("boost:1", "boost/extra:2");
    }

    @Test
    void aPlainJsonFileOfSheetsIsStillRead() throws IOException {
        byte[] plain = "{\"delivered\":[{\"orderId\":1}],\"returned\":[{\"orderId\":2}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(rows(plain)).containsExactly("delivered:1", "returned:2");
    }

    @Test
    void aDamagedArchiveIsAZipExceptionNotRowsOfGarbage() throws IOException {
        byte[] file = zip(Map.of("delivered.json", "{\"rows\":[" + "{\"orderId\":1,\"offerName\":\"Чай\"},".repeat(200)
                + "{\"orderId\":2}]}"));
        for (int i = 60; i < 90; i++) {
            file[i] = (byte) ~file[i];
        }
        assertThatThrownBy(() -> rows(file)).isInstanceOfAny(ZipException.class, JsonProcessingException.class);
    }

    @Test
    void anArchiveCutShortIsAnIoErrorTheDownloadRetries() throws IOException {
        byte[] file = zip(Map.of("delivered.json", "{\"rows\":[" + "{\"orderId\":1},".repeat(2000) + "{\"orderId\":2}]}"));
        byte[] cut = java.util.Arrays.copyOf(file, file.length / 2);
        assertThatThrownBy(() -> rows(cut)).isInstanceOf(IOException.class);
    }

    @Test
    void anEntryThatIsNotJsonIsRefusedByName() {
        assertThatThrownBy(() -> rows(zip(Map.of("delivered.csv", "ORDER_ID\n1\n"))))
                .isInstanceOf(ZipException.class).hasMessageContaining("delivered.csv");
    }

    @Test
    void aBodyThatIsNeitherZipNorJsonOrEmptyIsRefused() {
        assertThatThrownBy(() -> rows("<html>Access denied</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ZipException.class).hasMessageContaining("neither a ZIP archive nor JSON");
        assertThatThrownBy(() -> rows(new byte[0])).isInstanceOf(ZipException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> rows(zip(Map.of()))).isInstanceOf(ZipException.class)
                .hasMessageContaining("holds no sheet");
    }

    /**
     * A month of a large shop: 300,000 rows in the archive on disk. The first row reaches the handler when only the
     * head of the file has been read, and every row is counted as it passes: nothing holds the file or its rows.
     */
    @Test
    void aLargeArchiveIsReadAsItArrivesRowByRow() throws IOException {
        int rows = 300_000;
        Path file = temp.resolve("goods-realization.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("delivered.json"));
            JsonGenerator g = JSON.getFactory().createGenerator(zip).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("rows");
            for (int i = 0; i < rows; i++) {
                g.writeStartObject();
                g.writeNumberField("orderId", 52_000_000_000L + i);
                g.writeStringField("shopSku", "SKU-" + (i % 5000));
                g.writeStringField("offerName", "Товар номер " + i + " с длинным названием для объёма");
                g.writeNumberField("deliveredCount", 1);
                g.writeNumberField("priceWithVatAndNoDiscount", new BigDecimal("100.01"));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.close();
            zip.closeEntry();
        }
        long size = Files.size(file);
        AtomicLong consumed = new AtomicLong();
        AtomicLong seenAtFirstRow = new AtomicLong(-1);
        AtomicLong counted = new AtomicLong();
        BigDecimal[] sum = {BigDecimal.ZERO};
        try (InputStream in = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    consumed.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    consumed.addAndGet(n);
                }
                return n;
            }
        }) {
            YandexMarketReportParser.parse(in, JSON, (sheet, row) -> {
                if (counted.getAndIncrement() == 0) {
                    seenAtFirstRow.set(consumed.get());
                }
                sum[0] = sum[0].add(row.get("priceWithVatAndNoDiscount").decimalValue());
            });
        }

        assertThat(size).as("a file worth streaming").isGreaterThan(2_000_000);
        assertThat(counted.get()).isEqualTo(rows);
        assertThat(sum[0]).isEqualByComparingTo(new BigDecimal("100.01").multiply(BigDecimal.valueOf(rows)));
        assertThat(seenAtFirstRow.get()).as("bytes read when the first row was handed over")
                .isPositive().isLessThan(size / 20);
        assertThat(consumed.get()).isEqualTo(size);
    }
}
