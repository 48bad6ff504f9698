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
import java.util.regex.Pattern;

/**
 * A Yandex Market order (the business orders API's shape) as a canonical order. Market gives each item's money as
 * a total for all its units, split into what the buyer paid, Market's subsidy and Plus points: the line's sum is
 * their total, exactly, and its unit price that total divided by the count, to the kopeck.
 *
 * <p>The spec types every amount as a number, yet answers recorded by other clients hold numeric strings
 * ({@code "1500"}, {@code "999.99"}): an amount is read from a JSON number or from a string that is a plain decimal
 * number, exactly as written (no binary rounding). Anything else (words, an object, a boolean, an empty string) fails
 * the order, naming the field's path in it.
 */
public class YandexMarketOrderTranslator {

    /** A decimal as Market writes one: digits, an optional fraction, no exponent, no thousands separators. */
    private static final Pattern NUMERIC_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");

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
                String field = at + ".prices." + part + ".value";
                BigDecimal value = amount(money.path("value"), field, problems);
                if (value == null) {
                    continue;
                }
                String currency = money.path("currencyId").asText("RUR");
                if (!"RUR".equals(currency)) {
                    problems.add("field " + at + ".prices." + part + ".currencyId '" + currency + "' is not RUR");
                }
                total = total.add(value);
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

    /**
     * The amount at {@code node}, or null after adding a problem that names {@code field} and what was there. Jackson
     * reads decimals as doubles; {@code asText()} of a double is its shortest exact decimal form, so 1234.5 stays
     * 1234.5 and never turns into 1234.4999….
     */
    static BigDecimal amount(JsonNode node, String field, List<String> problems) {
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.isFloatingPointNumber() ? new BigDecimal(node.asText()) : node.decimalValue();
        } else if (node.isTextual() && NUMERIC_TEXT.matcher(node.asText().trim()).matches()) {
            value = new BigDecimal(node.asText().trim());
        }
        if (value == null) {
            problems.add("field " + field + " " + describe(node) + " is not an amount (a number or a numeric string)");
            return null;
        }
        if (value.signum() < 0) {
            problems.add("field " + field + " '" + node.asText() + "' is not an amount (it is negative)");
            return null;
        }
        return value;
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "is missing and";
        }
        if (node.isTextual()) {
            return "'" + (node.asText().length() > 40 ? node.asText().substring(0, 40) + "…" : node.asText()) + "'";
        }
        if (node.isObject()) {
            return "is an object, which";
        }
        if (node.isArray()) {
            return "is an array, which";
        }
        if (node.isBoolean()) {
            return "is the boolean " + node.asText() + ", which";
        }
        return "'" + node.asText() + "'";
    }
}
