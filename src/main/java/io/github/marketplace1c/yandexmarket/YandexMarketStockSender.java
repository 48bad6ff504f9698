package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.inventory.StockLine;
import io.github.marketplace1c.inventory.StockSender;
import java.util.List;

/**
 * Yandex Market stock: {@code PUT /v2/campaigns/{campaignId}/offers/stocks} with
 * {@code {"skus":[{"sku":"<offerId>","items":[{"count":n}]}]}}, at most 2000 offers a request. The campaign (the
 * account's {@code settings.campaignId}) is the warehouse.
 */
public class YandexMarketStockSender implements StockSender {

    private final YandexMarketClient client;
    private final ObjectMapper json;
    private final io.github.marketplace1c.ratelimit.AccountThrottle itemPace;

    /**
     * @param itemPace paces full batches by Market's item-counted quota (100,000 offers a minute per campaign):
     *                 one permit is one batch of {@link #batchSize()} offers
     */
    public YandexMarketStockSender(YandexMarketClient client, ObjectMapper json,
                                   io.github.marketplace1c.ratelimit.AccountThrottle itemPace) {
        this.client = client;
        this.json = json;
        this.itemPace = itemPace;
    }

    @Override
    public String marketplace() {
        return YandexMarketOrderTranslator.MARKETPLACE;
    }

    @Override
    public int batchSize() {
        return 2000;
    }

    @Override
    public List<Rejection> send(Account account, String warehouseKey, List<StockLine> batch) {
        ObjectNode body = json.createObjectNode();
        ArrayNode skus = body.putArray("skus");
        for (StockLine line : batch) {
            ObjectNode sku = skus.addObject().put("sku", line.productKey());
            sku.putArray("items").addObject().put("count", line.value());
        }
        itemPace.acquire(account.id());
        client.putStocks(account, Long.parseLong(account.requiredSetting("campaignId")), body);
        return List.of();
    }
}
