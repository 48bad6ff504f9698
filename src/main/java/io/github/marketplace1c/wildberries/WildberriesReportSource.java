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
 * totals; a sum an entry lacks is simply not compared); a report's rows from
 * {@code sales-reports/detailed/{reportId}}, {@code rrdId} paging until 204, up to {@code pageSize} rows a page,
 * asking only for the fields read. Rows are parsed one by one from the stream:
 * <ul>
 * <li>{@code docTypeName} Продажа / Возврат: a sale or return of the product (quantity, {@code retailAmount} the sale
 * sum, {@code forPay} what WB transfers, the reward is the difference; WB sends forPay negative on returns);</li>
 * <li>every non-zero fee field of any row is a charge of its own ({@link Fee}): the field decides the kind, not the
 * row's {@code sellerOperName} (a «Штраф» row may carry paid acceptance or storage); the service map's key is
 * {@code <kind>: <bonusTypeName>}, falling back to the bare kind (see {@link #serviceKey});</li>
 * <li>anything else without money: skipped with its sellerOperName.</li>
 * </ul>
 * A report or a row in a currency other than roubles is refused whole ({@code UNSUPPORTED_CURRENCY}): WB documents no
 * conversion of report amounts. A field outside the spec's list whose value is a non-zero amount becomes a charge keyed
 * {@code Поле <name>}, parked until mapped, never dropped.
 * The product key is the account's {@code settings.productKey}: {@code nmId}, {@code article} (vendorCode) and
 * {@code barcode} (sku) are in the rows; for {@code chrtId} (the default, what stock needs) the rows' barcodes are
 * looked up in the account's cards (content-api), since the report does not name sizes by chrtId.
 */
public class WildberriesReportSource implements ReportSource {

    /** The row fields a sales report needs; WB sends only these (a third of a full row's bytes). */
    public static final List<String> SALES_FIELDS = List.of("rrdId", "nmId", "vendorCode", "sku", "docTypeName",
            "quantity", "retailAmount", "forPay", "currency");

    /**
     * The fee fields of a row, each its own service kind. {@code sign} -1: WB pays it to the seller (a refund of a
     * charge). {@code listSum}: the list endpoint's sum that covers it (rebillLogisticCost has none of its own: WB's
     * cabinet counts it in the logistics cost, deliveryServiceSum).
     */
    public enum Fee {
        LOGISTICS("deliveryService", "Логистика", 1, "deliveryServiceSum"),
        REBILL_LOGISTICS("rebillLogisticCost", "Возмещение издержек по перевозке", 1, "deliveryServiceSum"),
        STORAGE("paidStorage", "Хранение", 1, "paidStorageSum"),
        ACCEPTANCE("paidAcceptance", "Платная приемка", 1, "paidAcceptanceSum"),
        PENALTY("penalty", "Штраф", 1, "penaltySum"),
        DEDUCTION("deduction", "Удержание", 1, "deductionSum"),
        REWARD_CORRECTION("additionalPayment", "Корректировка вознаграждения", -1, "additionalPaymentSum"),
        LOYALTY_POINTS("cashbackAmount", "Баллы программы лояльности", 1, "cashbackAmountSum"),
        LOYALTY_COMPENSATION("cashbackDiscount", "Компенсация скидки по программе лояльности", -1,
                "cashbackDiscountSum"),
        LOYALTY_PARTICIPATION("cashbackCommissionChange", "Участие в программе лояльности", 1,
                "cashbackCommissionChangeSum");

        public final String field;
        public final String kind;
        public final int sign;
        public final String listSum;

        Fee(String field, String kind, int sign, String listSum) {
            this.field = field;
            this.kind = kind;
            this.sign = sign;
            this.listSum = listSum;
        }
    }

    /** The row fields the fees need. */
    public static final List<String> SERVICES_FIELDS;

    static {
        List<String> fields = new ArrayList<>(List.of("rrdId", "nmId", "docTypeName", "sellerOperName",
                "bonusTypeName", "currency", "rrDate"));
        for (Fee fee : Fee.values()) {
            fields.add(fee.field);
        }
        SERVICES_FIELDS = List.copyOf(fields);
    }

    /**
     * The sellerOperName values whose fee fields are booked by the field alone. A row with another one (WB adds them:
     * «Коррекция логистики», «Компенсация ущерба», ...) is keyed {@code <kind> (<sellerOperName>)} with no fallback,
     * so it waits for its own mapping instead of landing in a service nobody chose for it.
     */
    public static final java.util.Set<String> KNOWN_OPERATIONS = java.util.Set.of("Продажа", "Возврат", "Логистика",
            "Возмещение издержек по перевозке/по складским операциям с товаром", "Хранение", "Платная приемка",
            "Платная приёмка", "Штраф", "Штрафы", "Удержание", "Удержания", "Доплаты",
            "Корректировка вознаграждения", "Программа лояльности");

    /**
     * The spec's row fields (13-finances.yaml, SalesReportsDetailedRes) that are not fees: identifiers, texts,
     * percents, and the sale's own amounts (retailPrice…, the reward's parts ppvzSalesCommission, ppvzReward,
     * acquiringFee, vw, vwNds, which are inside retailAmount − forPay; installmentCofinancingAmount and
     * paymentSchedule, see docs/reports.md). Any other field carrying a non-zero amount is a money field we do not
     * know: it becomes a charge keyed {@code Поле <name>} (parked until mapped).
     */
    static final java.util.Set<String> OTHER_SPEC_FIELDS = java.util.Set.of("reportId", "dateFrom", "dateTo",
            "createDate", "reportType", "giId", "dlvPrc", "fixTariffDateFrom", "fixTariffDateTo", "subjectName",
            "brandName", "title", "techSize", "salePercent", "commissionPercent", "officeName", "orderDt", "saleDt",
            "shkId", "retailPrice", "retailPriceWithDisc", "deliveryAmount", "returnAmount", "giBoxTypeName",
            "productDiscountForReport", "sellerPromo", "spp", "kvwBase", "kvw", "supRatingUp", "isKgvpV2",
            "ppvzSalesCommission", "ppvzReward", "acquiringFee", "acquiringPercent", "paymentProcessing",
            "acquiringBank", "vw", "vwNds", "ppvzOfficeName", "ppvzOfficeId", "ppvzSupplierName", "ppvzSupplierInn",
            "declarationNumber", "stickerId", "country", "srvDbs", "rebillLogisticOrg", "orderId", "kiz", "isB2b",
            "trbxId", "installmentCofinancingAmount", "wibesDiscountPercent", "paymentSchedule", "deliveryMethod",
            "sellerPromoId", "sellerPromoDiscount", "loyaltyId", "loyaltyDiscount", "uuidPromocode",
            "salePricePromocodeDiscountPrc", "articleSubstitution", "salePriceAffiliatedDiscountPrc", "agencyVat",
            "salePriceWholesaleDiscountPrc", "b2bCustomerTin", "orderUid", "srid", "paidWithSocialCertificate",
            "warehouseLogisticsCoeff", "buyerTaxRegistrationReasonCode", "utdUcdNumber", "utdUcdDate");

    /** How a report or row names roubles: finance-api writes RUB; the old statistics report wrote руб. */
    static boolean roubles(String currency) {
        if (currency == null || currency.isBlank()) {
            return true; // not stated: the account's contract currency, roubles
        }
        String c = currency.trim();
        return c.equalsIgnoreCase("RUB") || c.equalsIgnoreCase("RUR") || c.equals("643") || c.equalsIgnoreCase("руб")
                || c.equalsIgnoreCase("руб.");
    }

    /**
     * The service map's key of a fee: {@code <kind>} — plus {@code (<sellerOperName>)} when the row's operation is not
     * one of {@link #KNOWN_OPERATIONS} — plus {@code : <bonusTypeName>} when WB names one (a trailing document number,
     * «…, документ № 123», is cut off so the key does not change every week). The flow looks the key up first, then
     * the fallback: the same without the bonus type (so a bare «Логистика» row catches every logistics type; leave
     * «Удержание» without a bare row and every new kind of deduction waits for its own mapping).
     *
     * @return {key, fallback}
     */
    public static String[] serviceKey(Fee fee, String sellerOperName, String bonusTypeName) {
        String base = sellerOperName == null || sellerOperName.isBlank() || KNOWN_OPERATIONS.contains(sellerOperName)
                ? fee.kind : fee.kind + " (" + sellerOperName.trim() + ")";
        String bonus = bonusType(bonusTypeName);
        return new String[] {bonus.isEmpty() ? base : base + ": " + bonus, base};
    }

    private static final java.util.regex.Pattern DOCUMENT_NUMBER = java.util.regex.Pattern.compile(
            "(,?\\s*документ\\s*№\\s*\\S+|\\s+№?\\s*\\d+)\\s*$");

    static String bonusType(String bonusTypeName) {
        if (bonusTypeName == null) {
            return "";
        }
        String text = bonusTypeName.trim();
        String cut = DOCUMENT_NUMBER.matcher(text).replaceFirst("").trim();
        return cut.isEmpty() ? text : cut;
    }

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
                    : new ReportTotals(null, null, null, null, null, servicesTotal(report, where));
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            attributes.put("reportType", report.path("reportType").asText("1"));
            attributes.put("currency", report.path("currency").asText(""));
            refs.add(new ReportRef(marketplace(), account.id(), kind, id, id, date(report, "createDate", where),
                    date(report, "dateFrom", where), date(report, "dateTo", where), totals, Map.copyOf(attributes)));
        }
        return refs;
    }

    /**
     * WB's figure for all the fees read: each fee field's list sum with its sign (rebillLogisticCost is inside
     * deliveryServiceSum). Null — not compared — when the entry lacks one of the sums: a list entry without one sum
     * must not hide the report, and a partial figure would report a mismatch that is not there.
     */
    private static BigDecimal servicesTotal(JsonNode report, String where) {
        BigDecimal total = BigDecimal.ZERO;
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (Fee fee : Fee.values()) {
            if (!counted.add(fee.listSum)) {
                continue;
            }
            BigDecimal sum = money(report, fee.listSum, where);
            if (sum == null) {
                return null;
            }
            total = total.add(fee.sign < 0 ? sum.negate() : sum);
        }
        return total;
    }

    @Override
    public void read(Account account, ReportRef report, ReportSink sink) {
        String currency = report.attributes() == null ? null : report.attributes().get("currency");
        if (!roubles(currency)) {
            throw new PermanentFailure(ReasonCode.UNSUPPORTED_CURRENCY, "Account " + account.id()
                    + ", Wildberries report " + report.reportId() + " is in " + currency + ", not roubles: Wildberries "
                    + "documents no conversion of report amounts, so nothing was written to 1C. Load it into a "
                    + "contract in " + currency + " by hand, then discard this dead letter with a note.");
        }
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

    private static final Fee[] FEES = Fee.values();
    private static final Map<String, Fee> FEE_BY_FIELD;

    static {
        Map<String, Fee> byField = new java.util.HashMap<>();
        for (Fee fee : FEES) {
            byField.put(fee.field, fee);
        }
        FEE_BY_FIELD = Map.copyOf(byField);
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
        String bonusTypeName;
        String currency;
        long quantity;
        BigDecimal retailAmount;
        BigDecimal forPay;
        /** By {@link Fee#ordinal()}. */
        final BigDecimal[] fees = new BigDecimal[FEES.length];
        /** Fields outside the spec's list that carried an amount: name, amount, ... */
        final List<Object> unknown = new ArrayList<>();
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
                        case "bonusTypeName" -> bonusTypeName = known(parser);
                        case "currency" -> currency = known(parser);
                        case "rrDate" -> rrDate = day(parser);
                        default -> {
                            Fee fee = FEE_BY_FIELD.get(field);
                            if (fee != null) {
                                fees[fee.ordinal()] = decimal(parser, field);
                            } else if (value.isStructStart()) {
                                parser.skipChildren();
                            } else if (!OTHER_SPEC_FIELDS.contains(field)) {
                                BigDecimal amount = amountOrNull(parser);
                                if (amount != null && amount.signum() != 0) {
                                    unknown.add(field);
                                    unknown.add(amount);
                                }
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
            vendorCode = sku = docTypeName = sellerOperName = bonusTypeName = currency = null;
            rrDate = 0;
            quantity = 0;
            retailAmount = forPay = null;
            java.util.Arrays.fill(fees, null);
            unknown.clear();
        }

        private void emit() {
            if (!roubles(currency)) {
                throw new PermanentFailure(ReasonCode.UNSUPPORTED_CURRENCY, "Account " + account.id()
                        + ", Wildberries report " + report.reportId() + ", row rrdId " + rrdId + " is in " + currency
                        + ", not roubles: Wildberries documents no conversion of report amounts, so nothing of the "
                        + "report was written to 1C");
            }
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
            for (Fee kind : FEES) {
                fee |= charge(kind, fees[kind.ordinal()]);
            }
            for (int i = 0; i < unknown.size(); i += 2) {
                // a money field the spec did not have when this was written: its own service kind, never dropped
                String key = "Поле " + unknown.get(i);
                sink.service(new ServiceCharge(key, key, (BigDecimal) unknown.get(i + 1), day(),
                        nmId == 0 ? null : String.valueOf(nmId)));
                fee = true;
            }
            if (!fee && !goods) {
                sink.skipped(String.valueOf(rrdId), report.kind() == ReportKind.SALES ? "not a sale or return"
                        : "sellerOperName '" + sellerOperName + "' carries no amount of a fee");
            }
        }

        private boolean hasFee() {
            for (BigDecimal value : fees) {
                if (nonZero(value)) {
                    return true;
                }
            }
            return !unknown.isEmpty();
        }

        private static boolean nonZero(BigDecimal value) {
            return value != null && value.signum() != 0;
        }

        /** A fee of the row, keyed by its field's kind and the row's bonus type (see {@link #serviceKey}). */
        private boolean charge(Fee fee, BigDecimal amount) {
            if (amount == null || amount.signum() == 0) {
                return false;
            }
            String[] key = serviceKey(fee, goodsRow() ? null : sellerOperName, bonusTypeName);
            sink.service(new ServiceCharge(key[0], key[1], fee.sign < 0 ? amount.negate() : amount, day(),
                    nmId == 0 ? null : String.valueOf(nmId)));
            return true;
        }

        private boolean goodsRow() {
            return "Продажа".equals(docTypeName) || "Возврат".equals(docTypeName);
        }

        private LocalDate day() {
            return rrDate == 0 ? null : LocalDate.of(rrDate / 10000, rrDate / 100 % 100, rrDate % 100);
        }

        /** A value that reads as an amount ("12.50", 3, -1.5); null for texts, booleans and empty strings. */
        private static BigDecimal amountOrNull(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return parser.getDecimalValue();
            }
            if (token != JsonToken.VALUE_STRING) {
                return null;
            }
            String text = parser.getText().trim();
            if (text.isEmpty() || !text.matches("-?\\d+(\\.\\d+)?")) {
                return null;
            }
            return new BigDecimal(text);
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
            "Штраф", "Удержание", "RUB", "К клиенту при продаже", "От клиента при возврате", ""};

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

    /** A sum of a list entry; null when the entry lacks it (the figure is then not compared). */
    private static BigDecimal money(JsonNode report, String field, String where) {
        JsonNode value = report.path(field);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText().trim());
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
