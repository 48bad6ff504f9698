package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxServices;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCReports;
import io.github.marketplace1c.testing.OneCVat;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * VAT on the report documents (Ozon's October reports through the whole flow, УТ and УНФ): each Отчет комиссионера
 * row names 1C's rate and holds the VAT of its sale and of the marketplace's reward (22 %, the marketplace's own
 * rate); each services row the rate of its service item; the headers say whether the sale is taxed. ООО «Ромашка»
 * is on ОСН (22 %, food 10 %; here also the mug at 7 % and the candle «Без НДС», set in 1C before the run), ИП
 * Васильков on УСН with 5 %.
 */
class VatOnReportsTest {

    private static final String ROMASHKA_REPORT = "100001-2026-10";
    private static final String VASILKOV_REPORT = "100002-2026-10";
    private static final SandboxData.Item MUG = item("RM-MUG-004");
    private static final SandboxData.Item CANDLE = item("RM-CAN-007");

    @TempDir
    Path temp;

    private static SandboxData.Item item(String article) {
        return SandboxData.ITEMS.stream().filter(i -> i.article().equals(article)).findFirst().orElseThrow();
    }

    private static SandboxData.VatItem romashkaRate(String nomenclatureRef) {
        if (nomenclatureRef.equals(MUG.nomenclatureRef())) {
            return SandboxData.VAT_7;
        }
        if (nomenclatureRef.equals(CANDLE.nomenclatureRef())) {
            return SandboxData.VAT_NONE;
        }
        return SandboxData.vatOf(SandboxData.ITEMS.stream().filter(i -> i.nomenclatureRef().equals(nomenclatureRef))
                .findFirst().orElseThrow());
    }

    private static FlowWorld world(OneCEmulator.Configuration configuration, Path temp) throws Exception {
        FlowWorld world = new FlowWorld(configuration, temp, Map.of());
        world.start();
        OneCVat vat = new OneCVat(world.onec);
        vat.setItemRate(MUG.nomenclatureRef(), SandboxData.VAT_7);
        vat.setItemRate(CANDLE.nomenclatureRef(), SandboxData.VAT_NONE);
        return world;
    }

    /** Every sale and return row: the item's rate (or the regime's), its VAT, the VAT of the reward at 22 %. */
    private static Set<SandboxData.VatItem> assertRows(OneCVat vat, JsonNode doc, boolean vasilkov) {
        Set<SandboxData.VatItem> seen = new HashSet<>();
        List<JsonNode> rows = new java.util.ArrayList<>();
        for (String section : vat.unf() ? List.of("Запасы", "ЗапасыВозвраты") : List.of("Товары")) {
            doc.path(section).forEach(rows::add);
        }
        assertThat(rows).isNotEmpty();
        for (JsonNode row : rows) {
            SandboxData.VatItem expected = vasilkov ? SandboxData.VAT_5
                    : romashkaRate(row.path("Номенклатура_Key").asText());
            BigDecimal sum = row.path(vat.unf() ? "Сумма" : "СуммаПродажи").decimalValue();
            assertThat(vat.rateOf(row)).as("rate of %s", row).isEqualTo(expected);
            assertThat(row.path("СуммаНДС").decimalValue()).as("VAT of %s", row)
                    .isEqualByComparingTo(OneCVat.vatIn(sum, expected));
            if (!vat.unf()) {
                assertThat(row.path("СуммаПродажиНДС").decimalValue()).isEqualByComparingTo(OneCVat.vatIn(sum, expected));
            }
            assertThat(row.path("СуммаНДСВознаграждения").decimalValue()).isEqualByComparingTo(
                    OneCVat.vatIn(row.path("СуммаВознаграждения").decimalValue(), SandboxData.VAT_22));
            seen.add(expected);
        }
        assertThat(doc.path("СтавкаНДСВознаграждения_Key").asText()).isEqualTo(SandboxData.VAT_22.ref());
        if (!vat.unf()) {
            assertThat(doc.path("СуммаНДСВознаграждения").decimalValue()).isEqualByComparingTo(rows.stream()
                    .map(r -> r.path("СуммаНДСВознаграждения").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertThat(doc.path(vat.unf() ? "СуммаВключаетНДС" : "ЦенаВключаетНДС").asBoolean()).isTrue();
        assertThat(doc.path("НалогообложениеНДС").asText()).isEqualTo(vat.unf() ? "ОблагаетсяНДС" : "ПродажаОблагаетсяНДС");
        return seen;
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void commissionAgentReportRowsCarry1CsRateAndTheVatOfSaleAndRewardToTheKopeck(
            OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            world.runFlow("ozon-sales-report");

            OneCReports onec = new OneCReports(world.onec);
            OneCVat vat = new OneCVat(world.onec);
            ObjectNode romashka = onec.oneSales(ROMASHKA_REPORT).orElseThrow();
            ObjectNode vasilkov = onec.oneSales(VASILKOV_REPORT).orElseThrow();
            Set<SandboxData.VatItem> seen = new HashSet<>(assertRows(vat, romashka, false));
            seen.addAll(assertRows(vat, vasilkov, true));
            assertThat(seen).contains(SandboxData.VAT_22, SandboxData.VAT_10, SandboxData.VAT_7, SandboxData.VAT_5,
                    SandboxData.VAT_NONE);

            // by hand: tea 4886.00 at 10 % holds 444.18, its reward 550.82 at 22 % 99.33; the shirt L sold for
            // 2580.00 at 22 % holds 465.25, its return of 1290.00 232.62 (УТ: a negative row, −232.62)
            JsonNode tea = row(vat, romashka, item("RM-TEA-001"), false);
            assertThat(tea.path("СуммаНДС").decimalValue()).isEqualByComparingTo("444.18");
            assertThat(tea.path("СуммаНДСВознаграждения").decimalValue()).isEqualByComparingTo("99.33");
            SandboxData.Item shirtL = SandboxData.ITEMS.stream()
                    .filter(i -> "Размер L".equals(i.characteristicName())).findFirst().orElseThrow();
            assertThat(row(vat, romashka, shirtL, false).path("СуммаНДС").decimalValue()).isEqualByComparingTo("465.25");
            assertThat(row(vat, romashka, shirtL, true).path("СуммаНДС").decimalValue())
                    .isEqualByComparingTo(vat.unf() ? "232.62" : "-232.62");
        }
    }

    private static JsonNode row(OneCVat vat, JsonNode doc, SandboxData.Item item, boolean returned) {
        String characteristic = item.characteristicRef() == null ? OneCReports.EMPTY_REF : item.characteristicRef();
        JsonNode rows = doc.path(vat.unf() ? (returned ? "ЗапасыВозвраты" : "Запасы") : "Товары");
        for (JsonNode row : rows) {
            boolean sign = vat.unf() || (row.path("Количество").decimalValue().signum() < 0) == returned;
            if (sign && row.path("Номенклатура_Key").asText().equals(item.nomenclatureRef())
                    && row.path("Характеристика_Key").asText(OneCReports.EMPTY_REF).equals(characteristic)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + item.name() + " " + item.characteristicName());
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void servicesReceiptRowsCarryTheServicesRateAndItsVat(OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = world(configuration, temp)) {
            OneCVat vat = new OneCVat(world.onec);
            // acquiring is a bank service exempt from VAT: the seller's 1C service item says «Без НДС»
            vat.setItemRate(SandboxServices.ACQUIRING.nomenclatureRef(), SandboxData.VAT_NONE);

            world.runFlow("ozon-services");

            OneCReports onec = new OneCReports(world.onec);
            Set<SandboxData.VatItem> seen = new HashSet<>();
            for (String number : List.of("Ozon 100001 2026-10", "Ozon 100002 2026-10")) {
                ObjectNode doc = onec.services(number).get(0);
                assertThat(doc.path("Расходы")).isNotEmpty();
                for (JsonNode row : doc.path("Расходы")) {
                    boolean acquiring = onec.unf()
                            ? SandboxServices.ACQUIRING.nomenclatureRef().equals(row.path("Номенклатура_Key").asText())
                            : SandboxServices.ACQUIRING.expenseItemRef().equals(row.path("СтатьяРасходов").asText());
                    // the service item's rate, whatever the seller's regime (ИП Васильков's 5 % is not on them)
                    SandboxData.VatItem expected = acquiring ? SandboxData.VAT_NONE : SandboxData.VAT_22;
                    assertThat(vat.rateOf(row)).isEqualTo(expected);
                    assertThat(row.path("СуммаНДС").decimalValue())
                            .isEqualByComparingTo(OneCVat.vatIn(row.path("Сумма").decimalValue(), expected));
                    seen.add(expected);
                }

                assertThat(doc.path("НалогообложениеНДС").asText())
                        .isEqualTo(vat.unf() ? "ОблагаетсяНДС" : "ПродажаОблагаетсяНДС");
            }
            assertThat(seen).containsExactlyInAnyOrder(SandboxData.VAT_22, SandboxData.VAT_NONE);
            // by hand: Ромашка's logistics 4897.00 at 22 % hold 883.07
            ObjectNode romashka = onec.services("Ozon 100001 2026-10").get(0);
            JsonNode logistics = null;
            for (JsonNode row : romashka.path("Расходы")) {
                if (onec.unf() ? SandboxServices.LOGISTICS.nomenclatureRef().equals(row.path("Номенклатура_Key").asText())
                        : SandboxServices.LOGISTICS.expenseItemRef().equals(row.path("СтатьяРасходов").asText())) {
                    logistics = row;
                }
            }
            assertThat(logistics).isNotNull();
            assertThat(logistics.path("СуммаНДС").decimalValue()).isEqualByComparingTo("883.07");
        }
    }
}
