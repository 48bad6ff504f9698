package io.github.marketplace1c.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A marketplace order as the rest of the system sees it, whatever marketplace it came from. Knows nothing
 * of 1C. Money is exact ({@link BigDecimal}); a line's {@code price} is the price of one unit.
 *
 * @param externalNumber    the marketplace's number for it (Ozon posting number, WB assembly order id, YM order
 *                          id): 1C keeps it to find the order again
 * @param marketplaceStatus the marketplace's status; the status map says what it means for 1C
 * @param warehouseKey      the marketplace warehouse (or store) it ships from
 * @param cancelReason      the marketplace's words on a cancellation, if any
 * @param details           marketplace references worth keeping in the 1C document's comment (WB rid, orderUid)
 */
public record Order(String marketplace, String accountId, String externalNumber, String marketplaceStatus,
                    Instant createdAt, String warehouseKey, String warehouseName, String cancelReason,
                    List<Line> lines, String details) {

    /**
     * @param price     the price of one unit
     * @param sum       the line's total as the marketplace states it: price × quantity, or — where the marketplace
     *                  gives only the total (Yandex Market) — that total, with {@code price} rounded to kopecks
     * @param statedVat the VAT rate the marketplace states for the line (Yandex Market item {@code vat}); null when
     *                  it states none. 1C's own rate is what the document gets; a stated rate that differs stops it.
     */
    public record Line(String productKey, String productName, BigDecimal quantity, BigDecimal price, BigDecimal sum,
                       StatedVat statedVat) {

        public Line(String productKey, String productName, BigDecimal quantity, BigDecimal price, BigDecimal sum) {
            this(productKey, productName, quantity, price, sum, null);
        }

        /** A line whose total is the unit price times the quantity, exactly. */
        public Line(String productKey, String productName, BigDecimal quantity, BigDecimal price) {
            this(productKey, productName, quantity, price, price.multiply(quantity));
        }
    }

    /**
     * A VAT rate as a marketplace states it.
     *
     * @param percent the rate (22, 10, 5 …); null for «без НДС» (not subject to VAT)
     * @param source  the marketplace's own value (VAT_22, NO_VAT …), kept for the dead letter's message
     */
    public record StatedVat(BigDecimal percent, String source) {

        public boolean exempt() {
            return percent == null;
        }

        @Override
        public String toString() {
            return (percent == null ? "без НДС" : percent.stripTrailingZeros().toPlainString() + " %")
                    + " (" + source + ")";
        }
    }

    public BigDecimal total() {
        return lines.stream().map(Line::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
