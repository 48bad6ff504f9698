package io.github.marketplace1c.ozon;

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
 * An Ozon FBS posting (v4 shape) as a canonical {@link Order}. Every field the order needs is checked, and a
 * bad one is reported by its path in the posting, e.g. {@code products[0].price.amount}.
 */
public class OzonPostingTranslator {

    public static final String MARKETPLACE = "ozon";

    /** The record key of a posting: its number, or a stand-in that still points at it when the number is missing. */
    public String recordKey(JsonNode posting) {
        String number = posting.path("posting_number").asText("");
        if (!number.isBlank()) {
            return number;
        }
        return posting.hasNonNull("order_id") ? "order-" + posting.path("order_id").asText() : "posting-without-number";
    }

    public Order toOrder(String accountId, JsonNode posting) {
        String number = posting.path("posting_number").asText("");
        Problems problems = new Problems(accountId, number.isBlank() ? recordKey(posting) : number);
        if (number.isBlank()) {
            problems.add("posting_number", "is missing");
        }
        Instant createdAt = null;
        String inProcessAt = posting.path("in_process_at").asText("");
        try {
            createdAt = Instant.parse(inProcessAt);
        } catch (DateTimeParseException e) {
            problems.add("in_process_at", "'" + inProcessAt + "' is not a date-time");
        }
        String status = posting.path("status").asText("");
        if (status.isBlank()) {
            problems.add("status", "is missing");
        }
        JsonNode method = posting.path("delivery_method");
        String warehouseId = method.path("warehouse_id").asText("");
        if (warehouseId.isBlank() || "0".equals(warehouseId)) {
            problems.add("delivery_method.warehouse_id", "is missing");
        }
        List<Order.Line> lines = new ArrayList<>();
        JsonNode products = posting.path("products");
        if (!products.isArray() || products.isEmpty()) {
            problems.add("products", "has no items");
        } else {
            for (int i = 0; i < products.size(); i++) {
                JsonNode product = products.get(i);
                String at = "products[" + i + "]";
                String offerId = product.path("offer_id").asText("");
                if (offerId.isBlank()) {
                    problems.add(at + ".offer_id", "is missing");
                }
                JsonNode quantityNode = product.path("quantity");
                int quantity = quantityNode.canConvertToInt() && quantityNode.isIntegralNumber() ? quantityNode.asInt() : 0;
                if (quantity <= 0) {
                    problems.add(at + ".quantity", "'" + quantityNode.asText() + "' is not a positive whole number");
                }
                BigDecimal price = null;
                String amount = product.path("price").path("amount").asText("");
                try {
                    price = new BigDecimal(amount);
                    if (price.signum() < 0) {
                        problems.add(at + ".price.amount", "'" + amount + "' is negative");
                    }
                } catch (NumberFormatException e) {
                    problems.add(at + ".price.amount", "'" + amount + "' is not a number");
                }
                String currency = product.path("price").path("currency").asText("RUB");
                if (!currency.isBlank() && !"RUB".equals(currency)) {
                    problems.add(at + ".price.currency", "'" + currency + "' is not RUB");
                }
                if (price != null && quantity > 0 && !offerId.isBlank()) {
                    lines.add(new Order.Line(offerId, product.path("name").asText(offerId), BigDecimal.valueOf(quantity),
                            price));
                }
            }
        }
        problems.throwIfAny();
        JsonNode cancellation = posting.path("cancellation");
        String cancelReason = (cancellation.path("cancel_reason").asText("") + " " + initiator(cancellation)).trim();
        return new Order(MARKETPLACE, accountId, number, status, createdAt, warehouseId,
                method.path("warehouse").asText(""), cancelReason.isEmpty() ? null : cancelReason, List.copyOf(lines),
                null);
    }

    private static String initiator(JsonNode cancellation) {
        String initiator = cancellation.path("cancellation_initiator").asText("");
        return initiator.isBlank() ? "" : "(инициатор: " + initiator + ")";
    }

    /** Collects every problem of a posting so the dead letter names them all at once. */
    private static final class Problems {
        private final String accountId;
        private final String postingNumber;
        private final List<String> items = new ArrayList<>();

        Problems(String accountId, String postingNumber) {
            this.accountId = accountId;
            this.postingNumber = postingNumber;
        }

        void add(String field, String problem) {
            items.add("field " + field + " " + problem);
        }

        void throwIfAny() {
            if (!items.isEmpty()) {
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + accountId + ", Ozon posting "
                        + postingNumber + ": " + String.join("; ", items));
            }
        }
    }
}
