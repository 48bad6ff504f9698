package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.inventory.StockLine;
import io.github.marketplace1c.inventory.StockSender;
import io.github.marketplace1c.ratelimit.WindowQuota;
import java.util.List;

/**
 * Yandex Market stock: {@code PUT /v2/campaigns/{campaignId}/offers/stocks} with
 * {@code {"skus":[{"sku":"<offerId>","items":[{"count":n}]}]}}, at most 2000 offers a request. The campaign (the
 * account's {@code settings.campaignId}) is the warehouse.
 */
public class YandexMarketStockSender implements StockSender {

    private final YandexMarketClient client;
    private final ObjectMapper json;
    private final WindowQuota offersPerMinute;

    /**
     * @param offersPerMinute Market's item-counted quota per campaign (100,000 offers a minute): each request
     *                        reserves its offers; a minute is used whole, and the next waited for
     */
    public YandexMarketStockSender(YandexMarketClient client, ObjectMapper json, WindowQuota offersPerMinute) {
        this.client = client;
        this.json = json;
        this.offersPerMinute = offersPerMinute;
    }

    @Override
    public String marketplace() {
        return YandexMarketOrderTranslator.MARKETPLACE;
    }

    @Override
    public int batchSize() {
        return 2000;
    }

    /** One account is one campaign, one warehouse: two marketplace warehouses would overwrite each other. */
    @Override
    public void prepare(Account account, List<StockLine> lines) {
        List<String> warehouses = lines.stream().map(StockLine::warehouseKey).distinct().sorted().toList();
        if (warehouses.size() > 1) {
            throw new PermanentFailure(ReasonCode.CONFIGURATION, "Account " + account.id() + ": a Yandex Market "
                    + "account is one campaign (settings.campaignId) with one warehouse, but its stock goes to "
                    + warehouses + "; feed one warehouse from several 1C warehouses instead (PUT /api/stock/sources), "
                    + "or make an account per campaign");
        }
    }

    @Override
    public List<Rejection> send(Account account, String warehouseKey, List<StockLine> batch) {
        ObjectNode body = json.createObjectNode();
        ArrayNode skus = body.putArray("skus");
        for (StockLine line : batch) {
            ObjectNode sku = skus.addObject().put("sku", line.productKey());
            sku.putArray("items").addObject().put("count", line.value());
        }
        client.putStocks(account, Long.parseLong(account.requiredSetting("campaignId")), body, batch.size(),
                offersPerMinute);
        return List.of();
    }
}
