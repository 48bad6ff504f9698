package io.github.marketplace1c.onec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One item of 1C's {@code Catalog_СтавкиНДС} as a document row refers to it.
 *
 * @param ref     the item's Ref_Key (the row's {@code СтавкаНДС_Key})
 * @param percent the rate (22, 10, 7, 5, 0); null for «Без НДС»
 */
public record VatRate(String ref, BigDecimal percent) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public boolean exempt() {
        return percent == null;
    }

    /**
     * The VAT inside a sum that includes it, as 1C computes it for «сумма (цена) включает НДС»: sum × rate / (100 +
     * rate), rounded to the kopeck half away from zero (1C's Окр; a return's negative row rounds like its sale).
     */
    public BigDecimal vatIn(BigDecimal sumWithVat) {
        if (percent == null || percent.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return sumWithVat.multiply(percent).divide(HUNDRED.add(percent), 2, RoundingMode.HALF_UP);
    }

    /** Whether a marketplace's stated rate is this one (22 = 22.00; «без НДС» only equals «Без НДС»). */
    public boolean sameAs(BigDecimal statedPercent) {
        if (percent == null || statedPercent == null) {
            return percent == null && statedPercent == null;
        }
        return percent.compareTo(statedPercent) == 0;
    }

    public static String describe(BigDecimal percent) {
        return percent == null ? "без НДС" : percent.stripTrailingZeros().toPlainString() + " %";
    }

    @Override
    public String toString() {
        return describe(percent);
    }
}
