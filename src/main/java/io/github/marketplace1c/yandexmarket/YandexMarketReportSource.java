package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import io.github.marketplace1c.report.ReportKind;
import io.github.marketplace1c.report.ReportLine;
import io.github.marketplace1c.report.ReportRef;
import io.github.marketplace1c.report.ReportSink;
import io.github.marketplace1c.report.ReportSource;
import io.github.marketplace1c.report.ReportTotals;
import io.github.marketplace1c.report.ServiceCharge;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Yandex Market's reports for the sales-report and services flows: asynchronous, so each is generated
 * ({@code POST v2/reports/goods-realization/generate} for the account's campaign and month,
 * {@code POST v2/reports/united-marketplace-services/generate} for its business, act month and campaign), polled
 * ({@code GET v2/reports/info/{reportId}}: PENDING, PROCESSING, then DONE with a file link valid an hour, a fresh
 * one on every call) and downloaded: with {@code format=JSON} a ZIP archive of one JSON file per sheet, read entry
 * by entry and row by row as it arrives ({@link YandexMarketReportParser}).
 * <ul>
 * <li>SALES: sheet {@code delivered} gives the sales, {@code returned} the returns; the sale sum of a line is the
 * units × (price with VAT − the seller's own promotion discount): the discounts Market funds itself (СберСпасибо,
 * Яндекс Плюс points) are paid to the seller by Market. Market's fees are not in this report, so the reward is 0:
 * they come as services. Market states no totals; its own figures to reconcile with are the sheets' sum columns
 * ({@code deliveredPriceSumWithVatAndDiscounts} plus the Market-funded discounts), the lines use the per-unit
 * columns. The documented sheets that are no sale (handed to delivery, not bought out, lost) are counted as
 * skipped. A sheet or a column this version does not know that carries money fails the report (INVALID_PAYLOAD
 * naming it): a month booked short is worse than a month booked late.</li>
 * <li>SERVICES: every row of every sheet is a charge named by {@code serviceName} (the service map's code), its
 * cost in the sheet's cost column ({@link YandexMarketReportColumns#costColumn}); a column this version does not
 * know that carries money becomes a charge of its own, coded {@code <sheet>.<column>}, which waits as
 * UNMAPPED_SERVICE until mapped. Market states no totals for it.</li>
 * </ul>
 * Generation is limited to one per report type per 2 minutes: {@code generations} paces it per account and type;
 * {@code list} generates, {@code read} asks {@code reports/info} again for a fresh link to the same job and
 * generates anew only when Market no longer knows it.
 */
public class YandexMarketReportSource implements ReportSource {

    static final String REALIZATION = "goods-realization";
    static final String SERVICES = "united-marketplace-services";
    static final String MONTH = "month";
    static final String JOB = "job";

    private final YandexMarketClient client;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final AccountThrottle generations;
    private final Duration pollInterval;
    private final int maxPolls;
    private final int monthsBack;

    /**
     * @param generations paces generation per account and report type (Market: 1 per 2 minutes)
     * @param monthsBack  how many months before the current one are generated on every run (each is a generation
     *                    under that limit); earlier months are past their corrections
     */
    public YandexMarketReportSource(YandexMarketClient client, ObjectMapper json, Clock clock, ZoneId zone,
                                    AccountThrottle generations, Duration pollInterval, int maxPolls, int monthsBack) {
        this.monthsBack = monthsBack;
        this.client = client;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.generations = generations;
        this.pollInterval = pollInterval;
        this.maxPolls = maxPolls;
    }

    @Override
    public String marketplace() {
        return "yandex-market";
    }

    @Override
    public List<ReportRef> list(Account account, ReportKind kind, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<ReportRef> refs = new ArrayList<>();
        YearMonth oldest = YearMonth.from(today).minusMonths(monthsBack);
        YearMonth first = YearMonth.from(from).isBefore(oldest) ? oldest : YearMonth.from(from);
        for (YearMonth m = first; !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            if (m.atEndOfMonth().isBefore(today)) {
                listed(account, kind, m).ifPresent(refs::add);
            }
        }
        return refs;
    }

    private Optional<ReportRef> listed(Account account, ReportKind kind, YearMonth month) {
        String job = generate(account, kind, month);
        Optional<String> file = waitForFile(account, job).orElseThrow(() -> new TransientFailure(
                ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id() + ": Yandex Market lost report " + job
                + " right after generating it", null, null));
        if (file.isEmpty()) {
            return Optional.empty(); // NO_DATA: nothing happened that month
        }
        Totals totals = new Totals();
        client.download(account, file.get(), in -> {
            YandexMarketReportParser.parse(in, json, (sheet, row) -> totals.add(kind, sheet, row));
            return null;
        });
        if (totals.rows == 0) {
            return Optional.empty();
        }
        String campaign = account.requiredSetting("campaignId");
        String reportId = kind == ReportKind.SALES ? month.toString() : "services-" + month;
        String number = "YM-" + campaign + "-" + month + (kind == ReportKind.SALES ? "" : "-services");
        ReportTotals stated = kind == ReportKind.SALES
                ? new ReportTotals(totals.sales, totals.returns, null, null, null, null) : ReportTotals.NONE;
        return Optional.of(new ReportRef(marketplace(), account.id(), kind, reportId, number, month.atEndOfMonth(),
                month.atDay(1), month.atEndOfMonth(), stated, Map.of(MONTH, month.toString(), JOB, job)));
    }

    @Override
    public void read(Account account, ReportRef report, ReportSink sink) {
        YearMonth month = YearMonth.parse(report.attributes().get(MONTH));
        String job = report.attributes().get(JOB);
        Optional<Optional<String>> file = job == null ? Optional.empty() : waitForFile(account, job);
        if (file.isEmpty()) {
            // Market no longer knows the job (a replay days later): generate the same report again
            file = waitForFile(account, generate(account, report.kind(), month));
        }
        String url = file.flatMap(f -> f).orElseThrow(() -> new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE,
                "Account " + account.id() + ": Yandex Market now says it has no data for " + report.recordKey()
                        + " (was listed)", null, null));
        client.download(account, url, in -> {
            YandexMarketReportParser.parse(in, json, (sheet, row) -> {
                if (report.kind() == ReportKind.SALES) {
                    saleRow(account, sheet, row, sink);
                } else {
                    charges(account, sheet, row).forEach(sink::service);
                }
            });
            return null;
        });
    }

    // ---- generate and wait ---------------------------------------------------------------------------------

    private String generate(Account account, ReportKind kind, YearMonth month) {
        ObjectNode body = json.createObjectNode();
        String type;
        if (kind == ReportKind.SALES) {
            type = REALIZATION;
            body.put("campaignId", Long.parseLong(account.requiredSetting("campaignId")));
            body.put("year", month.getYear());
            body.put("month", month.getMonthValue());
        } else {
            type = SERVICES;
            body.put("businessId", Long.parseLong(account.requiredSetting("businessId")));
            body.put("yearFrom", month.getYear());
            body.put("monthFrom", month.getMonthValue());
            body.put("yearTo", month.getYear());
            body.put("monthTo", month.getMonthValue());
            body.putArray("campaignIds").add(Long.parseLong(account.requiredSetting("campaignId")));
        }
        generations.acquire(account.id() + "/" + type);
        JsonNode answer = client.generateReport(account, type, body);
        String job = answer.path("result").path("reportId").asText("");
        if (job.isBlank()) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id() + ": Yandex Market "
                    + type + "/generate answered without result.reportId");
        }
        return job;
    }

    /**
     * Polls {@code reports/info} until the job is done: the file link, or empty for NO_DATA; the outer empty when
     * Market does not know the job. Still generating after {@code maxPolls} polls is transient (the next attempt
     * looks again).
     */
    private Optional<Optional<String>> waitForFile(Account account, String job) {
        for (int poll = 0; poll < maxPolls; poll++) {
            JsonNode info = client.reportInfo(account, job);
            if (info == null) {
                return Optional.empty();
            }
            JsonNode result = info.path("result");
            String status = result.path("status").asText("");
            String subStatus = result.path("subStatus").asText("");
            if ("DONE".equals(status) || "FAILED".equals(status)) {
                if ("NO_DATA".equals(subStatus)) {
                    return Optional.of(Optional.empty());
                }
                if ("DONE".equals(status) && !result.path("file").asText("").isBlank()) {
                    return Optional.of(Optional.of(result.path("file").asText()));
                }
                throw new PermanentFailure(ReasonCode.MARKETPLACE_REJECTED, "Account " + account.id()
                        + ": Yandex Market could not generate report " + job + ": " + status
                        + (subStatus.isBlank() ? "" : " " + subStatus));
            }
            sleep(pollInterval);
        }
        throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id()
                + ": Yandex Market report " + job + " still generating after " + maxPolls + " polls", null, null);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "interrupted while waiting for a report",
                    null, e);
        }
    }

    // ---- rows ----------------------------------------------------------------------------------------------

    void saleRow(Account account, String sheet, JsonNode row, ReportSink sink) {
        String rowKey = sheet + " order " + row.path("orderId").asText("?");
        if (!YandexMarketReportColumns.knownSalesSheet(sheet)) {
            List<YandexMarketReportColumns.UnknownMoney> money = YandexMarketReportColumns.money(row, Set.of());
            if (!money.isEmpty()) {
                // a sheet Market added that carries money: loading the rest would book the month short
                throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id()
                        + ": Yandex Market sales report has sheet " + sheet + ", unknown to this version, with money"
                        + " in it (" + rowKey + ": " + join(money) + "). Nothing was written to 1C: Market changed"
                        + " the report; a version that reads this sheet is needed (see docs/reports.md)");
            }
            sink.skipped(rowKey, "sheet " + sheet + " (unknown, carries no money)");
            return;
        }
        List<YandexMarketReportColumns.UnknownMoney> unknown = YandexMarketReportColumns.unknownMoney(true, row);
        if (!unknown.isEmpty()) {
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id()
                    + ": Yandex Market sales report, " + rowKey + ": column " + join(unknown) + " carries money and"
                    + " is unknown to this version. Nothing was written to 1C: Market changed the report; a version"
                    + " that reads this column is needed (see docs/reports.md)");
        }
        ReportLine.Kind kind = switch (sheet) {
            case YandexMarketReportColumns.DELIVERED -> ReportLine.Kind.SALE;
            case YandexMarketReportColumns.RETURNED -> ReportLine.Kind.RETURN;
            default -> null;
        };
        if (kind == null) {
            BigDecimal compensation = optional(row, "compensationAmount").subtract(optional(row, "decompensationAmount"));
            sink.skipped(rowKey, "sheet " + sheet + " holds no sale or return" + (compensation.signum() == 0 ? ""
                    : " (Market's compensation " + YandexMarketReportColumns.text(compensation) + " for goods lost in delivery is"
                    + " not part of the commission agent's report)"));
            return;
        }
        int count = row.path(kind == ReportLine.Kind.SALE ? "deliveredCount" : "returnedCount").asInt(0);
        String sku = row.path("shopSku").asText("");
        if (sku.isBlank()) {
            sku = row.path("yourSku").asText("");
        }
        if (sku.isBlank()) {
            throw invalid(account, rowKey, "shopSku", "is missing");
        }
        if (count <= 0) {
            sink.skipped(rowKey, "no units");
            return;
        }
        BigDecimal unit = number(account, rowKey, row, "priceWithVatAndNoDiscount")
                .subtract(optional(row, "shopMarketplaceDiscount"));
        sink.line(new ReportLine(kind, sku, row.path("offerName").asText(null), BigDecimal.valueOf(count),
                unit.multiply(BigDecimal.valueOf(count)), BigDecimal.ZERO, null, rowKey));
    }

    /**
     * A services row: the charge in the sheet's cost column, named by {@code serviceName}; and one more charge for
     * every column of it this version does not know that carries money, coded {@code <sheet>.<column>} — the
     * service map has no row for such a code, so the report waits as UNMAPPED_SERVICE until the integrator maps it.
     */
    List<ServiceCharge> charges(Account account, String sheet, JsonNode row) {
        String rowKey = sheet + " order " + row.path("orderId").asText("-");
        boolean known = YandexMarketReportColumns.knownServicesSheet(sheet);
        String costColumn = known ? YandexMarketReportColumns.costColumn(sheet) : "servicePrice";
        BigDecimal amount = YandexMarketReportColumns.numeric(row.get(costColumn));
        if (amount == null) {
            List<YandexMarketReportColumns.UnknownMoney> money = YandexMarketReportColumns.money(row, Set.of());
            throw invalid(account, rowKey, costColumn, "is missing: " + (known ? "Market changed the sheet"
                    : "sheet " + sheet + " is unknown to this version") + (money.isEmpty() ? ""
                    : "; its money columns: " + join(money)) + ". A fee must not vanish: a version that reads this"
                    + " sheet is needed");
        }
        String name = row.path("serviceName").asText("");
        if (name.isBlank()) {
            name = sheet;
        }
        String when = row.path("serviceDateTime").asText(row.path("serviceDate").asText(row.path("actDate").asText("")));
        LocalDate date = null;
        try {
            date = when.length() >= 10 ? LocalDate.parse(when.substring(0, 10)) : null;
        } catch (java.time.format.DateTimeParseException e) {
            // a date Market writes another way: the charge still counts, undated
        }
        String sku = row.path("shopSku").asText("");
        String product = sku.isBlank() ? null : sku;
        List<ServiceCharge> charges = new ArrayList<>();
        charges.add(new ServiceCharge(name, name, amount, date, product));
        for (YandexMarketReportColumns.UnknownMoney extra : YandexMarketReportColumns.unknownMoney(false, row)) {
            String code = sheet + "." + extra.column();
            charges.add(new ServiceCharge(code, name + ": " + extra.column() + " (a column Market added)",
                    extra.value(), date, product));
        }
        return charges;
    }

    private static String join(List<YandexMarketReportColumns.UnknownMoney> money) {
        return money.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    private static BigDecimal number(Account account, String rowKey, JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || !value.isNumber()) {
            throw invalid(account, rowKey, field, value == null ? "is missing" : "is not a number: " + value);
        }
        return value.decimalValue();
    }

    private static BigDecimal optional(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || !value.isNumber() ? BigDecimal.ZERO : value.decimalValue();
    }

    private static PermanentFailure invalid(Account account, String rowKey, String field, String problem) {
        return new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id()
                + ": Yandex Market report, " + rowKey + ": " + field + " " + problem);
    }

    /** Market's own figures, summed from the sheets' sum columns while {@code list} streams the file. */
    private static final class Totals {
        BigDecimal sales = BigDecimal.ZERO;
        BigDecimal returns = BigDecimal.ZERO;
        int rows;

        void add(ReportKind kind, String sheet, JsonNode row) {
            rows++;
            if (kind != ReportKind.SALES) {
                return;
            }
            if (YandexMarketReportColumns.DELIVERED.equals(sheet)) {
                sales = sales.add(stated(row, "delivered", row.path("deliveredCount").asInt(0)));
            } else if (YandexMarketReportColumns.RETURNED.equals(sheet)) {
                returns = returns.add(stated(row, "return", row.path("returnedCount").asInt(0)));
            }
        }

        /** What the buyer paid (Market's sum column) plus the discounts Market funds and pays the seller. */
        private static BigDecimal stated(JsonNode row, String prefix, int count) {
            BigDecimal marketFunded = optional(row, "spasiboDiscount").add(optional(row, "yandexPlusDiscount"))
                    .multiply(BigDecimal.valueOf(count));
            return optional(row, prefix + "PriceSumWithVatAndDiscounts").add(marketFunded);
        }
    }
}
