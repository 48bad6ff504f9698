package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a stored posting looks like in each answer. The store keeps the v4 shape with every optional block; v4
 * lists drop the blocks a request's {@code with} does not ask for, and {@code /v3/posting/fbs/get} also turns the
 * money back into the v3 forms (product price a string plus {@code currency_code}; flat commission fields).
 */
final class PostingViews {

    private static final List<String> OPTIONAL_BLOCKS = List.of("analytics_data", "barcodes", "financial_data",
            "legal_info");

    private PostingViews() {
    }

    static ObjectNode v4(ObjectNode stored, JsonNode with) {
        ObjectNode p = stored.deepCopy();
        for (String block : OPTIONAL_BLOCKS) {
            if (!with.path(block).asBoolean(false)) {
                p.remove(block);
            }
        }
        return p;
    }

    static ObjectNode v3(ObjectNode stored, JsonNode with) {
        ObjectNode p = v4(stored, with);
        // v4-only fields: the v3 result schema forbids properties it does not list
        p.remove(List.of("delivery_schema", "is_presortable"));
        ArrayNode products = OzonJson.MAPPER.createArrayNode();
        for (JsonNode product : stored.path("products")) {
            ObjectNode v3 = OzonJson.object();
            copy(v3, "price", product.path("price").path("amount"));
            copy(v3, "offer_id", product.path("offer_id"));
            copy(v3, "name", product.path("name"));
            copy(v3, "sku", product.path("sku"));
            copy(v3, "quantity", product.path("quantity"));
            v3.put("currency_code", product.path("price").path("currency").asText("RUB"));
            v3.put("is_blr_traceable", product.path("is_blr_traceable").asBoolean(false));
            v3.put("is_marketplace_buyout", product.path("is_marketplace_buyout").asBoolean(false));
            v3.put("has_imei", false);
            v3.put("is_weight_needed", false);
            products.add(v3);
        }
        p.set("products", products);
        if (p.has("financial_data")) {
            p.set("financial_data", financialV3(stored.path("financial_data")));
        }
        p.putArray("additional_data");
        if (with.path("related_postings").asBoolean(false)) {
            p.putObject("related_postings").putArray("related_posting_numbers");
        }
        return p;
    }

    /** Copies a field only when the stored posting has it: postings added by tests may carry fewer fields. */
    private static void copy(ObjectNode target, String name, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            target.set(name, value.deepCopy());
        }
    }

    private static ObjectNode financialV3(JsonNode v4) {
        ObjectNode f = OzonJson.object();
        ArrayNode products = f.putArray("products");
        for (JsonNode product : v4.path("products")) {
            ObjectNode v3 = products.addObject();
            copy(v3, "product_id", product.path("product_id"));
            copy(v3, "price", product.path("price"));
            copy(v3, "old_price", product.path("old_price"));
            copy(v3, "payout", product.path("payout"));
            v3.put("commission_amount", product.path("commission").path("amount").asDouble());
            v3.put("commission_percent", product.path("commission").path("percent").asLong());
            v3.put("commissions_currency_code", product.path("commission").path("currency").asText("RUB"));
            v3.put("customer_price", Double.parseDouble(product.path("customer_price").path("amount").asText("0")));
            v3.put("customer_currency_code", product.path("customer_price").path("currency").asText("RUB"));
            v3.put("currency_code", "RUB");
            copy(v3, "total_discount_value", product.path("total_discount_value"));
            copy(v3, "total_discount_percent", product.path("total_discount_percent"));
            copy(v3, "quantity", product.path("quantity"));
            copy(v3, "actions", product.path("actions"));
        }
        copy(f, "cluster_from", v4.path("cluster_from"));
        copy(f, "cluster_to", v4.path("cluster_to"));
        return f;
    }
}
