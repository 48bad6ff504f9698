package io.github.marketplace1c.inventory;

import java.util.List;

/** Lines of one marketplace warehouse that go in one request. */
public record StockBatch(String warehouseKey, List<StockLine> lines) {
}
