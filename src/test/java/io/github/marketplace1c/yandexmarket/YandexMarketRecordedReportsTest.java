package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.report.ReportLine;
import io.github.marketplace1c.report.ReportSink;
import io.github.marketplace1c.report.ServiceCharge;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our parser and report rows on Market-shaped report files ({@code src/test/resources/recorded/yandex-market-reports},
 * hand-written from the documentation's sheets and columns and the shapes public clients of the live API read; see
 * its README), packed into a ZIP the way Market serves {@code format=JSON}.
 */
class YandexMarketRecordedReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOLDER = "/recorded/yandex-market-reports/";
    private final Account account = new Account("ym-recorded", "yandex-market", "test", true, LocalDate.of(2026, 10, 1),
            Map.of("apiKey", "x"), null, Map.of("businessId", "11000001", "campaignId", "21000001"));
    // the rows are checked without HTTP: the client is never called
    private final YandexMarketReportSource source = new YandexMarketReportSource(null, JSON, Clock.systemUTC(),
            ZoneId.of("Europe/Moscow"), null, Duration.ZERO, 1, 3);

    private static byte[] archive(String report, String... files) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String file : files) {
            try (InputStream in = YandexMarketRecordedReportsTest.class.getResourceAsStream(FOLDER + report + "/" + file)) {
                assertThat(in).as(file).isNotNull();
                entries.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return YandexMarketReportParserTest.zip(entries);
    }

    private static final class Collected implements ReportSink {
        final List<ReportLine> lines = new ArrayList<>();
        final List<ServiceCharge> charges = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        @Override
        public void line(ReportLine line) {
            lines.add(line);
        }

        @Override
        public void service(ServiceCharge charge) {
            charges.add(charge);
        }

        @Override
        public void skipped(String rowKey, String reason) {
            skipped.add(rowKey + ": " + reason);
        }
    }

    @Test
    void theRealizationArchiveGivesSalesAndReturnsToTheKopeckAndSkipsTheOtherSheets() throws IOException {
        byte[] zip = archive("goods-realization", "transferred_to_delivery.json", "delivered.json", "unredeemed.json",
                "returned.json", "lost_items.json");
        Collected sink = new Collected();
        YandexMarketReportParser.parse(new ByteArrayInputStream(zip), JSON,
                (sheet, row) -> source.saleRow(account, sheet, row, sink));

        assertThat(sink.lines).hasSize(3);
        ReportLine tea = sink.lines.get(0);
        assertThat(tea.kind()).isEqualTo(ReportLine.Kind.SALE);
        assertThat(tea.productKey()).isEqualTo("RM-TEA-001");
        assertThat(tea.quantity()).isEqualByComparingTo("2");
        // СберСпасибо is Market's discount, paid to the seller: 2 × 349.00
        assertThat(tea.saleSum()).isEqualByComparingTo("698.00");
        // the seller's own 100.00 discount lowers it, the Плюс points do not: 1290.00 − 100.00
        assertThat(sink.lines.get(1).saleSum()).isEqualByComparingTo("1190.00");
        ReportLine back = sink.lines.get(2);
        assertThat(back.kind()).isEqualTo(ReportLine.Kind.RETURN);
        assertThat(back.quantity()).isEqualByComparingTo("1");
        assertThat(back.saleSum()).isEqualByComparingTo("349.00");
        assertThat(sink.skipped).hasSize(3)
                .anySatisfy(s -> assertThat(s).startsWith("transferred_to_delivery order 51736001544"))
                .anySatisfy(s -> assertThat(s).startsWith("unredeemed order 51735110321"))
                .anySatisfy(s -> assertThat(s).startsWith("lost_items order 51735700918")
                        .contains("compensation 260.00"));
    }

    @Test
    void theServicesArchiveGivesOneChargePerRowInTheSheetsCostColumn() throws IOException {
        byte[] zip = archive("united-marketplace-services", "placement.json", "boost.json", "delivery.json",
                "payment_transfer.json");
        Collected sink = new Collected();
        YandexMarketReportParser.parse(new ByteArrayInputStream(zip), JSON,
                (sheet, row) -> source.charges(account, sheet, row).forEach(sink::service));

        assertThat(sink.charges).extracting(ServiceCharge::code).containsExactly(
                "Размещение товаров на витрине", "Размещение товаров на витрине", "Буст продаж, оплата за продажи",
                "Доставка покупателю", "payment_transfer");
        assertThat(sink.charges).extracting(ServiceCharge::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("59.68"), new BigDecimal("127.71"), new BigDecimal("64.50"),
                        new BigDecimal("31.41"), new BigDecimal("6.98"));
        assertThat(sink.charges.get(0).date()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(sink.charges.get(0).productKey()).isEqualTo("RM-TEA-001");
        assertThat(sink.charges.get(2).date()).as("boost dates by serviceDate").isEqualTo(LocalDate.of(2026, 10, 9));
    }
}
