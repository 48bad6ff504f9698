package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.inventory.PriceLine;
import io.github.marketplace1c.inventory.PriceSender;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ozon prices: {@code POST /v1/product/import/prices} with {@code {"prices":[{"offer_id","price","old_price",
 * "min_price","currency_code":"RUB"}]}}, at most 1000 a request, money as strings with two decimals ("349.00").
 * Ozon's discount rules between price and old_price are checked before sending: a line that breaks them is
 * refused here (a dead letter) and not sent. Per-item errors of Ozon's answer are refusals too.
 */
public class OzonPriceSender implements PriceSender {

    private static final BigDecimal LOW_PRICE = new BigDecimal("400");
    private static final BigDecimal TOP_PRICE = new BigDecimal("10000");
    private static final BigDecimal LOW_MIN_DIFF = new BigDecimal("20");
    private static final BigDecimal TOP_MIN_DIFF = new BigDecimal("500");
    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");
    private static final BigDecimal NINETY_PERCENT = new BigDecimal("0.9");

    private final OzonSellerClient client;
    private final ObjectMapper json;

    private final java.time.Duration minInterval;

    /** @param minInterval how long after an accepted update a product's prices are sent again (10 an hour: 6 min) */
    public OzonPriceSender(OzonSellerClient client, ObjectMapper json, java.time.Duration minInterval) {
        this.minInterval = minInterval;
        this.client = client;
        this.json = json;
    }

    @Override
    public String marketplace() {
        return OzonPostingTranslator.MARKETPLACE;
    }

    @Override
    public int batchSize() {
        return 1000;
    }

    @Override
    public List<Rejection> send(Account account, List<PriceLine> batch) {
        List<Rejection> rejected = new ArrayList<>();
        ObjectNode body = json.createObjectNode();
        ArrayNode prices = body.putArray("prices");
        for (PriceLine line : batch) {
            Rejection broken = discountRule(line);
            if (broken != null) {
                rejected.add(broken);
                continue;
            }
            ObjectNode row = prices.addObject().put("offer_id", line.productKey()).put("price", money(line.price()));
            if (line.oldPrice() != null) {
                row.put("old_price", money(line.oldPrice()));
            }
            if (line.minPrice() != null) {
                row.put("min_price", money(line.minPrice()));
            }
            row.put("currency_code", "RUB");
        }
        if (prices.isEmpty()) {
            return rejected;
        }
        JsonNode result = client.post(account, "/v1/product/import/prices", body).path("result");
        if (!result.isArray()) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id()
                    + ": Ozon /v1/product/import/prices answered without a result list");
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

    /** Ozon money: a string with a dot and two decimals. */
    static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * Ozon's rules (marketplace-apis.md §4): with an old_price, below 400 RUB it must exceed the price by at least
     * 20 RUB; 400..10,000 by at least 5 % of old_price; above 10,000 by at least 500 RUB; the discount under 90 %.
     */
    static Rejection discountRule(PriceLine line) {
        BigDecimal price = line.price();
        BigDecimal oldPrice = line.oldPrice();
        if (price.signum() < 0 || (oldPrice != null && oldPrice.signum() < 0)
                || (line.minPrice() != null && line.minPrice().signum() < 0)) {
            return new Rejection(line.productKey(), "price_negative", "a price is negative (not sent)");
        }
        if (oldPrice == null || oldPrice.signum() == 0) {
            return null;
        }
        BigDecimal diff = oldPrice.subtract(price);
        String rule = null;
        String code = null;
        if (price.compareTo(LOW_PRICE) < 0) {
            if (diff.compareTo(LOW_MIN_DIFF) < 0) {
                code = "discount_for_low_price_is_too_small";
                rule = "below 400 RUB the old price must exceed the price by at least 20 RUB";
            }
        } else if (price.compareTo(TOP_PRICE) <= 0) {
            if (diff.compareTo(oldPrice.multiply(FIVE_PERCENT)) < 0) {
                code = "discount_for_average_price_is_too_small";
                rule = "at 400..10000 RUB the discount must be at least 5 % of the old price";
            }
        } else if (diff.compareTo(TOP_MIN_DIFF) < 0) {
            code = "discount_for_top_price_is_too_small";
            rule = "above 10000 RUB the old price must exceed the price by at least 500 RUB";
        }
        if (code == null && diff.compareTo(oldPrice.multiply(NINETY_PERCENT)) >= 0) {
            code = "discount_too_big";
            rule = "the discount must be under 90 % of the old price";
        }
        return code == null ? null : new Rejection(line.productKey(), code, "Ozon's discount rule: " + rule
                + " (price " + money(price) + ", old price " + money(oldPrice) + "); checked before sending, not sent");
    }

    @Override
    public java.time.Duration minInterval() {
        return minInterval;
    }
}
