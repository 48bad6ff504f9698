package io.github.marketplace1c.inventory;

import io.github.marketplace1c.account.Account;
import java.util.List;

/** Sends stock to one marketplace, in its batch sizes, and says which items it refused. */
public interface StockSender {

    /** An item the marketplace refused, with its own code and message. */
    record Rejection(String productKey, String code, String message) {
    }

    String marketplace();

    /** The most items one request may carry. */
    int batchSize();

    /** Called once per run before the batches, with every line to send (e.g. to look up ids the API requires). */
    default void prepare(Account account, List<StockLine> lines) {
    }

    /**
     * How long after an item's stock at a warehouse was accepted the marketplace takes a new value for it (Ozon:
     * 30 s); a change within that time waits for a later run. Zero: no such limit.
     */
    default java.time.Duration minInterval() {
        return java.time.Duration.ZERO;
    }

    /** Sends one batch of one marketplace warehouse. Transient failures throw; refusals of single items return. */
    List<Rejection> send(Account account, String warehouseKey, List<StockLine> batch);
}
