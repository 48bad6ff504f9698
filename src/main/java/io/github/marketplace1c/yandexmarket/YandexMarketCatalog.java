package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.catalog.MarketplaceCatalog;
import io.github.marketplace1c.catalog.MarketplaceProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A Yandex Market business's catalog: {@code POST /v2/businesses/{businessId}/offer-mappings}, 100 offers a page,
 * {@code page_token} paging until no {@code nextPageToken}. The product map's key is the seller's {@code offerId}
 * (its SKU at Market), also its article; {@code vendorCode} is the manufacturer's code, kept for people.
 */
public class YandexMarketCatalog implements MarketplaceCatalog {

    static final int PAGE = 100;

    private final YandexMarketClient client;

    public YandexMarketCatalog(YandexMarketClient client) {
        this.client = client;
    }

    @Override
    public String marketplace() {
        return "yandex-market";
    }

    @Override
    public List<MarketplaceProduct> read(Account account, IntConsumer progress) {
        long businessId = Long.parseLong(account.requiredSetting("businessId").trim());
        List<MarketplaceProduct> products = new ArrayList<>();
        String pageToken = null;
        do {
            JsonNode result = client.offerMappings(account, businessId, pageToken, PAGE).path("result");
            for (JsonNode mapping : result.path("offerMappings")) {
                JsonNode offer = mapping.path("offer");
                List<String> barcodes = new ArrayList<>();
                offer.path("barcodes").forEach(b -> barcodes.add(b.asText()));
                String offerId = offer.path("offerId").asText();
                String marketSku = mapping.path("mapping").path("marketSku").asText("");
                products.add(new MarketplaceProduct(marketplace(), account.id(), offerId, offer.path("name").asText(null),
                        offerId, null, barcodes, marketSku.isEmpty() ? null : "marketSku " + marketSku));
            }
            progress.accept(products.size());
            pageToken = result.path("paging").path("nextPageToken").asText("");
        } while (!pageToken.isEmpty());
        return products;
    }
}
