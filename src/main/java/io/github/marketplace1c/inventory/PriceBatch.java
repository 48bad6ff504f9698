package io.github.marketplace1c.inventory;

import java.util.List;

/** Price lines of one account that go in one request. */
public record PriceBatch(List<PriceLine> lines) {
}
