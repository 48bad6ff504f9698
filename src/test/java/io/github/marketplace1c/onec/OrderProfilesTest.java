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
        ObjectNode doc = new UnfOrderProfile(settings).newOrder(order(), json);

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
    }

    @Test
    void utOrderIsZakazKlientaWithTovaryPartnerAndAgreement() {
        ObjectNode doc = new UtOrderProfile(settings).newOrder(order(), json);

        assertThat(doc.path("НомерПоДаннымКлиента").asText()).isEqualTo("0123456789-0001-1");
        assertThat(doc.path("Партнер_Key").asText()).isEqualTo("99999999-9999-9999-9999-999999999999");
        assertThat(doc.path("Соглашение_Key").asText()).isEqualTo("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa");
        assertThat(doc.path("Склад_Key").asText()).isEqualTo(WAREHOUSE);
        assertThat(doc.path("ХозяйственнаяОперация").asText()).isEqualTo("ПередачаНаКомиссию");
        assertThat(doc.path("Статус").asText()).isEqualTo("КОтгрузке");
        JsonNode rows = doc.path("Товары");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).path("LineNumber").asInt()).isEqualTo(2);
        assertThat(rows.get(1).path("КодСтроки").asInt()).isEqualTo(2);
        assertThat(rows.get(1).path("Номенклатура_Key").asText()).isEqualTo(SHIRT);
        assertThat(rows.get(1).path("Сумма").decimalValue()).isEqualByComparingTo("1290.50");
        assertThat(rows.get(1).path("СуммаСНДС").decimalValue()).isEqualByComparingTo("1290.50");
        assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo("1988.50");
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
