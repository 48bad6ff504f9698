package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.catalog.MarketplaceCatalog;
import io.github.marketplace1c.catalog.MarketplaceProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An Ozon cabinet's catalog: {@code POST /v3/product/list} (every visibility, 1000 a page, {@code last_id} paging)
 * for the product ids, then {@code POST /v3/product/info/list} (1000 ids a call) for name, barcodes and SKU. The product
 * map's key at Ozon is {@code offer_id}, which is also the seller's article.
 */
public class OzonCatalog implements MarketplaceCatalog {

    static final int PAGE = 1000;

    private final OzonSellerClient client;
    private final ObjectMapper json;

    public OzonCatalog(OzonSellerClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public String marketplace() {
        return OzonPostingTranslator.MARKETPLACE;
    }

    @Override
    public List<MarketplaceProduct> read(Account account, IntConsumer progress) {
        List<MarketplaceProduct> products = new ArrayList<>();
        String lastId = "";
        while (true) {
            ObjectNode body = json.createObjectNode();
            body.putObject("filter").put("visibility", "ALL");
            body.put("last_id", lastId);
            body.put("limit", PAGE);
            JsonNode result = client.post(account, "/v3/product/list", body).path("result");
            List<String> ids = new ArrayList<>();
            result.path("items").forEach(item -> ids.add(item.path("product_id").asText()));
            if (!ids.isEmpty()) {
                ObjectNode info = json.createObjectNode();
                ids.forEach(info.putArray("product_id")::add);
                for (JsonNode item : client.post(account, "/v3/product/info/list", info).path("items")) {
                    List<String> barcodes = new ArrayList<>();
                    item.path("barcodes").forEach(b -> barcodes.add(b.asText()));
                    String offerId = item.path("offer_id").asText();
                    products.add(new MarketplaceProduct(marketplace(), account.id(), offerId,
                            item.path("name").asText(null), offerId, null, barcodes,
                            "product_id " + item.path("id").asText() + (item.hasNonNull("sku")
                                    ? ", sku " + item.path("sku").asText() : "")));
                }
                progress.accept(products.size());
            }
            String next = result.path("last_id").asText("");
            if (next.isEmpty() || ids.isEmpty()) {
                return products;
            }
            if (next.equals(lastId)) {
                // the same page again would be read for ever
                throw new io.github.marketplace1c.failure.TransientFailure(
                        io.github.marketplace1c.failure.ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id()
                        + ": Ozon /v3/product/list answered the same last_id '" + next + "' twice", null, null);
            }
            lastId = next;
        }
    }
}
