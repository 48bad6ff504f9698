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

    /**
     * The marketplace's number as the 1C field keeps it. The field holds 30 characters and 1C silently cuts a longer
     * value, after which the order could not be found again: a longer number (a Wildberries cart's orderUid) is
     * shortened the same way every time — its first 21 characters, "~" and 8 hex digits of its SHA-256.
     */
    static String externalNumber(String number) {
        if (number.length() <= 30) {
            return number;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(number.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return number.substring(0, 21) + "~" + java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The body of a new order document. Prices include VAT (the header says so); each row carries its item's rate
     * from {@code vat} and the VAT inside its sum, the header the VAT regime.
     */
    ObjectNode newOrder(ResolvedOrder order, DocumentVat vat, ObjectMapper json);

    /** The PATCH body that puts an existing order document into this configuration's cancelled state. */
    ObjectNode cancellation(JsonNode existing, Order order, ObjectMapper json);

    /** Whether the existing document already shows the cancellation (so it is not written twice). */
    boolean isCancelled(JsonNode existing);
}
