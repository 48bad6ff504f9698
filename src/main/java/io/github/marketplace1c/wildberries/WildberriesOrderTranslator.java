package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Wildberries assembly orders as canonical orders. One assembly order is one unit of one item: one 1C line. A
 * record is either one assembly order, or — for an account that groups a buyer's cart — {@code {"orderUid": ...,
 * "orders": [...]}}, one line per assembly order. Money arrives in kopecks and is converted exactly.
 *
 * <p>Currency (ISO 4217 numeric, 643 = RUB): the price booked is {@code convertedPrice}, which the spec states is in
 * the seller's country currency {@code convertedCurrencyCode} (WB's own conversion of a sale in another currency,
 * e.g. 933 BYN → 643), else {@code price} in {@code currencyCode}. When the amount booked is not in roubles the order
 * is refused whole ({@code UNSUPPORTED_CURRENCY}, naming the currency): it is never booked as roubles. A code that is
 * absent is taken as roubles, the currency of the account's contract.
 */
public class WildberriesOrderTranslator {

    public static final String MARKETPLACE = "wildberries";

    /** Which field of an assembly order is the key of the product map, per account setting {@code productKey}. */
    public enum ProductKey {
        CHRTID, NMID, ARTICLE, BARCODE;

        public static ProductKey of(String setting) {
            try {
                return valueOf(setting.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("settings.productKey '" + setting
                        + "' is not one of chrtId, nmId, article, barcode");
            }
        }
    }

    public boolean isCart(JsonNode record) {
        return record.has("orders") && record.path("orders").isArray();
    }

    public String recordKey(JsonNode record) {
        if (isCart(record)) {
            return "cart-" + record.path("orderUid").asText("?");
        }
        return record.hasNonNull("id") ? record.path("id").asText() : "order-without-id";
    }

    /**
     * The status the status map reads: "cancel" when the seller cancelled it, otherwise Wildberries' own. A cart is
     * cancelled only when all its assembly orders are: while one is still on its way, the cart's status is that one's.
     */
    public String status(JsonNode record) {
        if (!isCart(record)) {
            return status1(record);
        }
        String cancelled = null;
        for (JsonNode order : record.path("orders")) {
            String status = status1(order);
            if (!CANCELLED.contains(status)) {
                return status;
            }
            cancelled = status;
        }
        return cancelled == null ? "" : cancelled;
    }

    private static final java.util.Set<String> CANCELLED = java.util.Set.of("cancel", "canceled", "canceled_by_client",
            "declined_by_client", "defect");

    private static String status1(JsonNode order) {
        String supplier = order.path("supplierStatus").asText("");
        return "cancel".equals(supplier) ? "cancel" : order.path("wbStatus").asText(supplier);
    }

    public Order toOrder(String accountId, ProductKey productKey, JsonNode record) {
        List<JsonNode> parts = new ArrayList<>();
        if (isCart(record)) {
            // the cart's lines are its assembly orders still on their way (all of them when the cart is cancelled)
            boolean cartCancelled = CANCELLED.contains(status(record));
            record.path("orders").forEach(o -> {
                if (cartCancelled || !CANCELLED.contains(status1(o))) {
                    parts.add(o);
                }
            });
        } else {
            parts.add(record);
        }
        String key = recordKey(record);
        List<String> problems = new ArrayList<>();
        List<Order.Line> lines = new ArrayList<>();
        Instant createdAt = null;
        for (int i = 0; i < parts.size(); i++) {
            JsonNode order = parts.get(i);
            String at = isCart(record) ? "orders[" + i + "]." : "";
            if (!order.hasNonNull("id")) {
                problems.add("field " + at + "id is missing");
            }
            try {
                Instant created = Instant.parse(order.path("createdAt").asText(""));
                createdAt = createdAt == null || created.isBefore(createdAt) ? created : createdAt;
            } catch (DateTimeParseException e) {
                problems.add("field " + at + "createdAt '" + order.path("createdAt").asText() + "' is not a date-time");
            }
            String product = productKey(order, productKey);
            if (product.isBlank() || "0".equals(product)) {
                problems.add("field " + at + field(productKey) + " is missing");
            }
            JsonNode kopecks = order.hasNonNull("convertedPrice") ? order.get("convertedPrice") : order.get("price");
            String priceField = at + (order.hasNonNull("convertedPrice") ? "convertedPrice" : "price");
            BigDecimal price = null;
            if (kopecks == null || !kopecks.isIntegralNumber()) {
                problems.add("field " + priceField + " '" + (kopecks == null ? "" : kopecks.asText())
                        + "' is not a whole number of kopecks");
            } else if (kopecks.asLong() < 0 || order.path("price").asLong(0) < 0) {
                problems.add("field " + (kopecks.asLong() < 0 ? priceField : at + "price") + " '"
                        + Math.min(kopecks.asLong(), order.path("price").asLong(0)) + "' is negative");
            } else {
                price = BigDecimal.valueOf(kopecks.asLong(), 2);
            }
            String codeField = order.hasNonNull("convertedPrice") ? "convertedCurrencyCode" : "currencyCode";
            JsonNode code = order.get(codeField);
            if (code != null && !code.isNull() && !RUB.equals(code.asText().trim())) {
                throw new PermanentFailure(ReasonCode.UNSUPPORTED_CURRENCY, "Account " + accountId + ", Wildberries "
                        + "order " + key + ": " + at + codeField + " " + code.asText() + currencyName(code.asText())
                        + " is not roubles (643): the " + (order.hasNonNull("convertedPrice") ? "convertedPrice"
                        : "price") + " " + (kopecks == null ? "" : kopecks.asText()) + " is not booked as roubles. Book it by hand into a "
                        + "contract in that currency, then discard this dead letter with a note.");
            }
            if (price != null && !product.isBlank()) {
                lines.add(new Order.Line(product, order.path("article").asText(product), BigDecimal.ONE, price));
            }
        }
        JsonNode first = parts.isEmpty() ? null : parts.get(0);
        String warehouse = first == null ? "" : first.path("warehouseId").asText("");
        if (warehouse.isBlank() || "0".equals(warehouse)) {
            problems.add("field warehouseId is missing");
        }
        if (!problems.isEmpty()) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + accountId + ", Wildberries order " + key
                    + ": " + String.join("; ", problems));
        }
        String externalNumber = isCart(record) ? record.path("orderUid").asText() : first.path("id").asText();
        String details = "rid " + first.path("rid").asText("") + ", orderUid " + first.path("orderUid").asText("")
                + (parts.size() > 1 ? ", сборочные задания " + parts.stream().map(p -> p.path("id").asText())
                .reduce((a, b) -> a + ", " + b).orElse("") : "");
        String status = status(record);
        return new Order(MARKETPLACE, accountId, externalNumber, status, createdAt, warehouse, "", status.startsWith("cancel")
                || status.contains("declined") || "defect".equals(status) ? "Wildberries: " + status : null,
                List.copyOf(lines), details);
    }

    private static final String RUB = "643";

    /** The letter code of a numeric ISO 4217 code, for the message: " (BYN)"; empty when Java does not know it. */
    static String currencyName(String numeric) {
        for (java.util.Currency currency : java.util.Currency.getAvailableCurrencies()) {
            if (String.valueOf(currency.getNumericCode()).equals(numeric.trim())
                    || String.format("%03d", currency.getNumericCode()).equals(numeric.trim())) {
                return " (" + currency.getCurrencyCode() + ")";
            }
        }
        return "";
    }

    private static String productKey(JsonNode order, ProductKey key) {
        return switch (key) {
            case CHRTID -> order.path("chrtId").asText("");
            case NMID -> order.path("nmId").asText("");
            case ARTICLE -> order.path("article").asText("");
            case BARCODE -> order.path("skus").path(0).asText("");
        };
    }

    private static String field(ProductKey key) {
        return switch (key) {
            case CHRTID -> "chrtId";
            case NMID -> "nmId";
            case ARTICLE -> "article";
            case BARCODE -> "skus[0]";
        };
    }
}
