package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.report.ServiceCharge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One accrual of {@code POST /v1/finance/accrual/by-day} turned into service charges, and Ozon's own figure for them.
 * <p>
 * Money groups read (any of them on any accrual, whatever its {@code accrued_category}: a POSTING accrual can carry
 * item fees besides its delivery): {@code posting.products[].delivery.services[]}, {@code item_fees.fees[].fees[]},
 * {@code non_item_fee}, {@code container_fees.fees[]} (added by Ozon in July 2026 with the category
 * {@code CONTAINER_FEES}). The code of a charge is its accrual type id. The posting's sale and sale commission
 * ({@code posting.products[].commission}) are not services: the realization report carries them.
 * <p>
 * Money the flow does not recognise is never dropped: a field outside the groups above that holds an amount (a new
 * group) and every fee of an accrual whose category is not one the spec lists become charges under codes of their
 * own ({@code <field>:<type id>}, {@code <CATEGORY>:<type id>}) that no service map row has until an integrator adds
 * one, so the report is parked as UNMAPPED_SERVICE and replays once they are mapped. Of a new category the part of
 * Ozon's total that no fee explains is a charge too ({@code <CATEGORY>:unexplained}).
 * <p>
 * Ozon's figure to reconcile with: {@code total_amount} less the sale part of the posting (Σ
 * {@code commission.sale_amount} + {@code commission.commission}), sign turned (a charge is positive). An accrual
 * without {@code total_amount} falls back to the delivery totals and the fees as read.
 */
final class OzonAccruals {

    /** The categories the spec lists ({@code CONTAINER_FEES} since July 2026). */
    static final Set<String> CATEGORIES = Set.of("UNSPECIFIED", "POSTING", "ITEM", "NON_ITEM", "CONTAINER_FEES");

    private static final Set<String> ACCRUAL_FIELDS = Set.of("accrual_id", "date", "unit_number", "accrued_category",
            "total_amount", "posting", "item_fees", "non_item_fee", "container_fees");
    private static final Set<String> POSTING_FIELDS = Set.of("delivery_schema", "delivery_speed", "products");
    private static final Set<String> PRODUCT_FIELDS = Set.of("sku", "quantity", "commission", "delivery");
    private static final Set<String> DELIVERY_FIELDS = Set.of("services", "total_accrued");
    private static final Set<String> ITEM_FEES_FIELDS = Set.of("fees");
    private static final Set<String> ITEM_FEE_FIELDS = Set.of("sku", "quantity", "fees");

    private final Map<Integer, String> names;

    /** @param names the accrual types' names by id ({@code /v1/finance/accrual/types}); may be empty */
    OzonAccruals(Map<Integer, String> names) {
        this.names = names;
    }

    /** Emits the charges of one accrual (positive = a charge) and returns Ozon's own sum of them. */
    BigDecimal read(JsonNode accrual, Consumer<ServiceCharge> out) {
        LocalDate date = day(accrual.path("date").asText(""));
        String category = accrual.path("accrued_category").asText("UNSPECIFIED");
        String prefix = CATEGORIES.contains(category) ? "" : category + ":";
        BigDecimal[] read = {BigDecimal.ZERO};
        BigDecimal deliveryTotals = BigDecimal.ZERO;
        BigDecimal salePart = BigDecimal.ZERO;
        Consumer<ServiceCharge> counted = c -> {
            read[0] = read[0].add(c.amount());
            out.accept(c);
        };

        JsonNode posting = accrual.get("posting");
        if (isObject(posting)) {
            unknown("posting", posting, POSTING_FIELDS, date, null, counted);
            for (JsonNode product : posting.path("products")) {
                String sku = sku(product);
                unknown("posting.products", product, PRODUCT_FIELDS, date, sku, counted);
                JsonNode delivery = product.path("delivery");
                if (delivery.isObject()) {
                    unknown("posting.products.delivery", delivery, DELIVERY_FIELDS, date, sku, counted);
                }
                for (JsonNode service : delivery.path("services")) {
                    counted.accept(typed(prefix, service, date, sku));
                }
                deliveryTotals = deliveryTotals.add(money(delivery.path("total_accrued"), "delivery.total_accrued"));
                JsonNode commission = product.path("commission");
                salePart = salePart.add(money(commission.path("sale_amount"), "commission.sale_amount"))
                        .add(money(commission.path("commission"), "commission.commission"));
            }
        }
        BigDecimal deliveryRead = read[0];
        JsonNode itemFees = accrual.get("item_fees");
        if (isObject(itemFees)) {
            unknown("item_fees", itemFees, ITEM_FEES_FIELDS, date, null, counted);
            for (JsonNode item : itemFees.path("fees")) {
                String sku = sku(item);
                unknown("item_fees.fees", item, ITEM_FEE_FIELDS, date, sku, counted);
                for (JsonNode fee : item.path("fees")) {
                    counted.accept(typed(prefix, fee, date, sku));
                }
            }
        }
        JsonNode nonItem = accrual.get("non_item_fee");
        if (isObject(nonItem) && (nonItem.has("type_id") || nonItem.has("accrued"))) {
            counted.accept(typed(prefix, nonItem, date, null));
        }
        JsonNode container = accrual.get("container_fees");
        if (isObject(container)) {
            unknown("container_fees", container, ITEM_FEES_FIELDS, date, null, counted);
            for (JsonNode fee : container.path("fees")) {
                counted.accept(typed(prefix, fee, date, null));
            }
        }
        unknown("", accrual, ACCRUAL_FIELDS, date, null, counted);

        JsonNode total = accrual.path("total_amount");
        if (!total.isObject() || total.path("amount").isNull() || total.path("amount").asText("").isBlank()) {
            // no figure of Ozon's own but the delivery totals: the other fees count as read
            return read[0].subtract(deliveryRead).subtract(deliveryTotals);
        }
        BigDecimal stated = money(total, "total_amount").subtract(salePart).negate();
        BigDecimal unexplained = stated.subtract(read[0]);
        if (!prefix.isEmpty() && unexplained.signum() != 0) {
            counted.accept(new ServiceCharge(prefix + "unexplained", "Ozon: new accrual category " + category
                    + ", part of total_amount no fee explains", unexplained, date, null));
        }
        return stated;
    }

    /** A fee of a known group: {@code {"type_id": 101, "accrued": {"amount": "-76.00", ...}}}. */
    private ServiceCharge typed(String prefix, JsonNode fee, LocalDate date, String sku) {
        int type = fee.path("type_id").asInt();
        String name = names.getOrDefault(type, "Ozon accrual type " + type);
        if (!prefix.isEmpty()) {
            name = "Ozon: new accrual category " + prefix.substring(0, prefix.length() - 1) + ", " + name;
        }
        BigDecimal accrued = money(fee.path("accrued"), "type " + type);
        return new ServiceCharge(prefix + type, name, accrued.negate(), date, sku == null ? null : "sku:" + sku);
    }

    /**
     * The fields of {@code node} outside {@code known} that hold money: each fee ({@code type_id} + {@code accrued})
     * or bare amount in them becomes a charge coded by where it was found.
     */
    private void unknown(String path, JsonNode node, Set<String> known, LocalDate date, String sku,
                         Consumer<ServiceCharge> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!known.contains(field.getKey())) {
                money((path.isEmpty() ? "" : path + ".") + field.getKey(), field.getValue(), date, sku, out);
            }
        }
    }

    private void money(String path, JsonNode node, LocalDate date, String sku, Consumer<ServiceCharge> out) {
        if (node.isArray()) {
            node.forEach(element -> money(path, element, date, sku, out));
        } else if (node.isObject()) {
            if (node.path("accrued").isObject()) {
                String type = node.has("type_id") ? node.path("type_id").asText() : null;
                String name = "Ozon: new accrual group " + path + (type == null ? ""
                        : ", " + names.getOrDefault(node.path("type_id").asInt(), "type " + type));
                out.accept(new ServiceCharge(type == null ? path : path + ":" + type, name,
                        money(node.path("accrued"), path).negate(), date, sku == null ? null : "sku:" + sku));
            } else if (node.has("amount") && (node.get("amount").isTextual() || node.get("amount").isNumber())) {
                BigDecimal amount = money(node, path);
                if (amount.signum() != 0) {
                    out.accept(new ServiceCharge(path, "Ozon: new accrual group " + path, amount.negate(), date,
                            sku == null ? null : "sku:" + sku));
                }
            } else {
                node.fields().forEachRemaining(f -> money(path + "." + f.getKey(), f.getValue(), date, sku, out));
            }
        }
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private static String sku(JsonNode node) {
        JsonNode sku = node.get("sku");
        return sku == null || sku.isNull() ? null : sku.asText();
    }

    /** An accrual's day ({@code 2026-10-05}, or a date-time); null when Ozon gives none the flow can read. */
    private static LocalDate day(String text) {
        try {
            return text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Accrual money: {@code {"amount":"-76.00","currency":"RUB"}}, the amount a string; absent is 0. */
    static BigDecimal money(JsonNode money, String what) {
        JsonNode amount = money.get("amount");
        if (amount == null || amount.isNull() || amount.asText().isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(amount.asText().trim());
        } catch (NumberFormatException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Ozon accrual " + what + " is not an amount: "
                    + amount.asText());
        }
    }
}
