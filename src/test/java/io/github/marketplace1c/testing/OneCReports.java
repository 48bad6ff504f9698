package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxServices;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the report flows wrote into the 1C emulator, read the way an accountant reads it: the commission agent
 * report of a marketplace report number and its lines (УНФ: Запасы and ЗапасыВозвраты; УТ/КА: Товары with returns
 * as negative rows), the services receipt and its Расходы by 1C service.
 */
public record OneCReports(OneCEmulator onec) {

    /** A document line reduced to what is checked: nomenclature, characteristic, quantity, sum, reward. */
    public record Line(String nomenclature, String characteristic, BigDecimal quantity, BigDecimal sum,
                       BigDecimal reward) {
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

    public List<ObjectNode> sales(String incomingNumber) {
        return onec.objects(salesSet()).stream()
                .filter(d -> incomingNumber.equals(d.path("НомерВходящегоДокумента").asText())).toList();
    }

    public Optional<ObjectNode> oneSales(String incomingNumber) {
        List<ObjectNode> found = sales(incomingNumber);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " commission agent reports for " + incomingNumber);
        }
        return found.stream().findFirst();
    }

    public List<ObjectNode> services(String incomingNumber) {
        return onec.objects(servicesSet()).stream()
                .filter(d -> incomingNumber.equals(d.path("НомерВходящегоДокумента").asText())).toList();
    }

    /** Sale lines (УНФ Запасы; УТ Товары with a positive quantity). */
    public List<Line> saleLines(JsonNode doc) {
        return unf() ? lines(doc.path("Запасы"), false) : lines(doc.path("Товары"), false).stream()
                .filter(l -> l.quantity().signum() > 0).toList();
    }

    /** Return lines as positive figures (УНФ ЗапасыВозвраты; УТ the negative rows of Товары, negated). */
    public List<Line> returnLines(JsonNode doc) {
        return unf() ? lines(doc.path("ЗапасыВозвраты"), false) : lines(doc.path("Товары"), true).stream()
                .filter(l -> l.quantity().signum() > 0).toList();
    }

    private List<Line> lines(JsonNode rows, boolean negate) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            BigDecimal sign = negate ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            lines.add(new Line(row.path("Номенклатура_Key").asText(), row.path("Характеристика_Key").asText(),
                    row.path("Количество").decimalValue().multiply(sign),
                    row.path(unf() ? "Сумма" : "СуммаПродажи").decimalValue().multiply(sign),
                    row.path("СуммаВознаграждения").decimalValue().multiply(sign)));
        }
        return lines;
    }

    /** The line of a 1C item (nomenclature and characteristic) among lines. */
    public static Line lineOf(List<Line> lines, SandboxData.Item item) {
        String characteristic = item.characteristicRef() == null ? OneCReports.EMPTY_REF : item.characteristicRef();
        List<Line> found = lines.stream().filter(l -> l.nomenclature().equals(item.nomenclatureRef())
                && (l.characteristic().equals(characteristic) || l.characteristic().isEmpty() && item.characteristicRef() == null))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " lines for " + item.name() + " " + item.characteristicName()
                    + " in " + lines);
        }
        return found.get(0);
    }

    public static final String EMPTY_REF = "00000000-0000-0000-0000-000000000000";

    /** The Расходы amount of a 1C service (УНФ by nomenclature, УТ/КА by the expense item). */
    public BigDecimal serviceAmount(JsonNode doc, SandboxServices.Service service) {
        BigDecimal sum = null;
        for (JsonNode row : doc.path("Расходы")) {
            boolean match = unf() ? service.nomenclatureRef().equals(row.path("Номенклатура_Key").asText())
                    : service.expenseItemRef().equals(row.path("СтатьяРасходов").asText());
            if (match) {
                if (sum != null) {
                    throw new AssertionError("two Расходы rows for " + service.name());
                }
                sum = row.path("Сумма").decimalValue();
            }
        }
        return sum;
    }
}
