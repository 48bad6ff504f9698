package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.order.ResolvedOrder;

/**
 * How one 1C configuration keeps a customer order: its document, its fields, its cancelled state. Knows nothing
 * of marketplaces beyond the canonical order.
 */
public interface OrderDocumentProfile {

    /** Entity set of the customer order document, e.g. {@code Document_ЗаказКлиента}. */
    String entitySet();

    /** The header field holding the marketplace's order number, used to find the order again. */
    String externalNumberField();

    /** The body of a new order document. */
    ObjectNode newOrder(ResolvedOrder order, ObjectMapper json);

    /** The PATCH body that puts an existing order document into this configuration's cancelled state. */
    ObjectNode cancellation(JsonNode existing, Order order, ObjectMapper json);

    /** Whether the existing document already shows the cancellation (so it is not written twice). */
    boolean isCancelled(JsonNode existing);
}
