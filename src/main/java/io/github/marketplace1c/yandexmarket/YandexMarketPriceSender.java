package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.inventory.PriceLine;
import io.github.marketplace1c.inventory.PriceSender;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Yandex Market prices for the whole business (the account's {@code settings.businessId}):
 * {@code POST /v2/businesses/{businessId}/offer-prices/updates} with
 * {@code {"offers":[{"offerId","price":{"value","currencyId":"RUR","discountBase"}}]}}, at most 500 a request.
 * The crossed-out price is {@code discountBase} (whole rubles); Market accepts it only for a discount of 5..99 %,
 * and refuses the whole request otherwise, so such a line is refused here before sending (a dead letter). The
 * minimum price has no field here and is not sent.
 */
public class YandexMarketPriceSender implements PriceSender {

    private static final BigDecimal MIN_DISCOUNT = new BigDecimal("0.05");
    private static final BigDecimal MAX_DISCOUNT = new BigDecimal("0.99");

    private final YandexMarketClient client;
    private final ObjectMapper json;

    public YandexMarketPriceSender(YandexMarketClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public String marketplace() {
        return YandexMarketOrderTranslator.MARKETPLACE;
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public List<Rejection> send(Account account, List<PriceLine> batch) {
        List<Rejection> rejected = new ArrayList<>();
        ObjectNode body = json.createObjectNode();
        ArrayNode offers = body.putArray("offers");
        for (PriceLine line : batch) {
            ObjectNode price = json.createObjectNode().put("value", line.price()).put("currencyId", "RUR");
            if (line.oldPrice() != null && line.oldPrice().signum() > 0) {
                BigDecimal base = line.oldPrice().setScale(0, RoundingMode.HALF_UP);
                BigDecimal discount = base.subtract(line.price()).divide(base, 4, RoundingMode.HALF_UP);
                if (discount.compareTo(MIN_DISCOUNT) < 0 || discount.compareTo(MAX_DISCOUNT) > 0) {
                    rejected.add(new Rejection(line.productKey(), "DISCOUNT_OUT_OF_RANGE", "Yandex Market accepts a "
                            + "crossed-out price (discountBase " + base.toPlainString() + ") only for a discount of "
                            + "5..99 % of it (price " + line.price().toPlainString() + "); checked before sending, not sent"));
                    continue;
                }
                price.put("discountBase", base);
            }
            offers.addObject().put("offerId", line.productKey()).set("price", price);
        }
        if (!offers.isEmpty()) {
            client.updatePrices(account, Long.parseLong(account.requiredSetting("businessId")), body);
        }
        return rejected;
    }
}
