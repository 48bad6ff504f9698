package io.github.marketplace1c.sandbox.wildberries;

import java.util.Set;

/**
 * The two statuses of a WB assembly order, as {@code POST /api/v3/orders/status} may report them. Only the values
 * that endpoint's schema allows are accepted, so the emulator can never answer outside the spec (the prose also
 * mentions {@code cancel_carrier} and {@code canceled_by_carrier}, cross-border only; the schema's enums do not).
 */
public final class WildberriesStatuses {

    /** Set by the seller's own actions: new, on assembly (in a supply), in delivery, cancelled by the seller. */
    public static final Set<String> SUPPLIER = Set.of("new", "confirm", "complete", "cancel");

    /** WB's own status of the order. */
    public static final Set<String> WB = Set.of("waiting", "sorted", "sold", "canceled", "canceled_by_client",
            "declined_by_client", "defect", "ready_for_pickup", "postponed_delivery", "accepted_by_carrier",
            "sent_to_carrier");

    /** WB statuses that end the order without a sale. */
    public static final Set<String> CANCELLED = Set.of("canceled", "canceled_by_client", "declined_by_client", "defect");

    private WildberriesStatuses() {
    }

    static void check(String supplierStatus, String wbStatus) {
        if (!SUPPLIER.contains(supplierStatus)) {
            throw new IllegalArgumentException("supplierStatus must be one of " + SUPPLIER + ": " + supplierStatus);
        }
        if (!WB.contains(wbStatus)) {
            throw new IllegalArgumentException("wbStatus must be one of " + WB + ": " + wbStatus);
        }
    }

    /** Whether the seller may still cancel: before the hand-over to WB, and only while WB has not ended it. */
    static boolean cancellable(String supplierStatus, String wbStatus) {
        return (supplierStatus.equals("new") || supplierStatus.equals("confirm")) && wbStatus.equals("waiting");
    }

    /** {@code /api/v3/orders/new} lists what is new for the seller and still wanted by the buyer. */
    static boolean isNew(String supplierStatus, String wbStatus) {
        return supplierStatus.equals("new") && !CANCELLED.contains(wbStatus);
    }
}
