package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxServices;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.wildberries.WildberriesFinance;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test expects of Wildberries reports in 1C, computed from the emulator's own rows (not from the application),
 * and the 1C documents as the configuration names them.
 */
public record WildberriesReports(WildberriesFinance finance, OneCEmulator onec) {

    /** Quantity, sale sum and reward of one 1C item and kind, added up from WB's rows. */
    public record Expected(BigDecimal quantity, BigDecimal sum, BigDecimal reward) {
        /** Compared by value: 1593.00 and 1593 are the same kopecks. */
        public Expected {
            quantity = quantity.stripTrailingZeros();
            sum = sum.stripTrailingZeros();
            reward = reward.stripTrailingZeros();
        }

        Expected plus(WildberriesFinance.Row row) {
            BigDecimal reward = row.retailAmount().subtract(row.forPay().abs());
            return new Expected(quantity.add(BigDecimal.valueOf(row.quantity())), sum.add(row.retailAmount()),
                    this.reward.add(reward));
        }
    }

    public boolean unf() {
        return onec.configuration() == OneCEmulator.Configuration.UNF;
    }

    public String salesSet() {
        return "Document_ОтчетКомиссионера";
    }

    public String servicesSet() {
        return unf() ? "Document_ПриходнаяНакладная" : "Document_ПриобретениеУслугПрочихАктивов";
    }

    public List<ObjectNode> documents(String entitySet, long reportId) {
        return onec.objects(entitySet).stream()
                .filter(d -> String.valueOf(reportId).equals(d.path("НомерВходящегоДокумента").asText())).toList();
    }

    /** The 1C item of a WB row (by barcode, as the sandbox cards have them). */
    public static SandboxData.Item item(WildberriesFinance.Row row) {
        return SandboxData.WB_CARDS.stream().filter(c -> c.barcode().equals(row.barcode())).findFirst()
                .orElseThrow(() -> new AssertionError("no sandbox card with barcode " + row.barcode())).item();
    }

    /** Key: nomenclature|characteristic|SALE or RETURN. */
    public Map<String, Expected> expectedLines(WildberriesFinance.Report report) {
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (int i = 0; i < report.rowCount(); i++) {
            WildberriesFinance.Row row = report.row(i);
            if (!row.docTypeName().equals("Продажа") && !row.docTypeName().equals("Возврат")) {
                continue;
            }
            SandboxData.Item item = item(row);
            String key = item.nomenclatureRef() + "|" + ref(item.characteristicRef()) + "|"
                    + (row.docTypeName().equals("Продажа") ? "SALE" : "RETURN");
            expected.merge(key, new Expected(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO).plus(row),
                    (a, b) -> new Expected(a.quantity().add(b.quantity()), a.sum().add(b.sum()),
                            a.reward().add(b.reward())));
        }
        return expected;
    }

    /** The same keys read from a commission agent's report in 1C (УТ: negative rows are returns). */
    public Map<String, Expected> actualLines(JsonNode doc) {
        Map<String, Expected> actual = new LinkedHashMap<>();
        if (unf()) {
            collect(actual, doc.path("Запасы"), "SALE", BigDecimal.ONE);
            collect(actual, doc.path("ЗапасыВозвраты"), "RETURN", BigDecimal.ONE);
        } else {
            for (JsonNode row : doc.path("Товары")) {
                boolean ret = row.path("Количество").decimalValue().signum() < 0;
                BigDecimal sign = ret ? BigDecimal.ONE.negate() : BigDecimal.ONE;
                String key = row.path("Номенклатура_Key").asText() + "|" + ref(row.path("Характеристика_Key").asText())
                        + "|" + (ret ? "RETURN" : "SALE");
                if (actual.containsKey(key)) {
                    throw new AssertionError("two rows for " + key);
                }
                actual.put(key, new Expected(row.path("Количество").decimalValue().multiply(sign),
                        row.path("СуммаПродажи").decimalValue().multiply(sign),
                        row.path("СуммаВознаграждения").decimalValue().multiply(sign)));
            }
        }
        return actual;
    }

    private static void collect(Map<String, Expected> actual, JsonNode rows, String kind, BigDecimal sign) {
        for (JsonNode row : rows) {
            String key = row.path("Номенклатура_Key").asText() + "|" + ref(row.path("Характеристика_Key").asText())
                    + "|" + kind;
            if (actual.containsKey(key)) {
                throw new AssertionError("two rows for " + key);
            }
            actual.put(key, new Expected(row.path("Количество").decimalValue(), row.path("Сумма").decimalValue(),
                    row.path("СуммаВознаграждения").decimalValue()));
        }
    }

    /**
     * Fee amounts per 1C service the sandbox's service map sends them to, field by field of WB's rows (the field
     * names the kind whatever the row's sellerOperName; the key is kind + bonusTypeName, else the bare kind). A fee
     * the sandbox does not map is under null.
     */
    public static Map<SandboxServices.Service, BigDecimal> expectedFees(WildberriesFinance.Report report) {
        Map<SandboxServices.Service, BigDecimal> fees = new LinkedHashMap<>();
        for (int i = 0; i < report.rowCount(); i++) {
            WildberriesFinance.Row row = report.row(i);
            String bonus = row.bonusTypeName() == null ? "" : row.bonusTypeName().replaceAll(",\\s*документ № \\d+$", "");
            add(fees, "Логистика", bonus, row.deliveryService());
            add(fees, "Возмещение издержек по перевозке", bonus, row.rebillLogisticCost());
            add(fees, "Хранение", bonus, row.paidStorage());
            add(fees, "Платная приемка", bonus, row.paidAcceptance());
            add(fees, "Штраф", bonus, row.penalty());
            add(fees, "Удержание", bonus, row.deduction());
            add(fees, "Корректировка вознаграждения", bonus, row.additionalPayment().negate());
        }
        return fees;
    }

    private static void add(Map<SandboxServices.Service, BigDecimal> fees, String kind, String bonus,
                            BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        SandboxServices.Service service = mapped(kind + ": " + bonus);
        fees.merge(service != null ? service : mapped(kind), amount, BigDecimal::add);
    }

    /** The 1C service the sandbox maps a WB service key to; null when it maps none. */
    public static SandboxServices.Service mapped(String key) {
        return SandboxServices.WILDBERRIES.stream().filter(k -> k[0].equals(key)).findFirst()
                .map(k -> SandboxServices.byName(k[1])).orElse(null);
    }

    private static String ref(String ref) {
        return ref == null || ref.isEmpty() || ref.startsWith("00000000-") ? "" : ref;
    }
}
