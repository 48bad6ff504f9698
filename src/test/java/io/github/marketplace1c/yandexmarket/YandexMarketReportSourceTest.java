package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.contract.YandexMarketContract;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import io.github.marketplace1c.report.ReportKind;
import io.github.marketplace1c.report.ReportLine;
import io.github.marketplace1c.report.ReportRef;
import io.github.marketplace1c.report.ReportSink;
import io.github.marketplace1c.report.ServiceCharge;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.ozon.MutableClock;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketEmulator;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketReportSeed;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketReports;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * YandexMarketReportSource against the Market emulator over loopback HTTP: generate, poll, download (a ZIP of one
 * JSON file per sheet), limits; sheets and columns Market adds; files that are damaged or not a ZIP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YandexMarketReportSourceTest {

    private static final SandboxData.YandexMarketAccount SEED = SandboxData.YM_ROMASHKA;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 7);

    private Vertx vertx;
    private MutableClock clock;
    private YandexMarketEmulator emulator;
    private YandexMarketClient client;
    private final Account account = new Account(SEED.id(), "yandex-market", "test", true, LocalDate.of(2026, 11, 1),
            Map.of("apiKey", SEED.apiKey()), null,
            Map.of("businessId", String.valueOf(SEED.businessId()), "campaignId", String.valueOf(SEED.campaignId())));

    @BeforeAll
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-07T06:00:00Z"));
        emulator = new YandexMarketEmulator(vertx, clock, true).start("127.0.0.1", 0);
        client = new YandexMarketClient(new HttpJson(JSON, Duration.ofSeconds(5), Duration.ofSeconds(30)),
                emulator.baseUrl(), new AccountThrottle(new AccountThrottle.Limit(1000, 1000), Clock.systemUTC()), clock,
                Duration.ofMillis(10));
    }

    @AfterEach
    void conformsToSpec() {
        try {
            YandexMarketContract.assertConforms(emulator.recorded());
        } finally {
            emulator.close();
        }
    }

    private YandexMarketReportSource source(int maxPolls) {
        return new YandexMarketReportSource(client, JSON, clock, ZoneId.of("Europe/Moscow"),
                new AccountThrottle(new AccountThrottle.Limit(1000, 1000), Clock.systemUTC()), Duration.ofMillis(1),
                maxPolls, 3);
    }

    static final class Collected implements ReportSink {
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
    void listGeneratesOnceWaitsForDoneAndStatesMarketsSums() {
        List<ReportRef> refs = source(10).list(account, ReportKind.SALES, FROM, TODAY);

        assertThat(refs).hasSize(1);
        ReportRef ref = refs.get(0);
        assertThat(ref.reportId()).isEqualTo("2026-10");
        assertThat(ref.number()).isEqualTo("YM-21000001-2026-10");
        // what buyers paid (sum columns) plus the СберСпасибо and Плюс discounts Market funds
        assertThat(ref.totals().sales()).isEqualByComparingTo("11951.50");
        assertThat(ref.totals().returns()).isEqualByComparingTo("590.00");
        assertThat(emulator.reports().jobs()).hasSize(1);
        assertThat(ref.attributes().get("job")).isEqualTo(emulator.reports().jobs().get(0).reportId());
    }

    @Test
    void readTakesAFreshLinkOfTheSameJobAndStreamsDeliveredAndReturned() {
        YandexMarketReportSource source = source(10);
        ReportRef ref = source.list(account, ReportKind.SALES, FROM, TODAY).get(0);
        Collected sink = new Collected();
        source.read(account, ref, sink);

        assertThat(sink.lines).hasSize(6);
        assertThat(sink.lines).filteredOn(l -> l.kind() == ReportLine.Kind.RETURN).singleElement()
                .satisfies(l -> assertThat(l.productKey()).isEqualTo("RM-HON-003"));
        assertThat(emulator.reports().jobs()).as("no second generation").hasSize(1);
        assertThat(emulator.reports().downloads()).isEqualTo(2);
    }

    @Test
    void aJobMarketForgotIsGeneratedAgainOnRead() {
        YandexMarketReportSource source = source(10);
        ReportRef ref = source.list(account, ReportKind.SALES, FROM, TODAY).get(0);
        emulator.reports().forget(ref.attributes().get("job"));
        emulator.reportGenerationInterval(Duration.ZERO);
        Collected sink = new Collected();
        source.read(account, ref, sink);

        assertThat(sink.lines).hasSize(6);
        assertThat(emulator.reports().jobs()).hasSize(1)
                .noneMatch(j -> j.reportId().equals(ref.attributes().get("job")));
    }

    @Test
    void aReportStillGeneratingAfterMaxPollsIsTransient() {
        emulator.reports().pollsUntilDone(50);
        assertThatThrownBy(() -> source(3).list(account, ReportKind.SALES, FROM, TODAY))
                .isInstanceOf(TransientFailure.class).hasMessageContaining("still generating after 3 polls");
    }

    @Test
    void theGenerationLimitIsATransientWaitUntilTheTimeMarketNamed() {
        source(10).list(account, ReportKind.SALES, FROM, TODAY);
        assertThatThrownBy(() -> source(10).list(account, ReportKind.SALES, FROM, TODAY))
                .isInstanceOf(TransientFailure.class)
                .satisfies(e -> assertThat(((TransientFailure) e).retryAfter()).contains(Duration.ofMinutes(2)));
    }

    @Test
    void servicesAreChargesNamedByTheServiceWithTheSheetsCostColumn() {
        YandexMarketReportSource source = source(10);
        ReportRef ref = source.list(account, ReportKind.SERVICES, FROM, TODAY).get(0);
        Collected sink = new Collected();
        source.read(account, ref, sink);

        assertThat(sink.charges).hasSize(7);
        assertThat(sink.charges).filteredOn(c -> c.code().equals(YandexMarketReportSeed.BOOST_SERVICE)).singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("151.31"));
        BigDecimal placement = sink.charges.stream()
                .filter(c -> c.code().equals(YandexMarketReportSeed.PLACEMENT_SERVICE))
                .map(ServiceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(placement).isEqualByComparingTo("1093.64");
    }

    private List<ReportLine> salesOf(YandexMarketReports.FileFormat format) {
        emulator.reports().fileFormat(format);
        YandexMarketReportSource source = source(10);
        ReportRef ref = source.list(account, ReportKind.SALES, FROM, TODAY).get(0);
        Collected sink = new Collected();
        source.read(account, ref, sink);
        return sink.lines;
    }

    @Test
    void theArchiveServedIsOneJsonFilePerSheetAndBareArraysOrAPlainJsonFileReadTheSame() throws Exception {
        List<ReportLine> zip = salesOf(YandexMarketReports.FileFormat.ZIP);
        byte[] file = emulator.reports().jobs().get(0).file();
        assertThat(new String(file, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        for (YandexMarketReports.FileFormat other : List.of(YandexMarketReports.FileFormat.ZIP_BARE_ARRAYS,
                YandexMarketReports.FileFormat.PLAIN_JSON)) {
            clock.advance(Duration.ofMinutes(3)); // past the generation limit
            List<ReportLine> lines = salesOf(other);
            assertThat(lines).as(other.name()).hasSize(6);
            assertThat(lines).extracting(ReportLine::saleSum).usingElementComparator(BigDecimal::compareTo)
                    .as(other.name()).containsExactlyElementsOf(zip.stream().map(ReportLine::saleSum).toList());
        }
    }

    @Test
    void aDamagedArchiveIsInvalidPayloadNamingTheFileNotARetry() {
        emulator.reports().fileFormat(YandexMarketReports.FileFormat.DAMAGED_ZIP);
        assertThatThrownBy(() -> source(10).list(account, ReportKind.SALES, FROM, TODAY))
                .isInstanceOf(PermanentFailure.class)
                .satisfies(e -> assertThat(((PermanentFailure) e).reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD))
                .hasMessageContaining("Account " + SEED.id() + ": Yandex Market report file is not");
    }

    @Test
    void anUnknownSheetWithoutMoneyIsSkippedAndOneWithMoneyFailsTheReportNamingIt() {
        ObjectNode quiet = JSON.createObjectNode().put("orderId", 1L).put("shopSku", "RM-TEA-001").put("note", "x");
        emulator.reports().addRealizationRow(SEED.campaignId(), YandexMarketReportSeed.MONTH, "notes", quiet);
        YandexMarketReportSource source = source(10);
        ReportRef ref = source.list(account, ReportKind.SALES, FROM, TODAY).get(0);
        Collected sink = new Collected();
        source.read(account, ref, sink);
        assertThat(sink.lines).hasSize(6);
        assertThat(sink.skipped).singleElement().asString().contains("sheet notes (unknown, carries no money)");

        ObjectNode money = JSON.createObjectNode().put("orderId", 2L).put("buyerRefundSum", "75.50");
        emulator.reports().addRealizationRow(SEED.campaignId(), YandexMarketReportSeed.MONTH, "buyer_refunds", money);
        clock.advance(Duration.ofMinutes(3));
        emulator.reportGenerationInterval(Duration.ZERO);
        emulator.reports().forget(ref.attributes().get("job")); // the replay generates the report as it is now
        assertThatThrownBy(() -> source.read(account, ref, new Collected()))
                .isInstanceOf(PermanentFailure.class)
                .satisfies(e -> assertThat(((PermanentFailure) e).reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD))
                .hasMessageContaining("sheet buyer_refunds, unknown to this version")
                .hasMessageContaining("buyerRefundSum = 75.50");
    }

    @Test
    void anUnknownMoneyColumnInADeliveredRowFailsTheReportNamingTheColumn() {
        SandboxData.YandexMarketOffer tea = YandexMarketReportSeed.offer("RM-TEA-001");
        ObjectNode row = YandexMarketReportSeed.deliveredRow(52_000_099_001L, tea, 1, tea.item().price(),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, LocalDate.of(2026, 10, 20));
        row.put("sberPrimeDiscount", new BigDecimal("30.00"));
        row.put("giftWrapNote", "праздничная"); // not money: not reported
        emulator.reports().addRealizationRow(SEED.campaignId(), YandexMarketReportSeed.MONTH,
                YandexMarketReportSeed.DELIVERED, row);
        YandexMarketReportSource source = source(10);
        ReportRef ref = source.list(account, ReportKind.SALES, FROM, TODAY).get(0);

        assertThatThrownBy(() -> source.read(account, ref, new Collected()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("delivered order 52000099001: column sberPrimeDiscount = 30.00 carries money")
                .hasMessageNotContaining("giftWrapNote");
    }

    @Test
    void anUnknownMoneyColumnInServicesIsAChargeOfItsOwnCodedBySheetAndColumn() {
        SandboxData.YandexMarketOffer tea = YandexMarketReportSeed.offer("RM-TEA-001");
        ObjectNode row = YandexMarketReportSeed.serviceRow(SEED, 52_000_099_002L, tea, 1, tea.item().price(),
                "Доставка покупателю", LocalDate.of(2026, 10, 21), "servicePrice", new BigDecimal("31.41"));
        row.put("fuelSurchargeAmount", new BigDecimal("4.20"));
        row.put("netting", new BigDecimal("3.00")); // documented: a part of the cost, not charged again
        emulator.reports().addServiceRow(SEED.businessId(), YandexMarketReportSeed.MONTH, "delivery", row);
        YandexMarketReportSource source = source(10);
        ReportRef ref = source.list(account, ReportKind.SERVICES, FROM, TODAY).get(0);
        Collected sink = new Collected();
        source.read(account, ref, sink);

        assertThat(sink.charges).hasSize(9);
        assertThat(sink.charges).filteredOn(c -> c.code().equals("Доставка покупателю")).singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("31.41"));
        assertThat(sink.charges).filteredOn(c -> c.code().equals("delivery.fuelSurchargeAmount")).singleElement()
                .satisfies(c -> {
                    assertThat(c.amount()).isEqualByComparingTo("4.20");
                    assertThat(c.name()).contains("fuelSurchargeAmount");
                    assertThat(c.productKey()).isEqualTo("RM-TEA-001");
                });
    }

    @Test
    void anUnknownServicesSheetIsReadByItsServicePriceOrRefusedNamingItsMoney() {
        ObjectNode priced = YandexMarketReportSeed.serviceRow(SEED, 52_000_099_003L,
                YandexMarketReportSeed.offer("RM-TEA-001"), 1, new BigDecimal("349.00"), "Упаковка подарка",
                LocalDate.of(2026, 10, 22), "servicePrice", new BigDecimal("25.00"));
        emulator.reports().addServiceRow(SEED.businessId(), YandexMarketReportSeed.MONTH, "gift_wrapping", priced);
        YandexMarketReportSource source = source(10);
        ReportRef ref = source.list(account, ReportKind.SERVICES, FROM, TODAY).get(0);
        Collected sink = new Collected();
        source.read(account, ref, sink);
        assertThat(sink.charges).filteredOn(c -> c.code().equals("Упаковка подарка")).singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("25.00"));

        ObjectNode unpriced = JSON.createObjectNode().put("partnerId", SEED.campaignId()).put("orderId", 4L)
                .put("penaltyAmount", new BigDecimal("500.00"));
        emulator.reports().addServiceRow(SEED.businessId(), YandexMarketReportSeed.MONTH, "penalties", unpriced);
        emulator.reports().forget(ref.attributes().get("job"));
        emulator.reportGenerationInterval(Duration.ZERO);
        assertThatThrownBy(() -> source.read(account, ref, new Collected()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("penalties order 4: servicePrice is missing: sheet penalties is unknown")
                .hasMessageContaining("penaltyAmount = 500.00");
    }
}
