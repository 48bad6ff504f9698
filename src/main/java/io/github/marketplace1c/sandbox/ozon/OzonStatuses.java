package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/** Ozon's FBS posting statuses, the substatus each usually shows, and what a cancellation looks like. */
final class OzonStatuses {

    /** What {@code /v4/posting/fbs/unfulfilled/list} returns when the request names no statuses: not yet handed over. */
    static final Set<String> UNFULFILLED = Set.of("awaiting_registration", "acceptance_in_progress",
            "awaiting_approve", "awaiting_packaging", "awaiting_deliver", "arbitration", "client_arbitration");

    private OzonStatuses() {
    }

    static String substatusOf(String status) {
        return switch (status) {
            case "awaiting_approve", "awaiting_packaging" -> "posting_created";
            case "awaiting_registration" -> "posting_awaiting_registration";
            case "acceptance_in_progress" -> "posting_acceptance_in_progress";
            case "awaiting_deliver" -> "posting_registered";
            case "arbitration" -> "posting_in_arbitration";
            case "client_arbitration" -> "posting_in_client_arbitration";
            case "delivering" -> "posting_on_way_to_city";
            case "driver_pickup" -> "posting_driver_pick_up";
            case "delivered" -> "posting_delivered";
            case "not_accepted" -> "posting_not_in_sort_center";
            case "cancelled" -> "posting_canceled";
            default -> "";
        };
    }

    static ArrayNode availableActions(String status) {
        ArrayNode actions = OzonJson.MAPPER.createArrayNode();
        List<String> names = switch (status) {
            case "awaiting_packaging" -> List.of("cancel", "product_cancel", "ship", "ship_async");
            case "awaiting_deliver" -> List.of("cancel", "has_barcode_for_printing", "awaiting_delivery");
            case "awaiting_approve" -> List.of("cancel");
            default -> List.of();
        };
        names.forEach(actions::add);
        return actions;
    }

    /** The block every posting carries; empty strings and zeros while it is not cancelled, as Ozon sends it. */
    static ObjectNode noCancellation() {
        ObjectNode c = OzonJson.object();
        c.put("cancel_reason_id", 0);
        c.put("cancel_reason", "");
        c.put("cancellation_type", "");
        c.put("cancelled_after_ship", false);
        c.put("affect_cancellation_rating", false);
        c.put("cancellation_initiator", "");
        return c;
    }

    /**
     * The cancellation block for an initiator as Ozon names them. Reason ids 352/402 are from the spec's
     * cancel-reason examples; the buyer-side id is a sandbox value (the spec lists no buyer reasons).
     */
    static ObjectNode cancellation(String initiator, boolean afterShip) {
        ObjectNode c = OzonJson.object();
        String type;
        long reasonId;
        String reason;
        switch (initiator) {
            case "Покупатель", "Клиент" -> {
                type = "client";
                reasonId = 507;
                reason = "Покупатель отменил заказ";
            }
            case "Продавец" -> {
                type = "seller";
                reasonId = 352;
                reason = "Товар закончился на складе продавца";
            }
            case "Ozon" -> {
                type = "ozon";
                reasonId = 0;
                reason = "Отменено Ozon";
            }
            case "Служба доставки" -> {
                type = "delivery";
                reasonId = 0;
                reason = "Отменено службой доставки";
            }
            default -> {
                type = "system";
                reasonId = 0;
                reason = "Отменено системой";
            }
        }
        c.put("cancel_reason_id", reasonId);
        c.put("cancel_reason", reason);
        c.put("cancellation_type", type);
        c.put("cancelled_after_ship", afterShip);
        c.put("affect_cancellation_rating", "seller".equals(type));
        c.put("cancellation_initiator", initiator);
        return c;
    }
}
