package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulator's FBS assembly orders, per seller account (API token). An order is kept as WB describes it, with
 * every field of both list shapes ({@code Order} and {@code OrderNew}); the endpoints cut it down. Its status is
 * kept beside it, not in it, because WB's order lists carry no status: only {@code /api/v3/orders/status} tells.
 * Everything handed out is a deep copy, so callers can't change the store behind its lock. Thread-safe.
 */
public final class WildberriesOrders {

    /** Where an order stands: the seller's status, WB's status and when they last changed. */
    public record Status(String supplierStatus, String wbStatus, Instant changedAt) {

        /** What {@code isCancellable} says: the seller may still cancel it. */
        public boolean cancellable() {
            return WildberriesStatuses.cancellable(supplierStatus, wbStatus);
        }
    }

    /** One stored order; {@code order} is never handed out without copying. */
    record Entry(String token, ObjectNode order, Status status) {

        long id() {
            return order.get("id").asLong();
        }

        Instant createdAt() {
            return WildberriesJson.parse(order.get("createdAt").asText());
        }
    }

    private final Clock clock;
    /** By id: WB's {@code next} cursor walks orders in id order. */
    private final TreeMap<Long, Entry> byId = new TreeMap<>();

    public WildberriesOrders(Clock clock) {
        this.clock = clock;
    }

    /** Adds a new order (supplierStatus {@code new}, wbStatus {@code waiting}) that arrived now. */
    public void add(String token, ObjectNode order) {
        add(token, order, "new", "waiting", clock.instant());
    }

    /**
     * Adds (or replaces) an order. It needs an integer {@code id} and an RFC 3339 {@code createdAt}; the statuses must
     * be values the spec's status schema allows ({@link WildberriesStatuses}).
     */
    public synchronized void add(String token, ObjectNode order, String supplierStatus, String wbStatus,
                                 Instant statusChangedAt) {
        if (!order.path("id").canConvertToLong() || !order.path("createdAt").isTextual()) {
            throw new IllegalArgumentException("an assembly order needs an integer id and createdAt");
        }
        WildberriesJson.parse(order.get("createdAt").asText());
        WildberriesStatuses.check(supplierStatus, wbStatus);
        Entry entry = new Entry(token, order.deepCopy(), new Status(supplierStatus, wbStatus, statusChangedAt));
        byId.put(entry.id(), entry);
    }

    /**
     * The buyer cancels: wbStatus {@code canceled_by_client}, the seller's status stays (an order cancelled while
     * {@code new} or {@code confirm} keeps that), and the change happened now.
     */
    public synchronized void cancelByBuyer(long orderId) {
        Entry entry = require(orderId);
        byId.put(orderId, new Entry(entry.token(), entry.order(),
                new Status(entry.status().supplierStatus(), "canceled_by_client", clock.instant())));
    }

    /**
     * Moves an order to other statuses as of now. Going to {@code confirm} or {@code complete} puts it into a supply
     * ({@code supplyId} appears in {@code /api/v3/orders}), as WB does when the seller adds it to one; going back to
     * {@code new} takes it out.
     */
    public synchronized void setStatus(long orderId, String supplierStatus, String wbStatus) {
        WildberriesStatuses.check(supplierStatus, wbStatus);
        Entry entry = require(orderId);
        ObjectNode order = entry.order().deepCopy();
        if (supplierStatus.equals("new")) {
            order.remove("supplyId");
        } else if ((supplierStatus.equals("confirm") || supplierStatus.equals("complete")) && !order.has("supplyId")) {
            order.put("supplyId", WildberriesSeed.supplyId(order.get("warehouseId").asLong(), entry.createdAt()));
        }
        byId.put(orderId, new Entry(entry.token(), order, new Status(supplierStatus, wbStatus, clock.instant())));
    }

    public synchronized Optional<ObjectNode> get(long orderId) {
        Entry entry = byId.get(orderId);
        return entry == null ? Optional.empty() : Optional.of(entry.order().deepCopy());
    }

    public synchronized Optional<Status> status(long orderId) {
        return Optional.ofNullable(byId.get(orderId)).map(Entry::status);
    }

    /** The account's orders in id order (copies). */
    public List<ObjectNode> all(String token) {
        return entries(token).stream().map(Entry::order).toList();
    }

    public synchronized void clear() {
        byId.clear();
    }

    /** Snapshot of one account's entries in id order; the orders are copies. */
    synchronized List<Entry> entries(String token) {
        List<Entry> result = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (e.token().equals(token)) {
                result.add(new Entry(e.token(), e.order().deepCopy(), e.status()));
            }
        }
        return result;
    }

    /** One account's entry, or empty when the id is unknown or another seller's. */
    synchronized Optional<Entry> entry(String token, long orderId) {
        Entry e = byId.get(orderId);
        if (e == null || !e.token().equals(token)) {
            return Optional.empty();
        }
        return Optional.of(new Entry(e.token(), e.order().deepCopy(), e.status()));
    }

    private Entry require(long orderId) {
        Entry entry = byId.get(orderId);
        if (entry == null) {
            throw new NoSuchElementException("no assembly order " + orderId);
        }
        return entry;
    }
}
