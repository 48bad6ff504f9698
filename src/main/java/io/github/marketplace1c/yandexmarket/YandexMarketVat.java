package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.order.Order;
import java.math.BigDecimal;

/**
 * An order item's {@code vat} (OrderVatType) as a stated rate. The "/110", "/120" values are the same rate charged on a
 * prepayment; {@code UNKNOWN_VALUE}, a value this code does not know, or no field at all state nothing (1C's rate
 * stands alone then).
 */
final class YandexMarketVat {

    private YandexMarketVat() {
    }

    static Order.StatedVat stated(JsonNode vat) {
        String value = vat == null || vat.isMissingNode() || vat.isNull() ? "" : vat.asText("");
        BigDecimal percent = switch (value) {
            case "NO_VAT" -> null;
            case "VAT_0" -> BigDecimal.ZERO;
            case "VAT_05" -> new BigDecimal("5");
            case "VAT_07" -> new BigDecimal("7");
            case "VAT_10", "VAT_10_110" -> BigDecimal.TEN;
            case "VAT_12" -> new BigDecimal("12");
            case "VAT_18", "VAT_18_118" -> new BigDecimal("18");
            case "VAT_20", "VAT_20_120" -> new BigDecimal("20");
            case "VAT_22" -> new BigDecimal("22");
            default -> BigDecimal.ONE.negate();
        };
        if (percent != null && percent.signum() < 0) {
            return null;
        }
        return new Order.StatedVat(percent, value);
    }
}
