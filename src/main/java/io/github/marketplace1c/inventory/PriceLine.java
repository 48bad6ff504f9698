package io.github.marketplace1c.inventory;

import java.math.BigDecimal;

/**
 * One row of a price export, as the preview shows it and the sender sends it. Money is exact (as 1C holds it).
 *
 * @param productKey the marketplace product key of the product map (offer_id, nmID, offerId)
 * @param price      the selling price: 1C price type {@code settings.priceType}
 * @param oldPrice   the crossed-out price: {@code settings.oldPriceType} (null: not configured or no price in 1C)
 * @param minPrice   the minimum price: {@code settings.minPriceType} (null: not configured or no price in 1C)
 * @param previous   what the marketplace last accepted, as {@link #value()} wrote it (null: never sent)
 */
public record PriceLine(String accountId, String productKey, String nomenclatureRef, String characteristicRef,
                        BigDecimal price, BigDecimal oldPrice, BigDecimal minPrice, String previous) {

    /** The three prices as one comparable string, e.g. "349/437/279.2" (empty where there is none). */
    public String value() {
        return plain(price) + "/" + plain(oldPrice) + "/" + plain(minPrice);
    }

    public boolean changed() {
        return previous == null || !previous.equals(value());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
