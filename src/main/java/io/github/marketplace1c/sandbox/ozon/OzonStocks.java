package io.github.marketplace1c.sandbox.ozon;

import io.github.marketplace1c.sandbox.SandboxData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What {@code POST /v2/products/stocks} accepted: the current stock per seller × offer × warehouse and every
 * accepted update in order with the emulator's clock time, the sellers' FBS warehouses, and per-item rejections
 * armed by tests. Thread-safe.
 */
public final class OzonStocks {

    /** "Обновлять остатки у одной пары товар-склад можно только 1 раз в 30 секунд". */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    /** A stock must be below a million ({@code STOCK_TOO_BIG}). */
    public static final long MAX_STOCK_EXCLUSIVE = 1_000_000L;

    /** One accepted update. */
    public record Update(String clientId, String offerId, long productId, long warehouseId, long stock, Instant at) {
    }

    /** A per-item error armed by {@link #rejectNext}. */
    public record Rejection(String code, String message) {
    }

    private record OfferKey(String clientId, String offerId) {
    }

    private record Held(long stock, Instant at) {
    }

    private final Map<OfferKey, Map<Long, Held>> current = new HashMap<>();
    private final List<Update> received = new ArrayList<>();
    private final Map<String, Set<Long>> warehouses = new HashMap<>();
    private final Map<String, Deque<Rejection>> armed = new HashMap<>();

    OzonStocks() {
        for (SandboxData.OzonWarehouse w : SandboxData.OZON_WAREHOUSES) {
            String clientId = SandboxData.OZON_ACCOUNTS.stream().filter(a -> a.id().equals(w.accountId()))
                    .findFirst().orElseThrow().clientId();
            addWarehouse(clientId, w.id());
        }
    }

    /** The stock last accepted for this seller, offer and warehouse; empty if none was. */
    public synchronized OptionalLong current(String clientId, String offerId, long warehouseId) {
        Held held = current.getOrDefault(new OfferKey(clientId, offerId), Map.of()).get(warehouseId);
        return held == null ? OptionalLong.empty() : OptionalLong.of(held.stock());
    }

    /** Every accepted update, in the order accepted. */
    public synchronized List<Update> received() {
        return List.copyOf(received);
    }

    public synchronized int receivedCount() {
        return received.size();
    }

    public synchronized void clear() {
        current.clear();
        received.clear();
        armed.clear();
    }

    /** The next update of this offer (any seller, any warehouse) fails with this per-item error, not applied. */
    public synchronized void rejectNext(String offerId, String code, String message) {
        armed.computeIfAbsent(offerId, k -> new ArrayDeque<>()).add(new Rejection(code, message));
    }

    /** Registers an FBS warehouse of a seller (the sandbox's three are there from the start). */
    public synchronized void addWarehouse(String clientId, long warehouseId) {
        warehouses.computeIfAbsent(clientId, k -> new HashSet<>()).add(warehouseId);
    }

    synchronized boolean hasWarehouse(String clientId, long warehouseId) {
        Set<Long> own = warehouses.get(clientId);
        return own != null && own.contains(warehouseId);
    }

    synchronized Rejection takeRejection(String offerId) {
        Deque<Rejection> queue = armed.get(offerId);
        if (queue == null) {
            return null;
        }
        Rejection rejection = queue.poll();
        if (queue.isEmpty()) {
            armed.remove(offerId);
        }
        return rejection;
    }

    /** When this pair was last accepted, or null. */
    synchronized Instant lastUpdate(String clientId, String offerId, long warehouseId) {
        Held held = current.getOrDefault(new OfferKey(clientId, offerId), Map.of()).get(warehouseId);
        return held == null ? null : held.at();
    }

    synchronized void accept(Update update) {
        current.computeIfAbsent(new OfferKey(update.clientId(), update.offerId()), k -> new HashMap<>(4))
                .put(update.warehouseId(), new Held(update.stock(), update.at()));
        received.add(update);
    }

    /** Whether the seller has a positive stock of the offer on any warehouse ({@code has_fbs_stocks}). */
    synchronized boolean hasStock(String clientId, String offerId) {
        for (Held held : current.getOrDefault(new OfferKey(clientId, offerId), Map.of()).values()) {
            if (held.stock() > 0) {
                return true;
            }
        }
        return false;
    }
}
