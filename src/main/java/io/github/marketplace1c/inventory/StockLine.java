package io.github.marketplace1c.inventory;

import java.math.BigDecimal;

/**
 * One row of a stock export, as the preview shows it and the sender sends it.
 *
 * @param warehouseKey the marketplace warehouse (Ozon warehouse id, WB warehouse id, YM campaign)
 * @param productKey   the marketplace product key of the product map (offer_id, chrtId, offerId)
 * @param onecFree     the free stock in 1C, summed over the 1C warehouses feeding that marketplace warehouse
 * @param value        what is sent
 * @param previous     what the marketplace last accepted (null: never sent)
 */
public record StockLine(String accountId, String warehouseKey, String productKey, String nomenclatureRef,
                        String characteristicRef, BigDecimal onecFree, String rule, long value, Long previous) {

    public boolean changed() {
        return previous == null || previous != value;
    }
}
