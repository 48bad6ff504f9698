package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.inventory.StockLine;
import io.github.marketplace1c.inventory.StockSender;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ozon stock: {@code POST /v2/products/stocks}, at most 100 product × warehouse pairs a request and 80 requests a
 * minute per account (its own pace, on top of the account's global one). The schema requires Ozon's
 * {@code product_id} beside the {@code offer_id}: it is looked up once per run with {@code POST /v3/product/list}.
 */
public class OzonStockSender implements StockSender {

    private final OzonSellerClient client;
    private final AccountThrottle stockPace;
    private final ObjectMapper json;
    private final Map<String, Map<String, Long>> productIds = new ConcurrentHashMap<>();

    /** Ozon takes a product × warehouse pair's stock once in 30 seconds ("Stock is updated too frequently"). */
    private static final java.time.Duration SAME_PAIR_INTERVAL = java.time.Duration.ofSeconds(30);

    @Override
    public java.time.Duration minInterval() {
        return SAME_PAIR_INTERVAL;
    }

    public OzonStockSender(OzonSellerClient client, AccountThrottle stockPace, ObjectMapper json) {
        this.client = client;
        this.stockPace = stockPace;
        this.json = json;
    }

    @Override
    public String marketplace() {
        return OzonPostingTranslator.MARKETPLACE;
    }

    @Override
    public int batchSize() {
        return 100;
    }

    @Override
    public void prepare(Account account, List<StockLine> lines) {
        List<String> offers = lines.stream().map(StockLine::productKey).distinct().toList();
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < offers.size(); from += 1000) {
            String lastId = "";
            List<String> chunk = offers.subList(from, Math.min(offers.size(), from + 1000));
            while (true) {
                ObjectNode body = json.createObjectNode();
                ObjectNode filter = body.putObject("filter");
                chunk.forEach(filter.putArray("offer_id")::add);
                filter.put("visibility", "ALL");
                body.put("last_id", lastId);
                body.put("limit", 1000);
                JsonNode result = client.post(account, "/v3/product/list", body).path("result");
                for (JsonNode item : result.path("items")) {
                    ids.put(item.path("offer_id").asText(), item.path("product_id").asLong());
                }
                lastId = result.path("last_id").asText("");
                if (lastId.isEmpty() || result.path("items").isEmpty()) {
                    break;
                }
            }
        }
        productIds.put(account.id(), ids);
    }

    @Override
    public List<Rejection> send(Account account, String warehouseKey, List<StockLine> batch) {
        Map<String, Long> ids = productIds.getOrDefault(account.id(), Map.of());
        List<Rejection> rejected = new ArrayList<>();
        ObjectNode body = json.createObjectNode();
        ArrayNode stocks = body.putArray("stocks");
        for (StockLine line : batch) {
            Long productId = ids.get(line.productKey());
            if (productId == null) {
                rejected.add(new Rejection(line.productKey(), "product_not_found",
                        "Ozon has no product with this offer_id (POST /v3/product/list)"));
                continue;
            }
            stocks.addObject().put("offer_id", line.productKey()).put("product_id", productId)
                    .put("stock", line.value()).put("warehouse_id", Long.parseLong(warehouseKey));
        }
        if (stocks.isEmpty()) {
            return rejected;
        }
        stockPace.acquire(account.id());
        JsonNode answer = client.post(account, "/v2/products/stocks", body);
        JsonNode result = answer.path("result");
        if (!result.isArray()) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id()
                    + ": Ozon /v2/products/stocks answered without a result list");
        }
        for (JsonNode item : result) {
            if (!item.path("updated").asBoolean(false)) {
                JsonNode error = item.path("errors").path(0);
                rejected.add(new Rejection(item.path("offer_id").asText(), error.path("code").asText("not_updated"),
                        error.path("message").asText("")));
            }
        }
        return rejected;
    }
}
