package io.github.marketplace1c.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of the free stock a marketplace is shown, as in УТ's own marketplace module:
 * {@code max(0, min(free × percent / 100, free − safety stock))}, rounded down to whole units.
 *
 * @param source where the rule comes from, for the preview ("товар RM-TEA-001", "кабинет", "по умолчанию")
 */
public record StockRule(BigDecimal percent, BigDecimal safetyStock, String source) {

    public static final StockRule NONE = new StockRule(BigDecimal.valueOf(100), BigDecimal.ZERO, "по умолчанию");

    public long apply(BigDecimal free) {
        BigDecimal share = free.multiply(percent).divide(BigDecimal.valueOf(100), 3, RoundingMode.FLOOR);
        BigDecimal kept = free.subtract(safetyStock);
        BigDecimal value = share.min(kept).setScale(0, RoundingMode.FLOOR);
        return Math.max(0, value.longValueExact());
    }

    public String describe() {
        return source + " (" + percent.stripTrailingZeros().toPlainString() + " %, страховой запас "
                + safetyStock.stripTrailingZeros().toPlainString() + ")";
    }
}
