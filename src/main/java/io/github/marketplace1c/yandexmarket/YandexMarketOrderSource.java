package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.order.Order;

/**
 * Yandex Market FBS orders as the orders flow names and translates them. The pages themselves are read by the
 * route (routes/yandex-market/orders.camel.yaml, {@link YandexMarketOrderPages}).
 */
public class YandexMarketOrderSource implements OrderSource {

    private final YandexMarketOrderTranslator translator;

    public YandexMarketOrderSource(YandexMarketOrderTranslator translator) {
        this.translator = translator;
    }

    @Override
    public String marketplace() {
        return YandexMarketOrderTranslator.MARKETPLACE;
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
        return translator.toOrder(account.id(), record);
    }
}
