package io.github.marketplace1c.mapping;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.order.ResolvedOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Attaches 1C references to an order: products and warehouse from the mapping tables, the rest from the account. */
public class OrderResolver {

    private final MappingTable products;
    private final MappingTable warehouses;

    public OrderResolver(MappingTable products, MappingTable warehouses) {
        this.products = products;
        this.warehouses = warehouses;
    }

    public ResolvedOrder resolve(Order order, Account account) {
        List<ResolvedOrder.ResolvedLine> lines = new ArrayList<>();
        Set<String> unmapped = new LinkedHashSet<>();
        for (Order.Line line : order.lines()) {
            Optional<MappingRow> row = products.resolve(order.marketplace(), account.id(), line.productKey());
            if (row.isEmpty()) {
                unmapped.add(line.productKey());
            } else {
                lines.add(new ResolvedOrder.ResolvedLine(line, row.get().ref(), row.get().characteristicRef()));
            }
        }
        if (!unmapped.isEmpty()) {
            List<String> described = order.lines().stream().filter(l -> unmapped.contains(l.productKey()))
                    .map(l -> "'" + l.productKey() + "' (" + l.productName() + ")").distinct().toList();
            throw new UnmappedProductException("Account " + account.id() + ", " + order.marketplace() + " order "
                    + order.externalNumber() + ": no 1C nomenclature is mapped to product " + String.join(", ", described)
                    + ". Add the product mapping; this order is replayed then.", List.copyOf(unmapped));
        }
        String warehouseRef = warehouses.resolve(order.marketplace(), account.id(), order.warehouseKey())
                .map(MappingRow::ref)
                .orElse(account.onec().warehouse());
        if (warehouseRef == null) {
            throw new PermanentFailure(ReasonCode.UNMAPPED_WAREHOUSE, "Account " + account.id() + ", "
                    + order.marketplace() + " order " + order.externalNumber() + ": warehouse " + order.warehouseKey()
                    + " (" + order.warehouseName() + ") has no 1C warehouse in the warehouse map and the account has "
                    + "no default warehouse");
        }
        return new ResolvedOrder(order, account, warehouseRef, lines);
    }
}
