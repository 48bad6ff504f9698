package io.github.marketplace1c.catalog;

import java.util.List;

/**
 * A product as a marketplace's catalog shows it, for one account.
 *
 * @param key            the product map's key for this account (Ozon offer_id, Wildberries chrtId/nmId/article/barcode
 *                       per settings.productKey, Market offerId)
 * @param article        the seller's article at the marketplace (offer_id, vendorCode, offerId)
 * @param size           Wildberries: the size (techSize) of this chrtID, else null
 * @param barcodes       the product's barcodes as the marketplace knows them (may be empty)
 * @param marketplaceIds the marketplace's own ids, for people: "sku 1870000010", "nmID 210000004, chrtID 310000004"
 */
public record MarketplaceProduct(String marketplace, String accountId, String key, String name, String article,
                                 String size, List<String> barcodes, String marketplaceIds) {

    public MarketplaceProduct {
        barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
    }
}
