package io.github.marketplace1c.onec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.order.ResolvedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderProfilesTest {

    private static final String ORG = "11111111-1111-1111-1111-111111111111";
    private static final String OZON = "22222222-2222-2222-2222-222222222222";
    private static final String CONTRACT = "33333333-3333-3333-3333-333333333333";
    private static final String WAREHOUSE = "44444444-4444-4444-4444-444444444444";
    private static final String TEA = "55555555-5555-5555-5555-555555555555";
    private static final String SHIRT = "66666666-6666-6666-6666-666666666666";
    private static final String SIZE_M = "77777777-7777-7777-7777-777777777777";

    private static final VatRate VAT_10 = new VatRate("cccccccc-cccc-cccc-cccc-cccccccccc10", BigDecimal.TEN);
    private static final VatRate VAT_22 = new VatRate("cccccccc-cccc-cccc-cccc-cccccccccc22", new BigDecimal("22"));
    private static final VatRate NO_VAT = new VatRate("cccccccc-cccc-cccc-cccc-cccccccccc00", null);
    /** Tea at 10 %, the shirt at 22 %: each item's own rate. */
    private static final DocumentVat OWN_RATES = new DocumentVat(Map.of(TEA, VAT_10, SHIRT, VAT_22));

    private final ObjectMapper json = new ObjectMapper();
    private final OneCSettings settings = new OneCSettings(ZoneId.of("Europe/Moscow"), null, true,
            "ПередачаНаКомиссию", "КОтгрузке", null, "88888888-8888-8888-8888-888888888888", "Отменен");

    private ResolvedOrder order() {
        Account account = new Account("ozon-romashka", "ozon", "Ozon — ООО «Ромашка»", true, LocalDate.of(2026, 11, 1),
                Map.of(), new Account.OneCReferences(ORG, OZON, CONTRACT, "99999999-9999-9999-9999-999999999999",
                "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", null), Map.of());
        Order order = new Order("ozon", account.id(), "0123456789-0001-1", "awaiting_packaging",
                Instant.parse("2026-11-02T09:15:00Z"), "1020000000001", "Подольск", null, List.of(
                new Order.Line("RM-TEA-001", "Чай", new BigDecimal("2"), new BigDecimal("349.00")),
                new Order.Line("RM-TSH-005-M", "Футболка", BigDecimal.ONE, new BigDecimal("1290.50"))), null);
        return new ResolvedOrder(order, account, WAREHOUSE, List.of(
                new ResolvedOrder.ResolvedLine(order.lines().get(0), TEA, null),
                new ResolvedOrder.ResolvedLine(order.lines().get(1), SHIRT, SIZE_M)));
    }

    @Test
    void unfOrderIsZakazPokupatelyaWithZapasyAndCompositeNomenclature() {
        ObjectNode doc = new UnfOrderProfile(settings).newOrder(order(), OWN_RATES, json);

        assertThat(doc.path("Date").asText()).isEqualTo("2026-11-02T12:15:00"); // Moscow wall-clock time
        assertThat(doc.path("ВидОперации").asText()).isEqualTo("ЗаказНаПродажу");
        assertThat(doc.path("Организация_Key").asText()).isEqualTo(ORG);
        assertThat(doc.path("Контрагент_Key").asText()).isEqualTo(OZON);
        assertThat(doc.path("Договор_Key").asText()).isEqualTo(CONTRACT);
        assertThat(doc.path("НомерВходящегоДокумента").asText()).isEqualTo("0123456789-0001-1");
        assertThat(doc.path("Комментарий").asText()).contains("Ozon").contains("ООО «Ромашка»").contains("0123456789-0001-1");
        assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo("1988.50");
        JsonNode rows = doc.path("Запасы");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("LineNumber").asInt()).isEqualTo(1);
        assertThat(rows.get(0).path("Номенклатура").asText()).isEqualTo(TEA);
        assertThat(rows.get(0).path("Номенклатура_Type").asText()).isEqualTo("StandardODATA.Catalog_Номенклатура");
        assertThat(rows.get(0).path("Характеристика_Key").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(rows.get(0).path("Количество").decimalValue()).isEqualByComparingTo("2");
        assertThat(rows.get(0).path("Цена").decimalValue()).isEqualByComparingTo("349.00");
        assertThat(rows.get(0).path("Сумма").decimalValue()).isEqualByComparingTo("698.00");
        assertThat(rows.get(1).path("LineNumber").asInt()).isEqualTo(2);
        assertThat(rows.get(1).path("Характеристика_Key").asText()).isEqualTo(SIZE_M);
        assertThat(rows.get(1).path("СтруктурнаяЕдиницаРезерв_Key").asText()).isEqualTo(WAREHOUSE);
        // VAT inside the sums: 698.00 × 10/110 = 63.4545… → 63.45; 1290.50 × 22/122 = 232.7131… → 232.71
        assertThat(doc.path("СуммаВключаетНДС").asBoolean()).isTrue();
        assertThat(doc.path("НалогообложениеНДС").asText()).isEqualTo("ОблагаетсяНДС");
        assertThat(rows.get(0).path("СтавкаНДС_Key").asText()).isEqualTo(VAT_10.ref());
        assertThat(rows.get(0).path("СуммаНДС").decimalValue()).isEqualByComparingTo("63.45");
        assertThat(rows.get(0).path("Всего").decimalValue()).isEqualByComparingTo("698.00");
        assertThat(rows.get(1).path("СтавкаНДС_Key").asText()).isEqualTo(VAT_22.ref());
        assertThat(rows.get(1).path("СуммаНДС").decimalValue()).isEqualByComparingTo("232.71");
    }

    @Test
    void anOrderWhoseEveryLineIsWithoutVatIsNotSubjectToVat() {
        DocumentVat none = new DocumentVat(Map.of(TEA, NO_VAT, SHIRT, NO_VAT));

        ObjectNode unf = new UnfOrderProfile(settings).newOrder(order(), none, json);
        ObjectNode ut = new UtOrderProfile(settings).newOrder(order(), none, json);

        assertThat(unf.path("НалогообложениеНДС").asText()).isEqualTo("НеОблагаетсяНДС");
        assertThat(ut.path("НалогообложениеНДС").asText()).isEqualTo("ПродажаНеОблагаетсяНДС");
        for (JsonNode row : unf.path("Запасы")) {
            assertThat(row.path("СтавкаНДС_Key").asText()).isEqualTo(NO_VAT.ref());
            assertThat(row.path("СуммаНДС").decimalValue()).isEqualByComparingTo("0");
        }
        for (JsonNode row : ut.path("Товары")) {
            assertThat(row.path("СтавкаНДС_Key").asText()).isEqualTo(NO_VAT.ref());
            assertThat(row.path("СуммаНДС").decimalValue()).isEqualByComparingTo("0");
        }
    }

    @Test
    void vatInsideASumIsRoundedToTheKopeckHalfAwayFromZeroAs1CDoes() {
        VatRate five = new VatRate("r5", new BigDecimal("5"));
        VatRate seven = new VatRate("r7", new BigDecimal("7"));
        VatRate ten = new VatRate("r10", BigDecimal.TEN);
        // sum × rate / (100 + rate)
        assertThat(five.vatIn(new BigDecimal("21.00"))).isEqualByComparingTo("1.00");
        assertThat(five.vatIn(new BigDecimal("999.99"))).isEqualByComparingTo("47.62");   // 47.6185…
        assertThat(seven.vatIn(new BigDecimal("0.15"))).isEqualByComparingTo("0.01");    // 0.0098…
        assertThat(seven.vatIn(new BigDecimal("1234.56"))).isEqualByComparingTo("80.77"); // 80.7658…
        // exactly half a kopeck rounds up; a return's negative sum rounds like its sale
        assertThat(ten.vatIn(new BigDecimal("0.055"))).isEqualByComparingTo("0.01");
        assertThat(ten.vatIn(new BigDecimal("-0.055"))).isEqualByComparingTo("-0.01");
        assertThat(new VatRate("r0", BigDecimal.ZERO).vatIn(new BigDecimal("100"))).isEqualByComparingTo("0");
        assertThat(NO_VAT.vatIn(new BigDecimal("100"))).isEqualByComparingTo("0");
    }

    @Test
    void utCancellationResendsEveryRowCancelledWithIntegersAsNumbers() throws Exception {
        JsonNode existing = json.readTree("""
                {"Ref_Key":"bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb","Статус":"КОтгрузке","Комментарий":"Ozon",
                 "Товары":[{"Ref_Key":"bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb","LineNumber":"1","КодСтроки":"1",
                            "Номенклатура_Key":"%s","Количество":2,"Отменено":false},
                           {"Ref_Key":"bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb","LineNumber":"2","КодСтроки":"2",
                            "Номенклатура_Key":"%s","Количество":1,"Отменено":false}]}
                """.formatted(TEA, SHIRT));
        UtOrderProfile profile = new UtOrderProfile(settings);

        ObjectNode patch = profile.cancellation(existing, order().order(), json);

        assertThat(patch.path("Статус").asText()).isEqualTo("Закрыт");
        assertThat(patch.path("Товары")).hasSize(2);
        assertThat(patch.path("Товары").get(1).path("LineNumber").isNumber()).isTrue();
        assertThat(patch.path("Товары").get(1).path("КодСтроки").asInt()).isEqualTo(2);
        assertThat(patch.path("Товары").get(1).path("Отменено").asBoolean()).isTrue();
        assertThat(patch.path("Товары").get(1).has("Ref_Key")).isFalse();
        assertThat(profile.isCancelled(existing)).isFalse();
    }

    @Test
    void unfCancellationSetsCompletionVariantAndCompletedState() throws Exception {
        ObjectNode patch = new UnfOrderProfile(settings).cancellation(json.readTree("{}"), order().order(), json);

        assertThat(patch.path("ВариантЗавершения").asText()).isEqualTo("Отменен");
        assertThat(patch.path("СостояниеЗаказа").asText()).isEqualTo("88888888-8888-8888-8888-888888888888");
        assertThat(patch.path("СостояниеЗаказа_Type").asText()).isEqualTo("StandardODATA.Catalog_СостоянияЗаказовПокупателей");
    }
}
