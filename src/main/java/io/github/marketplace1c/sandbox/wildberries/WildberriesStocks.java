package io.github.marketplace1c.sandbox.wildberries;

import io.github.marketplace1c.sandbox.SandboxData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The FBS stocks the Wildberries emulator holds: per seller warehouse, per size ({@code chrtId}), the last amount a
 * {@code PUT /api/v3/stocks/{warehouseId}} applied, every applied row with the emulator's clock time, which
 * warehouses each token owns and which sizes exist. Tests arm per-item rejections with {@link #rejectNext}.
 * Thread-safe; every operation is O(1) per row.
 */
public final class WildberriesStocks {

    /** One applied row: which warehouse, which size, the new amount and when (the emulator's clock). */
    public record Received(long warehouseId, long chrtId, int amount, Instant at) {
    }

    /** A per-item 409 armed by a test: the {@code code} and {@code message} of WB's error entry. */
    public record Rejection(String code, String message) {
    }

    private final Map<Long, Map<Long, Integer>> amounts = new HashMap<>();
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Set<Long>> warehouses = new HashMap<>();
    private final Set<Long> chrtIds = new HashSet<>();
    private final Map<Long, Rejection> rejections = new HashMap<>();

    WildberriesStocks() {
        for (SandboxData.WildberriesAccount account : SandboxData.WB_ACCOUNTS) {
            for (SandboxData.WildberriesWarehouse w : WildberriesSeed.warehousesOf(account)) {
                addWarehouse(account.token(), w.id());
            }
        }
        SandboxData.WB_CARDS.forEach(c -> chrtIds.add(c.chrtId()));
    }

    /** The amount last applied for this size at this warehouse; empty when none was ever sent. */
    public synchronized OptionalInt current(long warehouseId, long chrtId) {
        Integer amount = amounts.getOrDefault(warehouseId, Map.of()).get(chrtId);
        return amount == null ? OptionalInt.empty() : OptionalInt.of(amount);
    }

    /** Every applied row, oldest first (rows WB rejected or ignored are not here). */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized void clearReceived() {
        received.clear();
    }

    /**
     * The next time this size comes in a stocks update (any warehouse), WB refuses it: the answer is a 409 whose
     * array has an entry {@code {"code":code,"message":message,"data":[{"chrtId","amount"}]}}, and the row is not
     * applied. Once only.
     */
    public synchronized void rejectNext(long chrtId, String code, String message) {
        rejections.put(chrtId, new Rejection(code, message));
    }

    /** Lets this token update stocks at this warehouse (the sandbox accounts own their {@code WB_WAREHOUSES}). */
    public synchronized void addWarehouse(String token, long warehouseId) {
        warehouses.computeIfAbsent(token, t -> new HashSet<>()).add(warehouseId);
    }

    /** Sizes beyond the sandbox cards' (benchmarks send many): {@code count} chrtIds from {@code first} on. */
    public synchronized void addChrtIds(long first, int count) {
        for (int i = 0; i < count; i++) {
            chrtIds.add(first + i);
        }
    }

    synchronized boolean owns(String token, long warehouseId) {
        return warehouses.getOrDefault(token, Set.of()).contains(warehouseId);
    }

    synchronized boolean knows(long chrtId) {
        return chrtIds.contains(chrtId);
    }

    /** Takes the armed rejection of this size, if any. */
    synchronized Rejection takeRejection(long chrtId) {
        return rejections.isEmpty() ? null : rejections.remove(chrtId);
    }

    /** Applies rows in order (a later row of the same size wins), all at one instant. */
    synchronized void apply(long warehouseId, long[] chrtIds, int[] amounts, int count, Instant at) {
        Map<Long, Integer> warehouse = this.amounts.computeIfAbsent(warehouseId, w -> new HashMap<>());
        for (int i = 0; i < count; i++) {
            warehouse.put(chrtIds[i], amounts[i]);
            received.add(new Received(warehouseId, chrtIds[i], amounts[i], at));
        }
    }
}
