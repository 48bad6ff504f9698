package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.order.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Yandex Market order (the business orders API's shape) as a canonical order. Market gives each item's money as
 * a total for all its units, split into what the buyer paid, Market's subsidy and Plus points: the line's sum is
 * their total, exactly, and its unit price that total divided by the count, to the kopeck.
 */
public class YandexMarketOrderTranslator {

    public static final String MARKETPLACE = "yandex-market";

    public String recordKey(JsonNode order) {
        return order.hasNonNull("orderId") ? order.path("orderId").asText() : "order-without-id";
    }

    public String status(JsonNode order) {
        return order.path("status").asText("");
    }

    public Order toOrder(String accountId, JsonNode order) {
        String key = recordKey(order);
        List<String> problems = new ArrayList<>();
        if (!order.hasNonNull("orderId")) {
            problems.add("field orderId is missing");
        }
        OffsetDateTime created = null;
        try {
            created = OffsetDateTime.parse(order.path("creationDate").asText(""));
        } catch (DateTimeParseException e) {
            problems.add("field creationDate '" + order.path("creationDate").asText() + "' is not a date-time");
        }
        List<Order.Line> lines = new ArrayList<>();
        JsonNode items = order.path("items");
        if (!items.isArray() || items.isEmpty()) {
            problems.add("field items has no items");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "items[" + i + "]";
            String offerId = item.path("offerId").asText("");
            if (offerId.isBlank()) {
                problems.add("field " + at + ".offerId is missing");
            }
            JsonNode count = item.path("count");
            if (!count.isIntegralNumber() || count.asInt() <= 0) {
                problems.add("field " + at + ".count '" + count.asText() + "' is not a positive whole number");
            }
            BigDecimal total = BigDecimal.ZERO;
            boolean priced = false;
            for (String part : List.of("payment", "subsidy", "cashback")) {
                JsonNode money = item.path("prices").path(part);
                if (money.isMissingNode() || money.isNull()) {
                    continue;
                }
                if (!money.path("value").isNumber() || money.path("value").decimalValue().signum() < 0) {
                    problems.add("field " + at + ".prices." + part + ".value '" + money.path("value").asText()
                            + "' is not an amount");
                    continue;
                }
                String currency = money.path("currencyId").asText("RUR");
                if (!"RUR".equals(currency)) {
                    problems.add("field " + at + ".prices." + part + ".currencyId '" + currency + "' is not RUR");
                }
                total = total.add(money.path("value").decimalValue());
                priced = true;
            }
            if (!priced) {
                problems.add("field " + at + ".prices has no payment");
            }
            if (!offerId.isBlank() && count.isIntegralNumber() && count.asInt() > 0 && priced) {
                BigDecimal quantity = BigDecimal.valueOf(count.asInt());
                BigDecimal sum = total.setScale(2, RoundingMode.HALF_UP);
                lines.add(new Order.Line(offerId, item.path("offerName").asText(offerId), quantity,
                        sum.divide(quantity, 2, RoundingMode.HALF_UP), sum, YandexMarketVat.stated(item.path("vat"))));
            }
        }
        if (!problems.isEmpty()) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + accountId + ", Yandex Market order " + key
                    + ": " + String.join("; ", problems));
        }
        String warehouse = order.path("delivery").path("warehouseId").asText("");
        if (warehouse.isBlank()) {
            warehouse = order.path("campaignId").asText("");
        }
        String status = status(order);
        String substatus = order.path("substatus").asText("");
        return new Order(MARKETPLACE, accountId, key, status, created.toInstant(), warehouse, "",
                "CANCELLED".equals(status) ? "Яндекс Маркет: " + substatus : null, List.copyOf(lines),
                "кампания " + order.path("campaignId").asText());
    }
}
