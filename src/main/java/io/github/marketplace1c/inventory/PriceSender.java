package io.github.marketplace1c.inventory;

import io.github.marketplace1c.account.Account;
import java.util.List;

/**
 * Sends prices to one marketplace, in its batch sizes, and says which items it refused (or which the sender itself
 * refused to send because the marketplace's rules would reject them).
 */
public interface PriceSender {

    /** An item refused, with the marketplace's own code and message. */
    record Rejection(String productKey, String code, String message) {
    }

    String marketplace();

    /** The most items one request may carry. */
    int batchSize();

    /**
     * How long after a product's prices were accepted the marketplace takes new ones for it (Ozon: 10 updates a
     * product an hour, so 6 minutes); a change within that time waits for a later run. Zero: no such limit.
     */
    default java.time.Duration minInterval() {
        return java.time.Duration.ZERO;
    }

    /** Called once per run before the batches, with every line to send (e.g. to check the account's settings). */
    default void prepare(Account account, List<PriceLine> lines) {
    }

    /** Sends one batch. Transient failures throw; refusals of single items return. */
    List<Rejection> send(Account account, List<PriceLine> batch);
}
