package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulator's orders, per business (кабинет), each in the shape {@code POST v1/businesses/{businessId}/orders}
 * answers with ({@code BusinessOrderDTO}). Kept in {@code orderId} order, which is also the list order. The store
 * owns {@code campaignId} and {@code updateDate}: it writes them from its own bookkeeping, so they can't disagree
 * with what the filters look at. Everything handed out is a deep copy. Thread-safe.
 */
public final class YandexMarketOrders {

    /** One stored order; {@code order} is the store's own copy. */
    record Entry(long orderId, long businessId, long campaignId, ObjectNode order, Instant updatedAt) {

        Instant createdAt() {
            return YmJson.parseDateTime(order.path("creationDate").asText());
        }

        String status() {
            return order.path("status").asText();
        }
    }

    private final Clock clock;
    private final TreeMap<Long, Entry> byId = new TreeMap<>();

    public YandexMarketOrders(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds (or replaces) an order of a business's campaign, last updated at {@code updatedAt}. The order needs
     * {@code orderId} and {@code creationDate}; its {@code campaignId} and {@code updateDate} are set here.
     */
    public synchronized void add(long businessId, long campaignId, ObjectNode order, Instant updatedAt) {
        if (!order.path("orderId").canConvertToLong() || !order.path("creationDate").isTextual()) {
            throw new IllegalArgumentException("an order needs orderId and creationDate");
        }
        YmJson.parseDateTime(order.get("creationDate").asText()); // fail here, not in a later request
        long orderId = order.get("orderId").asLong();
        byId.put(orderId, entry(orderId, businessId, campaignId, order.deepCopy(), updatedAt));
    }

    /** Cancels an order as the buyer or Market would: status CANCELLED with the given reason; updated now. */
    public void cancel(long orderId, String substatus) {
        setStatus(orderId, "CANCELLED", substatus);
    }

    /** Moves an order to a status and substatus (e.g. PROCESSING / READY_TO_SHIP); updated now. */
    public synchronized void setStatus(long orderId, String status, String substatus) {
        Entry e = require(orderId);
        ObjectNode order = e.order().deepCopy();
        order.put("status", status);
        order.put("substatus", substatus);
        byId.put(orderId, entry(orderId, e.businessId(), e.campaignId(), order, clock.instant()));
    }

    /**
     * Rewrites every stored order's amounts ({@code value} of each money object under {@code prices}, the order's and
     * its items') as strings with two decimals, {@code "1234.50"}: the spec says numbers, but answers recorded by other
     * clients hold strings (src/test/resources/recorded/yandex-market-orders). Not an order change: updateDate stays.
     */
    public synchronized void writeAmountsAsText() {
        for (Entry e : byId.values()) {
            amountsAsText(e.order().path("prices"));
            e.order().path("items").forEach(item -> amountsAsText(item.path("prices")));
        }
    }

    /**
     * Puts {@code value} as the {@code value} of one item's money object ({@code part}: payment, subsidy, cashback),
     * whatever its kind (a word, an object, a boolean), to show how the client treats an amount it can't read. Not an
     * order change: updateDate stays.
     */
    public synchronized void putItemAmount(long orderId, int item, String part, JsonNode value) {
        JsonNode prices = require(orderId).order().path("items").path(item).path("prices");
        if (!(prices instanceof ObjectNode object)) {
            throw new IllegalArgumentException("order " + orderId + " has no item " + item + " with prices");
        }
        JsonNode money = object.path(part);
        (money instanceof ObjectNode existing ? existing : object.putObject(part).put("currencyId", "RUR"))
                .set("value", value);
    }

    private static void amountsAsText(JsonNode prices) {
        prices.forEach(money -> {
            if (money instanceof ObjectNode object && object.path("value").isNumber()) {
                object.put("value", object.path("value").decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString());
            }
            if (money instanceof ObjectNode object && !object.has("value")) {
                amountsAsText(object); // delivery: {payment:{…}, subsidy:{…}}
            }
        });
    }

    public synchronized Optional<ObjectNode> get(long orderId) {
        Entry e = byId.get(orderId);
        return e == null ? Optional.empty() : Optional.of(e.order().deepCopy());
    }

    /** When the order last changed (what {@code dates.updateDateFrom/To} filter on). */
    public synchronized Optional<Instant> updatedAt(long orderId) {
        return Optional.ofNullable(byId.get(orderId)).map(Entry::updatedAt);
    }

    /** The business's orders in list order ({@code orderId}). */
    public List<ObjectNode> all(long businessId) {
        return entries(businessId).stream().map(e -> e.order().deepCopy()).toList();
    }

    public synchronized void clear() {
        byId.clear();
    }

    /** Snapshot of one business's entries in orderId order; the entries' orders are copies. */
    synchronized List<Entry> entries(long businessId) {
        List<Entry> result = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (e.businessId() == businessId) {
                result.add(new Entry(e.orderId(), e.businessId(), e.campaignId(), e.order().deepCopy(), e.updatedAt()));
            }
        }
        return result;
    }

    private static Entry entry(long orderId, long businessId, long campaignId, ObjectNode order, Instant updatedAt) {
        order.put("campaignId", campaignId);
        order.put("updateDate", YmJson.dateTime(updatedAt));
        return new Entry(orderId, businessId, campaignId, order, updatedAt);
    }

    private Entry require(long orderId) {
        Entry e = byId.get(orderId);
        if (e == null) {
            throw new NoSuchElementException("no order " + orderId);
        }
        return e;
    }
}
