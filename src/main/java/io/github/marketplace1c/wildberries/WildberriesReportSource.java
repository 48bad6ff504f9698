package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.report.ReportKind;
import io.github.marketplace1c.report.ReportLine;
import io.github.marketplace1c.report.ReportRef;
import io.github.marketplace1c.report.ReportSink;
import io.github.marketplace1c.report.ReportSource;
import io.github.marketplace1c.report.ReportTotals;
import io.github.marketplace1c.report.ServiceCharge;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wildberries realization reports for the sales-report and services flows. The weekly reports of a period come from
 * {@code sales-reports/list} with WB's sums (retailAmountSum, forPaySum and the fee sums: the reconciliation's
 * totals); a report's rows from {@code sales-reports/detailed/{reportId}}, {@code rrdId} paging until 204, up to
 * {@code pageSize} rows a page, asking only for the fields read. Rows are parsed one by one from the stream:
 * <ul>
 * <li>{@code docTypeName} Продажа / Возврат: a sale or return of the product (quantity, {@code retailAmount} the sale
 * sum, {@code forPay} what WB transfers, the reward is the difference; WB sends forPay negative on returns);</li>
 * <li>a row with a fee ({@code deliveryService}, {@code paidStorage}, {@code paidAcceptance}, {@code penalty},
 * {@code deduction}): a service charge named by its {@code sellerOperName} (Логистика, Хранение, Платная приемка,
 * Штраф, Удержание, ...);</li>
 * <li>anything else (additional payments, compensations): skipped with its sellerOperName.</li>
 * </ul>
 * The product key is the account's {@code settings.productKey}: {@code nmId}, {@code article} (vendorCode) and
 * {@code barcode} (sku) are in the rows; for {@code chrtId} (the default, what stock needs) the rows' barcodes are
 * looked up in the account's cards (content-api), since the report does not name sizes by chrtId.
 */
public class WildberriesReportSource implements ReportSource {

    /** The row fields the source reads; WB sends only these. */
    static final List<String> FIELDS = List.of("rrdId", "nmId", "vendorCode", "sku", "techSize", "title",
            "docTypeName", "sellerOperName", "quantity", "retailAmount", "forPay", "deliveryService", "paidStorage",
            "paidAcceptance", "penalty", "deduction", "rrDate");

    private final WildberriesFinanceClient client;
    private final int pageSize;

    public WildberriesReportSource(WildberriesFinanceClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    @Override
    public String marketplace() {
        return WildberriesOrderTranslator.MARKETPLACE;
    }

    @Override
    public List<ReportRef> list(Account account, ReportKind kind, LocalDate from, LocalDate to) {
        List<ReportRef> refs = new ArrayList<>();
        for (JsonNode report : client.reports(account, from, to)) {
            String id = report.path("reportId").asText();
            String where = "Account " + account.id() + ", Wildberries report " + id;
            ReportTotals totals = kind == ReportKind.SALES
                    ? new ReportTotals(null, null, money(report, "retailAmountSum", where), null,
                            money(report, "forPaySum", where), null)
                    : new ReportTotals(null, null, null, null, null, money(report, "deliveryServiceSum", where)
                            .add(money(report, "paidStorageSum", where)).add(money(report, "paidAcceptanceSum", where))
                            .add(money(report, "deductionSum", where)).add(money(report, "penaltySum", where)));
            refs.add(new ReportRef(marketplace(), account.id(), kind, id, id, date(report, "createDate", where),
                    date(report, "dateFrom", where), date(report, "dateTo", where), totals,
                    Map.of("reportType", report.path("reportType").asText("1"))));
        }
        return refs;
    }

    @Override
    public void read(Account account, ReportRef report, ReportSink sink) {
        String productKey = account.setting("productKey", "chrtId");
        Map<String, String> chrtIds = "chrtId".equals(productKey) ? client.chrtIdsByBarcode(account) : Map.of();
        long reportId;
        try {
            reportId = Long.parseLong(report.reportId());
        } catch (NumberFormatException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Wildberries report id '" + report.reportId()
                    + "' is not a number");
        }
        Row row = new Row(account, report, productKey, chrtIds, sink);
        long rrdId = 0;
        while (true) {
            long last = client.detailedPage(account, reportId, rrdId, pageSize, FIELDS, row::readPage);
            if (last < 0 || last == rrdId) {
                return; // 204: every row is read (or an empty page, which WB does not send, ends it too)
            }
            rrdId = last;
        }
    }

    /** One row at a time, parsed field by field into reused fields, then handed to the sink. */
    private static final class Row {
        private final Account account;
        private final ReportRef report;
        private final String productKey;
        private final Map<String, String> chrtIds;
        private final ReportSink sink;
        long rrdId;
        String nmId;
        String vendorCode;
        String sku;
        String title;
        String docTypeName;
        String sellerOperName;
        long quantity;
        BigDecimal retailAmount;
        BigDecimal forPay;
        BigDecimal deliveryService;
        BigDecimal paidStorage;
        BigDecimal paidAcceptance;
        BigDecimal penalty;
        BigDecimal deduction;
        String rrDate;

        Row(Account account, ReportRef report, String productKey, Map<String, String> chrtIds, ReportSink sink) {
            this.account = account;
            this.report = report;
            this.productKey = productKey;
            this.chrtIds = chrtIds;
            this.sink = sink;
        }

        long readPage(JsonParser parser) throws IOException {
            long last = -2;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                clear();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "rrdId" -> rrdId = parser.getValueAsLong();
                        case "nmId" -> nmId = parser.getValueAsString();
                        case "vendorCode" -> vendorCode = parser.getValueAsString();
                        case "sku" -> sku = parser.getValueAsString();
                        case "title" -> title = parser.getValueAsString();
                        case "docTypeName" -> docTypeName = parser.getValueAsString();
                        case "sellerOperName" -> sellerOperName = parser.getValueAsString();
                        case "quantity" -> quantity = parser.getValueAsLong();
                        case "retailAmount" -> retailAmount = decimal(parser, field);
                        case "forPay" -> forPay = decimal(parser, field);
                        case "deliveryService" -> deliveryService = decimal(parser, field);
                        case "paidStorage" -> paidStorage = decimal(parser, field);
                        case "paidAcceptance" -> paidAcceptance = decimal(parser, field);
                        case "penalty" -> penalty = decimal(parser, field);
                        case "deduction" -> deduction = decimal(parser, field);
                        case "rrDate" -> rrDate = parser.getValueAsString();
                        default -> {
                            if (value.isStructStart()) {
                                parser.skipChildren();
                            }
                        }
                    }
                }
                emit();
                last = rrdId;
            }
            return last == -2 ? -1 : last;
        }

        private void clear() {
            rrdId = 0;
            nmId = vendorCode = sku = title = docTypeName = sellerOperName = rrDate = null;
            quantity = 0;
            retailAmount = forPay = deliveryService = paidStorage = paidAcceptance = penalty = deduction = null;
        }

        private void emit() {
            String key = String.valueOf(rrdId);
            boolean sale = "Продажа".equals(docTypeName);
            if (sale || "Возврат".equals(docTypeName)) {
                if (retailAmount == null || forPay == null) {
                    throw invalid("retailAmount and forPay");
                }
                BigDecimal amount = retailAmount.abs();
                BigDecimal transfer = forPay.abs();
                sink.line(new ReportLine(sale ? ReportLine.Kind.SALE : ReportLine.Kind.RETURN, product(),
                        title, BigDecimal.valueOf(Math.abs(quantity)), amount, amount.subtract(transfer), transfer,
                        key));
            }
            boolean fee = false;
            fee |= charge("Логистика", deliveryService, sale);
            fee |= charge("Хранение", paidStorage, sale);
            fee |= charge("Платная приемка", paidAcceptance, sale);
            fee |= charge("Штраф", penalty, sale);
            fee |= charge("Удержание", deduction, sale);
            if (!fee && !sale && !"Возврат".equals(docTypeName)) {
                sink.skipped(key, "sellerOperName '" + sellerOperName + "' is neither a sale, a return nor a fee");
            }
        }

        /** A fee of the row: named by sellerOperName, or by the field's usual name on a sale or return row. */
        private boolean charge(String usualName, BigDecimal amount, boolean goodsRow) {
            if (amount == null || amount.signum() == 0) {
                return false;
            }
            boolean goods = goodsRow || "Возврат".equals(docTypeName);
            String name = goods || sellerOperName == null || sellerOperName.isBlank() ? usualName : sellerOperName;
            LocalDate day = null;
            if (rrDate != null && rrDate.length() >= 10) {
                day = LocalDate.parse(rrDate.substring(0, 10));
            }
            sink.service(new ServiceCharge(name, name, amount, day, nmId));
            return true;
        }

        private String product() {
            String key = switch (productKey) {
                case "nmId" -> nmId;
                case "article" -> vendorCode;
                case "barcode" -> sku;
                default -> sku == null ? null : chrtIds.getOrDefault(sku, "sku " + sku);
            };
            if (key == null || key.isBlank()) {
                throw invalid(switch (productKey) {
                    case "nmId" -> "nmId";
                    case "article" -> "vendorCode";
                    default -> "sku";
                });
            }
            return key;
        }

        private BigDecimal decimal(JsonParser parser, String field) throws IOException {
            String text = parser.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw invalid(field + " '" + text + "'");
            }
        }

        private PermanentFailure invalid(String what) {
            return new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id() + ", Wildberries report "
                    + report.reportId() + ", row rrdId " + rrdId + ": " + what + " missing or not readable");
        }
    }

    private static BigDecimal money(JsonNode report, String field, String where) {
        JsonNode value = report.path(field);
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + ": " + field + " '" + value.asText()
                    + "' is not an amount");
        }
    }

    private static LocalDate date(JsonNode report, String field, String where) {
        String text = report.path(field).asText("");
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, where + ": " + field + " '" + text
                    + "' is not a date");
        }
    }
}
