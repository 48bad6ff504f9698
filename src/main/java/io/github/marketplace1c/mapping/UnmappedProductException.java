package io.github.marketplace1c.mapping;

import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import java.util.List;

/** Products of a record that have no mapping; the dead letter keeps their keys so a new mapping replays it. */
public class UnmappedProductException extends PermanentFailure {

    private final List<String> productKeys;

    public UnmappedProductException(String message, List<String> productKeys) {
        super(ReasonCode.UNMAPPED_PRODUCT, message);
        this.productKeys = List.copyOf(productKeys);
    }

    public List<String> productKeys() {
        return productKeys;
    }
}
