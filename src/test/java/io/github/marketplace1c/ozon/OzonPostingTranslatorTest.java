package io.github.marketplace1c.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OzonPostingTranslatorTest {

    private final ObjectMapper json = new ObjectMapper();
    private final OzonPostingTranslator translator = new OzonPostingTranslator();

    private ObjectNode posting() throws Exception {
        return (ObjectNode) json.readTree("""
                {"posting_number":"0123456789-0001-1","order_id":123456789,"order_number":"0123456789-0001",
                 "status":"awaiting_packaging","in_process_at":"2026-11-02T09:15:00Z",
                 "delivery_method":{"id":1,"name":"Ozon Логистика","warehouse_id":1020000000001,"warehouse":"Ромашка FBS Подольск"},
                 "products":[
                   {"sku":1870000001,"offer_id":"RM-TEA-001","name":"Чай чёрный «Ассам», 250 г","quantity":2,
                    "price":{"amount":"349.00","currency":"RUB"}},
                   {"sku":1870000005,"offer_id":"RM-TSH-005-M","name":"Футболка","quantity":1,
                    "price":{"amount":"1290.50","currency":"RUB"}}]}
                """);
    }

    @Test
    void multiItemPostingBecomesAnOrderWithExactMoney() throws Exception {
        Order order = translator.toOrder("ozon-romashka", posting());

        assertThat(order.externalNumber()).isEqualTo("0123456789-0001-1");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
        assertThat(order.warehouseKey()).isEqualTo("1020000000001");
        assertThat(order.marketplaceStatus()).isEqualTo("awaiting_packaging");
        assertThat(order.lines()).hasSize(2);
        assertThat(order.lines().get(0).productKey()).isEqualTo("RM-TEA-001");
        assertThat(order.lines().get(0).sum()).isEqualByComparingTo("698.00");
        assertThat(order.lines().get(1).price()).isEqualByComparingTo(new BigDecimal("1290.50"));
        assertThat(order.total()).isEqualByComparingTo("1988.50");
    }

    @Test
    void cancelledPostingKeepsTheReasonAndInitiator() throws Exception {
        ObjectNode posting = posting();
        posting.put("status", "cancelled");
        posting.putObject("cancellation").put("cancel_reason", "Покупатель отменил заказ")
                .put("cancellation_initiator", "Покупатель");

        Order order = translator.toOrder("ozon-romashka", posting);

        assertThat(order.marketplaceStatus()).isEqualTo("cancelled");
        assertThat(order.cancelReason()).contains("Покупатель отменил заказ").contains("Покупатель");
    }

    @Test
    void malformedPriceIsReportedByItsFieldPath() throws Exception {
        ObjectNode posting = posting();
        ((ObjectNode) posting.get("products").get(1).get("price")).put("amount", "12O0.00");

        assertThatThrownBy(() -> translator.toOrder("ozon-romashka", posting))
                .isInstanceOf(PermanentFailure.class)
                .satisfies(e -> assertThat(((PermanentFailure) e).reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD))
                .hasMessageContaining("ozon-romashka")
                .hasMessageContaining("0123456789-0001-1")
                .hasMessageContaining("products[1].price.amount '12O0.00' is not a number");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() throws Exception {
        ObjectNode posting = posting();
        posting.remove("posting_number");
        posting.put("in_process_at", "вчера");
        ((ObjectNode) posting.get("products").get(0)).put("quantity", 0);
        ((ObjectNode) posting.get("products").get(0)).put("offer_id", "");

        assertThatThrownBy(() -> translator.toOrder("ozon-romashka", posting))
                .hasMessageContaining("order-123456789")
                .hasMessageContaining("posting_number is missing")
                .hasMessageContaining("in_process_at 'вчера' is not a date-time")
                .hasMessageContaining("products[0].quantity '0' is not a positive whole number")
                .hasMessageContaining("products[0].offer_id is missing");
    }

    @Test
    void postingWithoutProductsIsInvalid() throws Exception {
        ObjectNode posting = posting();
        posting.putArray("products");

        assertThatThrownBy(() -> translator.toOrder("a", posting)).hasMessageContaining("field products has no items");
    }
}
