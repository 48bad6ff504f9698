package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.order.Order;

/**
 * Wildberries assembly orders (or a buyer's cart of them) as the orders flow names and translates them. The pages
 * themselves are read by the route (routes/wildberries/orders.camel.yaml, {@link WildberriesOrderPages}).
 */
public class WildberriesOrderSource implements OrderSource {

    private final WildberriesOrderTranslator translator;

    public WildberriesOrderSource(WildberriesOrderTranslator translator) {
        this.translator = translator;
    }

    @Override
    public String marketplace() {
        return WildberriesOrderTranslator.MARKETPLACE;
    }

    @Override
    public String recordKey(JsonNode record) {
        return translator.recordKey(record);
    }

    @Override
    public String status(JsonNode record) {
        return translator.status(record);
    }

    @Override
    public Order toOrder(Account account, JsonNode record) {
        return translator.toOrder(account.id(), WildberriesOrderTranslator.ProductKey.of(account.setting("productKey",
                "chrtId")), record);
    }
}
