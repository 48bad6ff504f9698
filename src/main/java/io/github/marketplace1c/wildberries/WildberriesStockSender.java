package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.inventory.StockLine;
import io.github.marketplace1c.inventory.StockSender;
import java.util.ArrayList;
import java.util.List;

/**
 * Wildberries stock: {@code PUT /api/v3/stocks/{warehouseId}} with {@code {"stocks":[{"chrtId","amount"}]}}, at
 * most 1000 sizes a request. Stock is set per size, so the account's product key must be chrtId. A 409 lists the
 * sizes Wildberries refused; the others count as sent.
 */
public class WildberriesStockSender implements StockSender {

    private final WildberriesClient client;
    private final ObjectMapper json;

    public WildberriesStockSender(WildberriesClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public String marketplace() {
        return WildberriesOrderTranslator.MARKETPLACE;
    }

    @Override
    public int batchSize() {
        return 1000;
    }

    @Override
    public List<Rejection> send(Account account, String warehouseKey, List<StockLine> batch) {
        List<Rejection> rejected = new ArrayList<>();
        ObjectNode body = json.createObjectNode();
        ArrayNode stocks = body.putArray("stocks");
        for (StockLine line : batch) {
            if (!line.productKey().matches("\\d+")) {
                rejected.add(new Rejection(line.productKey(), "NotAChrtId", "Wildberries stock is set per size: map "
                        + "this product by chrtId (the account's settings.productKey)"));
                continue;
            }
            stocks.addObject().put("chrtId", Long.parseLong(line.productKey())).put("amount", Math.min(line.value(), 100_000));
        }
        if (stocks.isEmpty()) {
            return rejected;
        }
        JsonNode conflicts = client.putStocks(account, warehouseKey, body);
        for (JsonNode conflict : conflicts) {
            for (JsonNode item : conflict.path("data")) {
                rejected.add(new Rejection(item.path("chrtId").asText(), conflict.path("code").asText(""),
                        conflict.path("message").asText("")));
            }
        }
        return rejected;
    }
}
