package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * finance-api (13-finances.yaml) realization reports:
 * <ul>
 * <li>{@code POST /api/finance/v1/sales-reports/list} {dateFrom, dateTo, limit ≤ 1000, offset, period}: the reports
 * overlapping the period with their sums (money as strings); 204 when there are none;</li>
 * <li>{@code POST /api/finance/v1/sales-reports/detailed/{reportId}} {limit ≤ 100000, rrdId, fields}: the rows after
 * {@code rrdId}, at most {@code limit}; 204 when none are left (how a client knows it has them all). {@code fields}
 * narrows each row to the named fields; the rows are written as they are generated, never built as a tree.</li>
 * </ul>
 * The card list the reports need for chrtId cabinets ({@code /content/v2/get/cards/list}) is {@link CardEndpoints}'.
 */
final class FinanceEndpoints {

    static final String LIST = "/api/finance/v1/sales-reports/list";
    static final String DETAILED = "/api/finance/v1/sales-reports/detailed/:reportId";
    static final int MAX_ROWS = 100_000;

    private static final JsonFactory JSON = new JsonFactory();

    private final WildberriesFinance finance;

    FinanceEndpoints(WildberriesFinance finance) {
        this.finance = finance;
    }

    WildberriesEmulator.Answer list(String token, MultiMap query, String body) {
        JsonNode request = parse(body);
        LocalDate from = date(request, "dateFrom");
        LocalDate to = date(request, "dateTo");
        int limit = request.path("limit").asInt(1000);
        int offset = request.path("offset").asInt(0);
        String period = request.path("period").asText("weekly");
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw bad("limit must be 1..1000 and offset not negative");
        }
        if (!period.equals("weekly") && !period.equals("daily")) {
            throw bad("period must be daily or weekly");
        }
        List<WildberriesFinance.Report> reports = finance.reports(token, from, to);
        ArrayNode answer = WildberriesJson.MAPPER.createArrayNode();
        for (WildberriesFinance.Report report : reports.subList(Math.min(offset, reports.size()),
                Math.min(reports.size(), offset + limit))) {
            WildberriesFinance.Sums sums = report.sums();
            ObjectNode item = answer.addObject();
            java.util.function.BiConsumer<String, BigDecimal> sum = (name, value) -> {
                if (!report.omits(name)) {
                    item.put(name, money(value));
                }
            };
            item.put("reportId", report.reportId());
            item.put("sellerFinanceName", sellerName(token));
            item.put("dateFrom", report.dateFrom().toString());
            item.put("dateTo", report.dateTo().toString());
            item.put("createDate", report.createDate().toString());
            item.put("currency", report.currency());
            item.put("reportType", 1);
            sum.accept("retailAmountSum", sums.retailAmountSum());
            sum.accept("forPaySum", sums.forPaySum());
            item.put("avgSalePercent", 0);
            sum.accept("deliveryServiceSum", sums.deliveryServiceSum());
            sum.accept("paidStorageSum", sums.paidStorageSum());
            sum.accept("paidAcceptanceSum", sums.paidAcceptanceSum());
            sum.accept("deductionSum", sums.deductionSum());
            sum.accept("penaltySum", sums.penaltySum());
            sum.accept("additionalPaymentSum", sums.additionalPaymentSum());
            sum.accept("cashbackAmountSum", BigDecimal.ZERO);
            sum.accept("cashbackDiscountSum", BigDecimal.ZERO);
            sum.accept("cashbackCommissionChangeSum", BigDecimal.ZERO);
            item.put("paymentSchedule", "-1");
            sum.accept("bankPaymentSum", sums.forPaySum().subtract(sums.deliveryServiceSum())
                    .subtract(sums.paidStorageSum()).subtract(sums.paidAcceptanceSum()).subtract(sums.deductionSum())
                    .subtract(sums.penaltySum()).add(sums.additionalPaymentSum()));
        }
        return answer.isEmpty() ? new WildberriesEmulator.Answer(204, null) : new WildberriesEmulator.Answer(200, answer);
    }

    WildberriesEmulator.Answer detailed(String token, String reportIdText, String body) {
        JsonNode request = parse(body);
        long reportId;
        try {
            reportId = Long.parseLong(reportIdText);
        } catch (NumberFormatException e) {
            throw bad("reportId must be an integer");
        }
        int limit = request.path("limit").asInt(MAX_ROWS);
        long rrdId = request.path("rrdId").asLong(0);
        if (limit < 1 || limit > MAX_ROWS || rrdId < 0) {
            throw bad("limit must be 1..100000 and rrdId not negative");
        }
        Set<String> fields = null;
        if (request.path("fields").isArray() && !request.path("fields").isEmpty()) {
            fields = new HashSet<>();
            for (JsonNode field : request.path("fields")) {
                fields.add(field.asText());
            }
            fields.add("rrdId");
        }
        WildberriesFinance.Report report = finance.report(token, reportId).orElse(null);
        if (report == null) {
            return new WildberriesEmulator.Answer(204, null);
        }
        int first = report.firstAfter(rrdId);
        int end = (int) Math.min(report.rowCount(), (long) first + limit);
        if (first >= end) {
            return new WildberriesEmulator.Answer(204, null);
        }
        Set<String> only = fields;
        return WildberriesEmulator.Answer.streamed(200, end - first, out -> writeRows(out, report, first, end, only));
    }

    /** Writes rows [from, to) of the report as a JSON array, row by row. */
    static void writeRows(OutputStream out, WildberriesFinance.Report report, int from, int to, Set<String> fields)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (int i = from; i < to; i++) {
                writeRow(g, report, report.row(i), fields);
            }
            g.writeEndArray();
        }
    }

    private static void writeRow(JsonGenerator g, WildberriesFinance.Report report, WildberriesFinance.Row r,
                                 Set<String> fields) throws IOException {
        Fields f = new Fields(g, fields);
        g.writeStartObject();
        f.number("reportId", report.reportId());
        f.string("dateFrom", report.dateFrom().toString());
        f.string("dateTo", report.dateTo().toString());
        f.string("createDate", report.createDate().toString());
        f.string("currency", report.currency().equals("RUB") ? r.currency() : report.currency());
        f.number("reportType", 1);
        f.number("rrdId", r.rrdId());
        f.number("giId", 0);
        f.decimal("dlvPrc", BigDecimal.ZERO);
        f.string("fixTariffDateFrom", r.day().toString());
        f.string("fixTariffDateTo", r.day().toString());
        f.string("subjectName", r.subjectName());
        f.number("nmId", r.nmId());
        f.string("brandName", "Ромашка");
        f.string("vendorCode", r.vendorCode());
        f.string("title", r.title());
        f.string("techSize", r.techSize());
        f.string("sku", r.barcode());
        f.string("docTypeName", r.docTypeName());
        f.number("quantity", r.quantity());
        f.string("retailPrice", money(r.retailPrice()));
        f.string("retailAmount", money(r.retailAmount()));
        f.number("salePercent", 0);
        f.decimal("commissionPercent", new BigDecimal("24.5"));
        f.string("officeName", "Коледино");
        f.string("sellerOperName", r.sellerOperName());
        f.string("orderDt", r.day().minusDays(2) + "T10:15:00Z");
        f.string("saleDt", r.day() + "T12:00:00Z");
        f.string("rrDate", r.day().toString());
        f.number("shkId", 0);
        f.string("retailPriceWithDisc", money(r.retailPriceWithDisc()));
        f.number("deliveryAmount", r.sellerOperName().equals("Логистика") ? 1 : 0);
        f.number("returnAmount", 0);
        f.string("deliveryService", money(r.deliveryService()));
        f.string("giBoxTypeName", "Без коробов");
        f.decimal("productDiscountForReport", BigDecimal.ZERO);
        f.string("sellerPromo", "0");
        f.decimal("spp", BigDecimal.ZERO);
        f.decimal("kvwBase", new BigDecimal("24.5"));
        f.decimal("kvw", new BigDecimal("24.5"));
        f.decimal("supRatingUp", BigDecimal.ZERO);
        f.decimal("isKgvpV2", BigDecimal.ZERO);
        f.string("ppvzSalesCommission", money(r.ppvzSalesCommission()));
        f.string("forPay", money(r.forPay()));
        f.string("ppvzReward", "0");
        f.string("acquiringFee", money(r.acquiringFee()));
        f.decimal("acquiringPercent", BigDecimal.ZERO);
        f.string("paymentProcessing", "");
        f.string("acquiringBank", "");
        f.string("vw", money(r.ppvzSalesCommission()));
        f.string("vwNds", "0");
        f.string("ppvzOfficeName", "");
        f.number("ppvzOfficeId", 0);
        f.string("ppvzSupplierName", "");
        f.string("ppvzSupplierInn", "");
        f.string("declarationNumber", "");
        f.string("bonusTypeName", r.bonusTypeName());
        f.string("stickerId", "");
        f.string("country", "Россия");
        f.bool("srvDbs", false);
        f.string("penalty", money(r.penalty()));
        f.string("additionalPayment", money(r.additionalPayment()));
        f.string("rebillLogisticCost", money(r.rebillLogisticCost()));
        f.string("rebillLogisticOrg", r.rebillLogisticCost().signum() == 0 ? "" : "ООО «Вайлдберриз»");
        f.string("paidStorage", money(r.paidStorage()));
        f.string("deduction", money(r.deduction()));
        f.string("paidAcceptance", money(r.paidAcceptance()));
        f.number("orderId", 0);
        f.bool("isB2b", false);
        f.string("trbxId", "");
        f.string("installmentCofinancingAmount", "0");
        f.decimal("wibesDiscountPercent", BigDecimal.ZERO);
        f.string("cashbackAmount", "0");
        f.string("cashbackDiscount", "0");
        f.string("cashbackCommissionChange", "0");
        f.string("paymentSchedule", "-1");
        f.string("deliveryMethod", "FBS, (МГТ)");
        f.number("sellerPromoId", 0);
        f.decimal("sellerPromoDiscount", BigDecimal.ZERO);
        f.number("loyaltyId", 0);
        f.decimal("loyaltyDiscount", BigDecimal.ZERO);
        f.string("uuidPromocode", "");
        f.decimal("salePricePromocodeDiscountPrc", BigDecimal.ZERO);
        f.string("articleSubstitution", "");
        f.decimal("salePriceAffiliatedDiscountPrc", BigDecimal.ZERO);
        f.decimal("salePriceWholesaleDiscountPrc", BigDecimal.ZERO);
        f.string("b2bCustomerTin", "");
        f.string("orderUid", r.quantity() == 0 ? "" : "uid" + r.rrdId());
        f.string("srid", r.quantity() == 0 ? "" : "srid" + r.rrdId());
        g.writeEndObject();
    }

    /** Writes a field unless {@code fields} leaves it out. */
    private record Fields(JsonGenerator g, Set<String> only) {
        boolean wanted(String name) {
            return only == null || only.contains(name);
        }

        void string(String name, String value) throws IOException {
            if (wanted(name)) {
                g.writeStringField(name, value == null ? "" : value);
            }
        }

        void number(String name, long value) throws IOException {
            if (wanted(name)) {
                g.writeNumberField(name, value);
            }
        }

        void decimal(String name, BigDecimal value) throws IOException {
            if (wanted(name)) {
                g.writeNumberField(name, value);
            }
        }

        void bool(String name, boolean value) throws IOException {
            if (wanted(name)) {
                g.writeBooleanField(name, value);
            }
        }
    }

    private static String sellerName(String token) {
        return SandboxData.WB_ACCOUNTS.stream().filter(a -> a.token().equals(token)).findFirst()
                .map(a -> a.organization().name()).orElse("Продавец");
    }

    static String money(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = WildberriesJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
            if (node == null || !node.isObject()) {
                throw bad("a JSON object is expected");
            }
            return node;
        } catch (IOException e) {
            throw bad("request body is not JSON");
        }
    }

    private static LocalDate date(JsonNode request, String name) {
        String text = request.path(name).asText("");
        if (text.isBlank()) {
            throw bad("missing " + name + " params");
        }
        try {
            // RFC 3339 date or date-time (Moscow time)
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw bad(name + " '" + text + "' is not a date");
        }
    }

    private static WildberriesApiException bad(String detail) {
        return WildberriesApiException.financeBadRequest("GetReportDetail decode error: " + detail);
    }
}
