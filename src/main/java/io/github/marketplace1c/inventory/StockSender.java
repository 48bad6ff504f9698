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

    /** Sends one batch of one marketplace warehouse. Transient failures throw; refusals of single items return. */
    List<Rejection> send(Account account, String warehouseKey, List<StockLine> batch);
}
