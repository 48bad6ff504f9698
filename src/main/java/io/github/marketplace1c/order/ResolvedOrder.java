package io.github.marketplace1c.order;

import io.github.marketplace1c.account.Account;
import java.util.List;

/** An order with every 1C reference resolved through the mapping tables and the account. */
public record ResolvedOrder(Order order, Account account, String warehouseRef, List<ResolvedLine> lines) {

    public record ResolvedLine(Order.Line line, String nomenclatureRef, String characteristicRef) {
    }
}
