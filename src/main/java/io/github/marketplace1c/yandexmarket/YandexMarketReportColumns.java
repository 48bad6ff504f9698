package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What this version knows of the two Market reports: their sheets (by file name) and the JSON columns Market
 * documents for them (the column tables of {@code generateGoodsRealizationReport} and
 * {@code generateUnitedMarketplaceServicesReport}, as of 2026-08). Market warns that sheets and columns change
 * without notice, so a row is also checked for columns nobody told us about that carry money: a number, not zero,
 * in a column named like a sum, price, cost, payment, fee, discount or compensation. Those are never dropped
 * silently; the report source decides what becomes of them.
 */
final class YandexMarketReportColumns {

    /** A column of a row that this version does not know and that carries money. */
    record UnknownMoney(String column, BigDecimal value) {
        @Override
        public String toString() {
            return column + " = " + text(value);
        }
    }

    // ---- sales (goods-realization) -----------------------------------------------------------------------------

    static final String DELIVERED = "delivered";
    static final String RETURNED = "returned";
    /** The sheets that are not sales or returns: goods handed to delivery, not bought out, lost in delivery. */
    static final Set<String> SALES_OTHER_SHEETS = Set.of("transferred_to_delivery", "unredeemed", "lost_items");

    private static final Set<String> REALIZATION_COLUMNS = Set.of(
            "orderId", "yourOrderId", "orderType", "offerName", "yourSku", "shopSku", "transferredToDeliveryCount",
            "deliveredCount", "unredeemedCount", "returnedCount", "orderCreationDate", "transferredToDeliveryDate",
            "deliveryDate", "unredeemedWarehouseOrScAcceptDate", "returnWarehouseOrScAcceptDate", "paymentType",
            "vat", "priceWithVatAndNoDiscount", "shopMarketplaceDiscount", "spasiboDiscount", "yandexPlusDiscount",
            "priceWithVatAndAllDiscounts",
            "transferredToDeliveryPriceSumWithVatAndNoDiscounts", "transferredToDeliveryDiscountSum",
            "transferredToDeliveryPriceSumWithVatAndDiscounts",
            "deliveredPriceSumWithVatAndNoDiscounts", "deliveredDiscountSum", "deliveredPriceSumWithVatAndDiscounts",
            "unredeemedPriceSumWithVatAndNoDiscounts", "unredeemedDiscountSum", "unredeemedPriceSumWithVatAndDiscounts",
            "returnPriceSumWithVatAndNoDiscounts", "returnDiscountSum", "returnPriceSumWithVatAndDiscounts",
            "rnpt", "receiptId", "receiptLink", "receiptDatetime", "organization", "inn", "kpp",
            "organizationJurAddress", "updStatus", "updDate", "updNumber", "ukdStatus", "ukdDate", "ukdNumber",
            "consignmentNoteDate", "consignmentNoteNumber", "invoiceDate", "invoiceNumber", "adjustmentInvoiceDate",
            "adjustmentInvoiceNumber", "redeemedPrice", "compensationDate", "compensationAmount",
            "lostReturnReceivedDate", "decompensationDate", "decompensationAmount");

    // ---- services (united-marketplace-services) ----------------------------------------------------------------

    /** The sheets whose cost is {@code totalAmount} (Стоимость услуги after every discount and surcharge). */
    static final Set<String> TOTAL_AMOUNT_SHEETS = Set.of("placement", "sale_commission", "item_booking");

    /** Every services sheet Market documents, by file name. */
    static final Set<String> SERVICE_SHEETS = Set.of(
            "placement", "sale_commission", "warehouse_processing", "goods_acceptance", "loyalty_and_reviews", "boost",
            "installment_plan", "shelf", "cpm-boost", "product-banners", "banners", "pushes", "popups", "delivery",
            "crossregional_delivery", "express_delivery", "delivery_from_abroad", "payment_accepting",
            "payment_transfer", "money_withdraw", "item_booking", "paid_storage_before_31-05-22",
            "paid_storage_after_01-06-22", "delivery_via_transit_warehouse", "reception_of_surplus",
            "product_marking", "export_from_warehouse", "intake_logistics", "order_processing",
            "order_processing_on_warehouse", "storage_of_returns", "expropriation", "utilization",
            "extended_service_access", "business_subscription", "personal_manager", "mailing", "web", "tv",
            "yandex-market", "pads");

    private static final Set<String> SERVICE_COLUMNS = Set.of(
            // business
            "businessId", "placementModel", "partnerId", "partnerName", "inn", "placementContract",
            "promotionContract",
            // order, goods, supply
            "orderId", "orderNumber", "orderCreationDateTime", "shopSku", "sku", "marketSku", "offerName",
            "productName", "turboGoods", "category", "price", "itemPrice", "merchantPrice", "sellPrice", "clientPrice",
            "buyerPaid", "decouplingMarkup", "count", "goodsCount", "orderCount", "parcelsCount", "batchSize",
            "batchCount", "batchPrice", "weight", "weightRounded", "dimensionalWeight", "volume", "length", "width",
            "height", "dimensionsSum", "paymentType", "qualityIndex", "localityIndex", "warehouse", "ffReequestId",
            "wmsId", "cargoPlaceType", "cargoType", "acceptanceStage", "reviewId", "marketDeliveryId",
            "warehouseDeliveryId", "acceptancePoint", "servicesColumnManyWarehousesSupply", "xdocFrom", "xdocTo",
            "servicesColumnVdcDirectionsCount", "isBox", "volumeLiters", "turboPercentage", "boxCount",
            "marketRequestId", "warehouseRequestId", "stock", "estimatedCost", "boxExternalId", "location",
            "resupplyType", "returnId", "returnCount", "utilizationRequestId", "utilizationRequestDateTime",
            "avgStockLiters", "avgSoldLiters", "turnoverDays", "lengthProductM", "widthProductM", "heightProductM",
            "countProductUnit", "volumeUnitsOfGoods", "securityPaymentId", "securityPaymentDate",
            "securityPaymentAmount", "advertiserId", "limitType", "campaignId", "campaignName", "eventsCount",
            "surfaceType", "dailyLimit", "from", "to", "deliveryType", "unitName", "commentary", "recordType", "type",
            "transactionType", "storagePeriod", "measurementUnit",
            // service, tariff
            "serviceName", "service", "tariffTerms", "tariff", "tariffPerItem", "tariffForTransfer", "tariffForWeight",
            "shippingTariff", "tariffOrBetForReview", "unit", "minTariff", "maxTariff", "minAmount",
            "minimumTariffLimit", "minimumTariffCondition", "unredeemedOrderTariff", "returnTariff",
            "localityCoefficient", "serviceDateTime", "serviceDate", "dateTime", "actDate", "bet",
            // the parts of a cost (the cost column itself is counted, these explain it)
            "serviceBeforeTariff", "servicePriceBeforeTariff", "amountWithoutBonuses", "feeBenefitTariff",
            "feeBenefitDiscount", "daysOfDelay", "lateOrderExecutionFeeTariff", "cancellationOrderFeeTariff",
            "qualityIndexMinTariff", "qualityIndexMaxTariff", "qualityIndexAmount", "decouplingTariff",
            "decouplingPriceChange", "individualDiscount", "loyaltyDiscount", "netting", "promoAmount",
            "customerBonusAmount", "discount", "discountPercent", "discountAmount", "paymentWithBonuses", "prepaid",
            "postpaid", "bonusPaid", "payment", "paymentAmount",
            // the cost columns
            "totalAmount", "servicePrice", "paidStorage", "fullPrice");

    /** Names that say a column holds money (camelCase JSON names, compared in lower case). */
    private static final Pattern MONEY_NAME = Pattern.compile(
            ".*(sum|price|cost|amount|paid|payment|pay|fee|discount|bonus|commission|compensation|netting|charge"
                    + "|total|reward|penalt|fine|refund|surcharge).*");
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d+([.,]\\d+)?");

    private YandexMarketReportColumns() {
    }

    static boolean knownSalesSheet(String sheet) {
        return DELIVERED.equals(sheet) || RETURNED.equals(sheet) || SALES_OTHER_SHEETS.contains(sheet);
    }

    static boolean knownServicesSheet(String sheet) {
        return SERVICE_SHEETS.contains(sheet);
    }

    /** The services sheet's cost column: what the seller pays for the row's service. */
    static String costColumn(String sheet) {
        if (TOTAL_AMOUNT_SHEETS.contains(sheet)) {
            return "totalAmount";
        }
        if (sheet.startsWith("paid_storage")) {
            return "paidStorage";
        }
        if ("expropriation".equals(sheet)) {
            return "fullPrice";
        }
        return "servicePrice";
    }

    /** The row's columns this version does not know (for the report's kind) that carry money. */
    static List<UnknownMoney> unknownMoney(boolean sales, JsonNode row) {
        return money(row, sales ? REALIZATION_COLUMNS : SERVICE_COLUMNS);
    }

    /** Every money-carrying column of the row outside {@code known} (all of them for an empty set). */
    static List<UnknownMoney> money(JsonNode row, Set<String> known) {
        List<UnknownMoney> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (known.contains(field.getKey()) || !MONEY_NAME.matcher(field.getKey().toLowerCase(java.util.Locale.ROOT))
                    .matches()) {
                continue;
            }
            BigDecimal value = numeric(field.getValue());
            if (value != null && value.signum() != 0) {
                found.add(new UnknownMoney(field.getKey(), value));
            }
        }
        return found;
    }

    /** An amount as a person reads it: at least the kopecks, never an exponent (JSON trees strip the zeros). */
    static String text(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    /** A number, or a string holding one (some clients record Market's amounts as strings). */
    static BigDecimal numeric(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual() && NUMBER_TEXT.matcher(value.asText().trim()).matches()) {
            return new BigDecimal(value.asText().trim().replace(',', '.'));
        }
        return null;
    }
}
