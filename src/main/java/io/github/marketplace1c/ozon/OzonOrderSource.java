package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.order.Order;

/**
 * Ozon FBS postings as the orders flow names and translates them. The pages themselves are read by the route
 * (routes/ozon/orders.camel.yaml: {@code POST /v4/posting/fbs/list}, {@link OzonPostingPages}).
 */
public class OzonOrderSource implements OrderSource {

    private final OzonPostingTranslator translator;

    public OzonOrderSource(OzonPostingTranslator translator) {
        this.translator = translator;
    }

    @Override
    public String marketplace() {
        return OzonPostingTranslator.MARKETPLACE;
    }

    @Override
    public String recordKey(JsonNode record) {
        return translator.recordKey(record);
    }

    @Override
    public String status(JsonNode record) {
        return record.path("status").asText("");
    }

    @Override
    public Order toOrder(Account account, JsonNode record) {
        return translator.toOrder(account.id(), record);
    }
}
