package io.github.marketplace1c.wildberries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.report.Reconciliation;
import io.github.marketplace1c.report.ReportAggregate;
import io.github.marketplace1c.report.ReportKind;
import io.github.marketplace1c.report.ReportRef;
import io.github.marketplace1c.report.ReportTotals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wildberries report rows as WB writes them, into the report's aggregate; and the reconciliation of the result. */
class WildberriesReportRowsTest {

    private static final Account ACCOUNT = new Account("wb-test", "wildberries", "WB", true, LocalDate.of(2026, 10, 1),
            Map.of("token", "t"), new Account.OneCReferences("o", "c", "k", null, null, null), Map.of());

    private static ReportRef ref(ReportKind kind, ReportTotals totals) {
        return new ReportRef("wildberries", "wb-test", kind, "77", "77", LocalDate.of(2026, 10, 12),
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11), totals, Map.of());
    }

    private static ReportAggregate read(ReportKind kind, String productKey, Map<String, String> chrtIds, String rows)
            throws Exception {
        ReportAggregate aggregate = new ReportAggregate(kind);
        try (JsonParser parser = new JsonFactory().createParser(rows)) {
            parser.nextToken();
            WildberriesReportSource.parsePage(parser, ACCOUNT, ref(kind, ReportTotals.NONE), productKey, chrtIds,
                    aggregate);
        }
        return aggregate;
    }

    private static final String ROWS = "["
            + "{\"rrdId\":1,\"nmId\":10,\"sku\":\"4600000000011\",\"docTypeName\":\"Продажа\",\"quantity\":2,"
            + "\"retailAmount\":\"700\",\"forPay\":\"528.5\"},"
            + "{\"rrdId\":2,\"nmId\":10,\"sku\":\"4600000000011\",\"docTypeName\":\"Продажа\",\"quantity\":1,"
            + "\"retailAmount\":\"350.10\",\"forPay\":\"264.33\"},"
            + "{\"rrdId\":3,\"nmId\":10,\"sku\":\"4600000000011\",\"docTypeName\":\"Возврат\",\"quantity\":1,"
            + "\"retailAmount\":\"350.10\",\"forPay\":\"-264.33\"},"
            + "{\"rrdId\":4,\"nmId\":10,\"docTypeName\":\"\",\"sellerOperName\":\"Логистика\",\"deliveryService\":\"55.5\","
            + "\"paidStorage\":\"0\",\"rrDate\":\"2026-10-06\"},"
            + "{\"rrdId\":5,\"nmId\":0,\"docTypeName\":\"\",\"sellerOperName\":\"Хранение\",\"paidStorage\":\"120.35\"},"
            + "{\"rrdId\":6,\"nmId\":0,\"docTypeName\":\"\",\"sellerOperName\":\"Доплаты\",\"deliveryService\":\"0\"}"
            + "]";

    @Test
    void salesAndReturnsAddUpPerProductToTheKopeckWithWBsNegativeForPayOnReturns() throws Exception {
        ReportAggregate read = read(ReportKind.SALES, "chrtId", Map.of("4600000000011", "310000001"), ROWS);
        assertThat(read.lineCount()).isEqualTo(2);
        assertThat(read.sales()).isEqualByComparingTo("1050.10");
        assertThat(read.returns()).isEqualByComparingTo("350.10");
        assertThat(read.rewardOnSales()).isEqualByComparingTo("257.27");
        assertThat(read.rewardOnReturns()).isEqualByComparingTo("85.77");
        assertThat(read.transfer()).isEqualByComparingTo("528.50");
        assertThat(read.lines()).allSatisfy(line -> assertThat(line.productKey).isEqualTo("310000001"));
        assertThat(read.rowsSkipped()).as("the three fee rows belong to the services flow").isEqualTo(3);
        Reconciliation.Result ok = Reconciliation.check(read, new ReportTotals(null, null, new BigDecimal("700.00"),
                null, new BigDecimal("528.50"), null), new BigDecimal("0.01"));
        assertThat(ok.matches()).isTrue();
        Reconciliation.Result off = Reconciliation.check(read, new ReportTotals(null, null, new BigDecimal("700.00"),
                null, new BigDecimal("528.55"), null), new BigDecimal("0.01"));
        assertThat(off.matches()).as("5 kopecks over 3 rows").isFalse();
        assertThat(off.difference()).isEqualByComparingTo("-0.05");
        assertThat(off.describe()).contains("transfer to the seller: report lines 528.50, marketplace 528.55");
    }

    @Test
    void feesAreChargesNamedBySellerOperNameAndOtherRowsAreSkipped() throws Exception {
        ReportAggregate read = read(ReportKind.SERVICES, "barcode", Map.of(), ROWS);
        assertThat(read.serviceCount()).isEqualTo(2);
        assertThat(read.servicesTotal()).isEqualByComparingTo("175.85");
        assertThat(read.services()).extracting(s -> s.key).containsExactly("Логистика", "Хранение");
        assertThat(read.firstSkipReason()).contains("sales-report flow");
    }

    @Test
    void theProductKeyIsTheAccountsAndABarcodeWithoutACardSaysSo() throws Exception {
        assertThat(read(ReportKind.SALES, "nmId", Map.of(), ROWS).lines()).allSatisfy(l ->
                assertThat(l.productKey).isEqualTo("10"));
        assertThat(read(ReportKind.SALES, "barcode", Map.of(), ROWS).lines()).allSatisfy(l ->
                assertThat(l.productKey).isEqualTo("4600000000011"));
        assertThat(read(ReportKind.SALES, "chrtId", Map.of(), ROWS).lines()).allSatisfy(l ->
                assertThat(l.productKey).isEqualTo("sku 4600000000011"));
    }

    @Test
    void aMoneyFieldThatIsNotAnAmountNamesTheRowAndTheField() {
        String bad = "[{\"rrdId\":9,\"sku\":\"1\",\"docTypeName\":\"Продажа\",\"quantity\":1,\"retailAmount\":\"12,50\","
                + "\"forPay\":\"10\"}]";
        assertThatThrownBy(() -> read(ReportKind.SALES, "barcode", Map.of(), bad))
                .isInstanceOf(PermanentFailure.class)
                .satisfies(e -> assertThat(((PermanentFailure) e).reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD))
                .hasMessageContaining("rrdId 9").hasMessageContaining("retailAmount '12,50'");
        String missing = "[{\"rrdId\":8,\"sku\":\"1\",\"docTypeName\":\"Возврат\",\"quantity\":1,\"forPay\":\"-1\"}]";
        assertThatThrownBy(() -> read(ReportKind.SALES, "barcode", Map.of(), missing))
                .hasMessageContaining("rrdId 8").hasMessageContaining("retailAmount and forPay");
    }

    @Test
    void moneyInEveryFormWBWritesIsExact() throws Exception {
        String rows = "[{\"rrdId\":1,\"sku\":\"1\",\"docTypeName\":\"Продажа\",\"quantity\":1,\"retailAmount\":\"0.1\","
                + "\"forPay\":\"0\"},{\"rrdId\":2,\"sku\":\"1\",\"docTypeName\":\"Продажа\",\"quantity\":1,"
                + "\"retailAmount\":\"1.005\",\"forPay\":1},{\"rrdId\":3,\"sku\":\"1\",\"docTypeName\":\"Продажа\","
                + "\"quantity\":1,\"retailAmount\":\"99999999.99\",\"forPay\":\"-0.01\"}]";
        ReportAggregate read = read(ReportKind.SALES, "barcode", Map.of(), rows);
        assertThat(read.sales()).isEqualByComparingTo("100000001.095");
        assertThat(read.transfer()).isEqualByComparingTo("1.01");
    }

    private static java.util.Map<String, BigDecimal> charges(ReportAggregate read) {
        java.util.Map<String, BigDecimal> byKey = new java.util.LinkedHashMap<>();
        read.services().forEach(s -> byKey.put(s.key, s.amount));
        return byKey;
    }

    @Test
    void everyFeeFieldIsItsOwnKindAndAFineRowsAcceptanceIsAcceptance() throws Exception {
        String rows = "["
                + "{\"rrdId\":1,\"nmId\":10,\"docTypeName\":\"\",\"sellerOperName\":\"Логистика\","
                + "\"bonusTypeName\":\"К клиенту при продаже\",\"deliveryService\":\"80.5\",\"rebillLogisticCost\":\"1.349\","
                + "\"currency\":\"RUB\"},"
                + "{\"rrdId\":2,\"nmId\":10,\"docTypeName\":\"\",\"sellerOperName\":\"Штраф\","
                + "\"bonusTypeName\":\"Штраф МП. Невыполненный заказ\",\"penalty\":\"231.35\",\"paidAcceptance\":\"865\","
                + "\"paidStorage\":\"12.5\"},"
                + "{\"rrdId\":3,\"nmId\":0,\"docTypeName\":\"\",\"sellerOperName\":\"Удержание\","
                + "\"bonusTypeName\":\"Оказание услуг «ВБ.Продвижение», документ № 265522014\",\"deduction\":\"6354\"},"
                + "{\"rrdId\":4,\"nmId\":0,\"docTypeName\":\"\",\"sellerOperName\":\"Доплаты\","
                + "\"additionalPayment\":\"100\"},"
                + "{\"rrdId\":5,\"nmId\":10,\"docTypeName\":\"\",\"sellerOperName\":\"Коррекция логистики\","
                + "\"deliveryService\":\"-20\"}"
                + "]";
        ReportAggregate read = read(ReportKind.SERVICES, "barcode", Map.of(), rows);
        assertThat(charges(read)).containsExactly(
                Map.entry("Логистика: К клиенту при продаже", new BigDecimal("80.5")),
                Map.entry("Возмещение издержек по перевозке: К клиенту при продаже", new BigDecimal("1.349")),
                Map.entry("Хранение: Штраф МП. Невыполненный заказ", new BigDecimal("12.5")),
                Map.entry("Платная приемка: Штраф МП. Невыполненный заказ", new BigDecimal("865")),
                Map.entry("Штраф: Штраф МП. Невыполненный заказ", new BigDecimal("231.35")),
                Map.entry("Удержание: Оказание услуг «ВБ.Продвижение»", new BigDecimal("6354")),
                Map.entry("Корректировка вознаграждения", new BigDecimal("-100")),
                Map.entry("Логистика (Коррекция логистики)", new BigDecimal("-20")));
        // the fallback the flow tries when the key has no row: the bare kind, never across kinds
        assertThat(read.services()).extracting(s -> s.name).containsExactly("Логистика",
                "Возмещение издержек по перевозке", "Хранение", "Платная приемка", "Штраф", "Удержание",
                "Корректировка вознаграждения", "Логистика (Коррекция логистики)");
        // WB's list sums: rebilled transport inside deliveryServiceSum, additionalPayment paid to the seller
        Reconciliation.Result ok = Reconciliation.check(read, new ReportTotals(null, null, null, null, null,
                new BigDecimal("80.5").add(new BigDecimal("1.349")).subtract(new BigDecimal("20"))
                        .add(new BigDecimal("12.5")).add(new BigDecimal("865")).add(new BigDecimal("231.35"))
                        .add(new BigDecimal("6354")).subtract(new BigDecimal("100"))), new BigDecimal("0.01"));
        assertThat(ok.matches()).isTrue();
    }

    @Test
    void aRowInAnotherCurrencyRefusesTheReportNamingTheCurrency() {
        String rows = "[{\"rrdId\":1,\"sku\":\"1\",\"docTypeName\":\"Продажа\",\"quantity\":1,\"retailAmount\":\"10\","
                + "\"forPay\":\"8\",\"currency\":\"RUB\"},{\"rrdId\":2,\"sku\":\"1\",\"docTypeName\":\"Продажа\","
                + "\"quantity\":1,\"retailAmount\":\"10\",\"forPay\":\"8\",\"currency\":\"KZT\"}]";
        assertThatThrownBy(() -> read(ReportKind.SALES, "barcode", Map.of(), rows))
                .isInstanceOf(PermanentFailure.class)
                .satisfies(e -> assertThat(((PermanentFailure) e).reason()).isEqualTo(ReasonCode.UNSUPPORTED_CURRENCY))
                .hasMessageContaining("rrdId 2").hasMessageContaining("is in KZT, not roubles");
    }

    @Test
    void aMoneyFieldOutsideTheSpecIsAChargeOfItsOwnAndTextsAndPercentsAreNot() throws Exception {
        String rows = "[{\"rrdId\":1,\"nmId\":10,\"docTypeName\":\"\",\"sellerOperName\":\"Логистика\","
                + "\"deliveryService\":\"10\",\"spp\":25.31,\"kiz\":\"0102\",\"logisticsSurcharge\":\"7.25\","
                + "\"newFlag\":true,\"newText\":\"abc\"}]";
        ReportAggregate read = read(ReportKind.SERVICES, "barcode", Map.of(), rows);
        assertThat(charges(read)).containsExactly(Map.entry("Логистика", new BigDecimal("10")),
                Map.entry("Поле logisticsSurcharge", new BigDecimal("7.25")));
    }

    @Test
    void theRecordedRowsReadAsTheirProjectsDescribeThem() throws Exception {
        String rows;
        try (java.io.InputStream in = getClass().getResourceAsStream("/recorded/wildberries-finance/rows.json")) {
            rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ReportAggregate services = read(ReportKind.SERVICES, "nmId", Map.of(), rows);
        String bonus = ": Штраф МП. Невыполненный заказ (отмена клиентом после недовоза)";
        assertThat(charges(services)).containsExactly(
                Map.entry("Возмещение издержек по перевозке" + bonus, new BigDecimal("1.349")),
                Map.entry("Хранение" + bonus, new BigDecimal("12647.29")),
                Map.entry("Платная приемка" + bonus, new BigDecimal("865")),
                Map.entry("Штраф" + bonus, new BigDecimal("231.35")),
                Map.entry("Удержание" + bonus, new BigDecimal("6354")),
                Map.entry("Баллы программы лояльности" + bonus, new BigDecimal("2")),
                Map.entry("Компенсация скидки по программе лояльности" + bonus, new BigDecimal("-19")),
                Map.entry("Участие в программе лояльности" + bonus, new BigDecimal("0.2")));
        assertThat(services.rowsSkipped()).as("the fee-less sale is the sales flow's").isEqualTo(1);
        ReportAggregate sales = read(ReportKind.SALES, "nmId", Map.of(), rows);
        assertThat(sales.sales()).isEqualByComparingTo("2523");
        assertThat(sales.transfer()).isEqualByComparingTo("1863.55");
    }
}
