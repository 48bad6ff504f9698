package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The two shapes WB lists assembly orders in, cut from the stored superset: {@code OrderNew} for
 * {@code /api/v3/orders/new} and {@code Order} for {@code /api/v3/orders} (03-orders-fbs.yaml components.schemas).
 * The field lists are the schemas' own, in their order; a field the stored order lacks stays out.
 */
final class OrderViews {

    /** {@code Order}: no finalPrice/salePrice/marking lists; {@code supplyId} and {@code scanPrice} once in a supply. */
    static final List<String> ORDER = List.of("address", "scanPrice", "deliveryType", "supplyId", "orderUid",
            "article", "colorCode", "rid", "createdAt", "offices", "skus", "id", "warehouseId", "officeId", "nmId",
            "chrtId", "price", "convertedPrice", "currencyCode", "convertedCurrencyCode", "cargoType",
            "crossBorderType", "comment", "isZeroOrder", "options");

    /** {@code OrderNew}: money incl. finalPrice and salePrice, marking lists; {@code scanPrice} is always null here. */
    static final List<String> ORDER_NEW = List.of("address", "ddate", "sellerDate", "salePrice", "requiredMeta",
            "optionalMeta", "deliveryType", "comment", "scanPrice", "orderUid", "article", "colorCode", "rid",
            "createdAt", "offices", "skus", "id", "warehouseId", "officeId", "nmId", "chrtId", "price", "finalPrice",
            "convertedPrice", "convertedFinalPrice", "currencyCode", "convertedCurrencyCode", "cargoType",
            "crossBorderType", "isZeroOrder", "isPickupPointShipmentAllowed", "options");

    private OrderViews() {
    }

    static ObjectNode order(ObjectNode stored) {
        return pick(stored, ORDER);
    }

    static ObjectNode orderNew(ObjectNode stored) {
        ObjectNode view = pick(stored, ORDER_NEW);
        view.putNull("scanPrice"); // "Для данного метода всегда будет возвращаться null"
        return view;
    }

    private static ObjectNode pick(ObjectNode stored, List<String> fields) {
        ObjectNode view = WildberriesJson.object();
        for (String field : fields) {
            JsonNode value = stored.get(field);
            if (value != null) {
                view.set(field, value.deepCopy());
            }
        }
        return view;
    }
}
