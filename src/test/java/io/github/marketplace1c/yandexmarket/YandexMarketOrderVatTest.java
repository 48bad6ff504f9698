package io.github.marketplace1c.yandexmarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.order.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The item's {@code vat} (OrderVatType) travels into the canonical line as the marketplace's stated rate. */
class YandexMarketOrderVatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Order.StatedVat stated(String vat) throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree("""
                {"orderId": 52079190, "status": "PROCESSING", "creationDate": "2026-11-02T12:15:00+03:00",
                 "campaignId": 21000001,
                 "items": [{"offerId": "RM-TEA-001", "offerName": "Чай", "count": 2,
                            "prices": {"payment": {"value": 698.00, "currencyId": "RUR"}}}]}
                """);
        if (vat != null) {
            ((ObjectNode) order.path("items").get(0)).put("vat", vat);
        }
        List<Order.Line> lines = new YandexMarketOrderTranslator().toOrder("ym-romashka", order).lines();
        return lines.get(0).statedVat();
    }

    @Test
    void eachStatedRateBecomesItsNumber() throws Exception {
        assertThat(stated("VAT_22").percent()).isEqualByComparingTo("22");
        assertThat(stated("VAT_10").percent()).isEqualByComparingTo("10");
        assertThat(stated("VAT_07").percent()).isEqualByComparingTo("7");
        assertThat(stated("VAT_05").percent()).isEqualByComparingTo("5");
        assertThat(stated("VAT_0").percent()).isEqualByComparingTo("0");
        // the prepayment forms are the same rate
        assertThat(stated("VAT_20_120").percent()).isEqualByComparingTo("20");
        assertThat(stated("VAT_10_110").percent()).isEqualByComparingTo("10");
        assertThat(stated("VAT_22").source()).isEqualTo("VAT_22");
    }

    @Test
    void noVatIsWithoutVatNotZero() throws Exception {
        Order.StatedVat none = stated("NO_VAT");

        assertThat(none.exempt()).isTrue();
        assertThat(none.percent()).isNull();
        assertThat(none.toString()).isEqualTo("без НДС (NO_VAT)");
        assertThat(stated("VAT_0").exempt()).isFalse();
    }

    @Test
    void anUnknownOrMissingValueStatesNothing() throws Exception {
        assertThat(stated(null)).isNull();
        assertThat(stated("UNKNOWN_VALUE")).isNull();
        assertThat(stated("VAT_99")).isNull();
    }
}
