package io.github.marketplace1c.report;

import java.math.BigDecimal;

/**
 * One sale or return of a report as the marketplace states it (a row; the flow adds rows up per product and kind
 * while it streams, so rows are never kept). Amounts are positive for both kinds: the kind says the direction.
 *
 * @param productKey the product's key in the product map for this marketplace and account (what the account's orders
 *                   and stock use: Ozon offer_id, Wildberries the account's productKey, Yandex Market offerId)
 * @param name       the product's name as the marketplace shows it, for messages; may be null
 * @param quantity   units sold or returned
 * @param saleSum    the sale sum for the buyer (what the commission agent sold the goods for)
 * @param reward     the marketplace's reward (commission) on this line
 * @param transfer   what the marketplace transfers to the seller for this line; null when it does not say
 * @param rowKey     the marketplace's id of the row (Wildberries rrdId), for messages; may be null
 */
public record ReportLine(Kind kind, String productKey, String name, BigDecimal quantity, BigDecimal saleSum,
                         BigDecimal reward, BigDecimal transfer, String rowKey) {

    public enum Kind { SALE, RETURN }
}
