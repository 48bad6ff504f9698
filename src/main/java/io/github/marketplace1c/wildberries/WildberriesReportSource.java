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

    /** The row fields a sales report needs; WB sends only these (a third of a full row's bytes). */
    public static final List<String> SALES_FIELDS = List.of("rrdId", "nmId", "vendorCode", "sku", "docTypeName",
            "quantity", "retailAmount", "forPay");
    /** The row fields the fees need. */
    public static final List<String> SERVICES_FIELDS = List.of("rrdId", "nmId", "docTypeName", "sellerOperName",
            "deliveryService", "paidStorage", "paidAcceptance", "penalty", "deduction", "rrDate");

    private final WildberriesFinanceClient client;
    /** A cabinet's barcode → chrtID (its card list), for accounts whose products are keyed by chrtId. */
    private final java.util.function.Function<Account, Map<String, String>> chrtIdsByBarcode;
    private final int pageSize;

    public WildberriesReportSource(WildberriesFinanceClient client,
                                   java.util.function.Function<Account, Map<String, String>> chrtIdsByBarcode,
                                   int pageSize) {
        this.client = client;
        this.chrtIdsByBarcode = chrtIdsByBarcode;
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
        Map<String, String> chrtIds = "chrtId".equals(productKey) ? chrtIdsByBarcode.apply(account) : Map.of();
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
            long last = client.detailedPage(account, reportId, rrdId, pageSize,
                    report.kind() == ReportKind.SALES ? SALES_FIELDS : SERVICES_FIELDS, row::readPage);
            if (last < 0 || last == rrdId) {
                return; // 204: every row is read (or an empty page, which WB does not send, ends it too)
            }
            rrdId = last;
        }
    }

    /**
     * Parses one page of rows from {@code parser} (positioned on the array's start) into the sink, as {@link #read}
     * does; returns the last rrdId. Public for the benchmark, which times this stage against a bare Jackson read.
     */
    public static long parsePage(JsonParser parser, Account account, ReportRef report, String productKey,
                                 Map<String, String> chrtIds, ReportSink sink) throws IOException {
        return new Row(account, report, productKey, chrtIds, sink).readPage(parser);
    }

    /** One row at a time, parsed field by field into reused fields, then handed to the sink. */
    private static final class Row {
        private final Account account;
        private final ReportRef report;
        private final String productKey;
        private final Map<String, String> chrtIds;
        private final ReportSink sink;
        /** A report names a few thousand products in a million rows: one String each, its hash computed once. */
        private final Keys keys = new Keys();
        long rrdId;
        long nmId;
        String vendorCode;
        String sku;
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
        int rrDate;

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
                        case "nmId" -> nmId = parser.getValueAsLong();
                        case "vendorCode" -> vendorCode = "article".equals(productKey) ? parser.getValueAsString() : null;
                        case "sku" -> sku = keys.get(parser);
                        case "docTypeName" -> docTypeName = known(parser);
                        case "sellerOperName" -> sellerOperName = known(parser);
                        case "quantity" -> quantity = parser.getValueAsLong();
                        case "retailAmount" -> retailAmount = decimal(parser, field);
                        case "forPay" -> forPay = decimal(parser, field);
                        case "deliveryService" -> deliveryService = decimal(parser, field);
                        case "paidStorage" -> paidStorage = decimal(parser, field);
                        case "paidAcceptance" -> paidAcceptance = decimal(parser, field);
                        case "penalty" -> penalty = decimal(parser, field);
                        case "deduction" -> deduction = decimal(parser, field);
                        case "rrDate" -> rrDate = day(parser);
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
            nmId = 0;
            vendorCode = sku = docTypeName = sellerOperName = null;
            rrDate = 0;
            quantity = 0;
            retailAmount = forPay = deliveryService = paidStorage = paidAcceptance = penalty = deduction = null;
        }

        private void emit() {
            boolean sale = "Продажа".equals(docTypeName);
            boolean goods = sale || "Возврат".equals(docTypeName);
            if (goods && report.kind() != ReportKind.SALES) {
                // the services read asks for the fee fields only: a sale without a fee is the other flow's row
                if (!hasFee()) {
                    sink.skipped(String.valueOf(rrdId), "a sale or return (the sales-report flow loads it)");
                    return;
                }
            } else if (goods) {
                if (retailAmount == null || forPay == null) {
                    throw invalid("retailAmount and forPay");
                }
                BigDecimal amount = retailAmount.abs();
                BigDecimal transfer = forPay.abs();
                sink.line(new ReportLine(sale ? ReportLine.Kind.SALE : ReportLine.Kind.RETURN, product(),
                        null, quantity(Math.abs(quantity)), amount, amount.subtract(transfer), transfer, null));
            }
            boolean fee = false;
            fee |= charge("Логистика", deliveryService, sale);
            fee |= charge("Хранение", paidStorage, sale);
            fee |= charge("Платная приемка", paidAcceptance, sale);
            fee |= charge("Штраф", penalty, sale);
            fee |= charge("Удержание", deduction, sale);
            if (!fee && !sale && !"Возврат".equals(docTypeName)) {
                sink.skipped(String.valueOf(rrdId), report.kind() == ReportKind.SALES ? "not a sale or return"
                        : "sellerOperName '" + sellerOperName + "' is neither a sale, a return nor a fee");
            }
        }

        private boolean hasFee() {
            return nonZero(deliveryService) || nonZero(paidStorage) || nonZero(paidAcceptance) || nonZero(penalty)
                    || nonZero(deduction);
        }

        private static boolean nonZero(BigDecimal value) {
            return value != null && value.signum() != 0;
        }

        /** A fee of the row: named by sellerOperName, or by the field's usual name on a sale or return row. */
        private boolean charge(String usualName, BigDecimal amount, boolean goodsRow) {
            if (amount == null || amount.signum() == 0) {
                return false;
            }
            boolean goods = goodsRow || "Возврат".equals(docTypeName);
            String name = goods || sellerOperName == null || sellerOperName.isBlank() ? usualName : sellerOperName;
            LocalDate day = rrDate == 0 ? null : LocalDate.of(rrDate / 10000, rrDate / 100 % 100, rrDate % 100);
            sink.service(new ServiceCharge(name, name, amount, day, nmId == 0 ? null : String.valueOf(nmId)));
            return true;
        }

        private String product() {
            String key = switch (productKey) {
                case "nmId" -> nmId == 0 ? null : String.valueOf(nmId);
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

        /**
         * WB's money strings ("376.99", "0", "-12.5") read straight from the parser's characters into kopecks: no
         * String and no BigDecimal parsing for the common case; anything else goes through BigDecimal.
         */
        private BigDecimal decimal(JsonParser parser, String field) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return parser.getDecimalValue();
            }
            if (token != JsonToken.VALUE_STRING) {
                return null;
            }
            char[] chars = parser.getTextCharacters();
            int at = parser.getTextOffset();
            int end = at + parser.getTextLength();
            if (at == end) {
                return null;
            }
            if (end - at == 1 && chars[at] == '0') {
                return BigDecimal.ZERO;
            }
            boolean negative = chars[at] == '-';
            long unscaled = 0;
            int scale = -1;
            for (int i = negative ? at + 1 : at; i < end; i++) {
                char c = chars[i];
                if (c >= '0' && c <= '9' && unscaled < 100_000_000_000_000L) {
                    unscaled = unscaled * 10 + (c - '0');
                    if (scale >= 0) {
                        scale++;
                    }
                } else if (c == '.' && scale < 0) {
                    scale = 0;
                } else {
                    return slowDecimal(new String(chars, at, end - at), field);
                }
            }
            if (scale > 2 || (negative && end - at == 1)) {
                return slowDecimal(new String(chars, at, end - at), field);
            }
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
        }

        /** The names WB repeats on every row, without a new String each time; others as read. */
        private static final String[] KNOWN = {"Продажа", "Возврат", "Логистика", "Хранение", "Платная приемка",
            "Штраф", "Удержание", ""};

        private static String known(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return parser.getValueAsString();
            }
            char[] chars = parser.getTextCharacters();
            int at = parser.getTextOffset();
            int length = parser.getTextLength();
            for (String name : KNOWN) {
                if (name.length() == length && same(name, chars, at)) {
                    return name;
                }
            }
            return new String(chars, at, length);
        }

        private static boolean same(String name, char[] chars, int at) {
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) != chars[at + i]) {
                    return false;
                }
            }
            return true;
        }

        /** "2026-10-14" (or a date-time) as 20261014 without a String; 0 when absent or not a date. */
        private static int day(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getTextLength() < 10) {
                return 0;
            }
            char[] c = parser.getTextCharacters();
            int a = parser.getTextOffset();
            int value = 0;
            for (int i = 0; i < 10; i++) {
                if (i == 4 || i == 7) {
                    if (c[a + i] != '-') {
                        return 0;
                    }
                    continue;
                }
                int digit = c[a + i] - '0';
                if (digit < 0 || digit > 9) {
                    return 0;
                }
                value = value * 10 + digit;
            }
            return value;
        }

        private BigDecimal slowDecimal(String text, String field) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(field + " '" + text + "'");
            }
        }

        private static final BigDecimal[] SMALL = {BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(2),
            BigDecimal.valueOf(3), BigDecimal.valueOf(4), BigDecimal.valueOf(5)};

        private static BigDecimal quantity(long value) {
            return value < SMALL.length ? SMALL[(int) value] : BigDecimal.valueOf(value);
        }

        private PermanentFailure invalid(String what) {
            return new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id() + ", Wildberries report "
                    + report.reportId() + ", row rrdId " + rrdId + ": " + what + " missing or not readable");
        }
    }

    /**
     * Strings read straight from the parser's characters and handed out again for the same characters: no new String
     * per row for a value that repeats (product keys), and a hash the aggregate's map does not compute again.
     */
    static final class Keys {
        private String[] table = new String[4096];
        private int size;

        String get(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return parser.getValueAsString();
            }
            char[] chars = parser.getTextCharacters();
            int at = parser.getTextOffset();
            int length = parser.getTextLength();
            if (length > 64) {
                return new String(chars, at, length);
            }
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + chars[at + i];
            }
            int mask = table.length - 1;
            for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
                String known = table[slot];
                if (known == null) {
                    String key = new String(chars, at, length);
                    if (size < table.length / 2) {
                        table[slot] = key;
                        size++;
                    } else if (table.length < 1 << 20) {
                        grow();
                        get(key);
                    }
                    return key;
                }
                if (known.length() == length && known.hashCode() == hash && same(known, chars, at)) {
                    return known;
                }
            }
        }

        private void get(String key) {
            int mask = table.length - 1;
            int slot = mix(key.hashCode()) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = key;
            size++;
        }

        private void grow() {
            String[] old = table;
            table = new String[old.length * 2];
            size = 0;
            for (String key : old) {
                if (key != null) {
                    get(key);
                }
            }
        }

        private static int mix(int hash) {
            return hash ^ (hash >>> 16);
        }

        private static boolean same(String name, char[] chars, int at) {
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) != chars[at + i]) {
                    return false;
                }
            }
            return true;
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
