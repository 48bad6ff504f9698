package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.report.ReportKind;
import io.github.marketplace1c.report.ReportLine;
import io.github.marketplace1c.report.ReportRef;
import io.github.marketplace1c.report.ReportSink;
import io.github.marketplace1c.report.ReportSource;
import io.github.marketplace1c.report.ReportTotals;
import io.github.marketplace1c.report.ServiceCharge;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Ozon's reports for the sales-report and services flows.
 * <ul>
 * <li>SALES: the monthly realization report, {@code POST /v2/finance/realization {month, year}}, for every month
 * that is over. Ozon publishes it around the 5th of the next month on a day nobody can predict; until then it
 * answers 404 ("not found") and the month is simply not listed: the run ends with nothing to load and the next
 * (daily) run asks again. Sales are {@code delivery_commission}, returns {@code return_commission} of the same
 * row. The reward of a line is Ozon's base reward ({@code standard_fee}) less the loyalty payouts Ozon adds
 * ({@code bonus}, {@code bank_coinvestment}, {@code stars}, {@code pick_up_point_coinvestment}); what Ozon
 * transfers is the sale sum less that reward. Ozon's own figure to reconcile with is each row's {@code total}
 * ("итого к начислению"): the 2026 spec's header states no money totals, so {@code list} sums the rows' totals
 * in a streaming pass and {@code read} streams the rows again.</li>
 * <li>SERVICES: the month's accruals from the accrual API (the 2026 replacement of the transaction list),
 * {@code POST /v1/finance/accrual/by-day} for each day with {@code last_id} paging, named through
 * {@code /v1/finance/accrual/types}: every money group of an accrual (per-posting services, item fees, seller-level
 * and container fees; money in a group or category we do not know is parked under a code of its own, see
 * {@link OzonAccruals}), one charge per accrued amount with the type id as the code. Ozon's sale commission is not
 * a service here: it is the realization report's reward. Ozon's own figure to reconcile with is each accrual's
 * {@code total_amount} less the posting's sale part.</li>
 * </ul>
 * Everything is read as it arrives; no report is held whole.
 */
public class OzonReportSource implements ReportSource {

    static final String REALIZATION = "/v2/finance/realization";
    static final String ACCRUAL_TYPES = "/v1/finance/accrual/types";
    static final String ACCRUALS_BY_DAY = "/v1/finance/accrual/by-day";
    static final String MONTH = "month";

    private final OzonSellerClient client;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final int monthsBack;

    /**
     * @param monthsBack how many months before the current one are looked at on every run (the accruals of a month
     *                   take a page or more per day to read); earlier months are past their corrections
     */
    public OzonReportSource(OzonSellerClient client, ObjectMapper json, Clock clock, ZoneId zone, int monthsBack) {
        this.client = client;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.monthsBack = monthsBack;
    }

    @Override
    public String marketplace() {
        return "ozon";
    }

    @Override
    public List<ReportRef> list(Account account, ReportKind kind, LocalDate from, LocalDate to) {
        List<ReportRef> refs = new ArrayList<>();
        for (YearMonth month : monthsOver(from, to)) {
            Optional<ReportRef> ref = kind == ReportKind.SALES ? realization(account, month) : accruals(account, month);
            ref.ifPresent(refs::add);
        }
        return refs;
    }

    /**
     * The months touching [from, to] that are over (a month's report cannot exist before it ends), at most
     * {@code monthsBack} before the current one.
     */
    List<YearMonth> monthsOver(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        YearMonth first = YearMonth.from(from);
        YearMonth oldest = YearMonth.from(today).minusMonths(monthsBack);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first.isBefore(oldest) ? oldest : first; !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            if (m.atEndOfMonth().isBefore(today)) {
                months.add(m);
            }
        }
        return months;
    }

    @Override
    public void read(Account account, ReportRef report, ReportSink sink) {
        YearMonth month = YearMonth.parse(report.attributes().get(MONTH));
        if (report.kind() == ReportKind.SALES) {
            boolean found = streamRealization(account, month, header -> { }, row -> lines(account, row, sink::line));
            if (!found) {
                throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id()
                        + ": Ozon no longer finds the realization report for " + month + " (was listed)", null, null);
            }
        } else {
            OzonAccruals accruals = new OzonAccruals(accrualTypeNames(account));
            forEachAccrual(account, month, accrual -> accruals.read(accrual, sink::service));
        }
    }

    // ---- the realization report ----------------------------------------------------------------------------

    private Optional<ReportRef> realization(Account account, YearMonth month) {
        JsonNode[] header = new JsonNode[1];
        BigDecimal[] transfer = {BigDecimal.ZERO};
        boolean found = streamRealization(account, month, h -> header[0] = h, row -> {
            transfer[0] = transfer[0].add(ozonTotal(account, row, "delivery_commission"))
                    .subtract(ozonTotal(account, row, "return_commission"));
        });
        if (!found) {
            return Optional.empty();
        }
        JsonNode h = header[0] == null ? json.createObjectNode() : header[0];
        String number = h.path("number").asText("");
        if (number.isBlank()) {
            number = account.credential("clientId") + "-" + month;
        }
        LocalDate start = date(h, "start_date", month.atDay(1));
        LocalDate stop = date(h, "stop_date", month.atEndOfMonth());
        return Optional.of(new ReportRef(marketplace(), account.id(), ReportKind.SALES, number, number,
                date(h, "doc_date", month.atEndOfMonth()), start, stop,
                new ReportTotals(null, null, null, null, transfer[0], null), Map.of(MONTH, month.toString())));
    }

    /** Streams one month's report; false when Ozon has not published it (404 "not found"). */
    private boolean streamRealization(Account account, YearMonth month, Consumer<JsonNode> header,
                                      Consumer<JsonNode> row) {
        ObjectNode body = json.createObjectNode();
        body.put("month", month.getMonthValue());
        body.put("year", month.getYear());
        return client.postStreamed(account, REALIZATION, body, in -> {
            OzonRealizationParser.parse(in, json, new OzonRealizationParser.Handler() {
                @Override
                public void header(JsonNode h) {
                    header.accept(h);
                }

                @Override
                public void row(JsonNode r) {
                    row.accept(r);
                }
            });
            return Boolean.TRUE;
        }, true).isPresent();
    }

    /** A row's sale part and return part (a row may carry either, or both with zeros in one). */
    void lines(Account account, JsonNode row, Consumer<ReportLine> out) {
        line(account, row, "delivery_commission", ReportLine.Kind.SALE, out);
        line(account, row, "return_commission", ReportLine.Kind.RETURN, out);
    }

    private void line(Account account, JsonNode row, String field, ReportLine.Kind kind, Consumer<ReportLine> out) {
        JsonNode part = row.get(field);
        if (part == null || part.isNull()) {
            return;
        }
        BigDecimal quantity = number(account, row, field, "quantity");
        BigDecimal amount = number(account, row, field, "amount");
        if (quantity.signum() == 0 && amount.signum() == 0) {
            return;
        }
        String offerId = row.path("item").path("offer_id").asText("");
        if (offerId.isBlank()) {
            throw invalid(account, row, "item.offer_id", "is missing");
        }
        BigDecimal payouts = optional(part, "bonus").add(optional(part, "bank_coinvestment"))
                .add(optional(part, "stars")).add(optional(part, "pick_up_point_coinvestment"));
        BigDecimal reward = number(account, row, field, "standard_fee").subtract(payouts);
        out.accept(new ReportLine(kind, offerId, row.path("item").path("name").asText(null), quantity.abs(),
                amount.abs(), reward, amount.abs().subtract(reward), "row " + row.path("rowNumber").asText()));
    }

    /** Ozon's own "итого к начислению" of a part of a row, 0 when the part is absent. */
    private BigDecimal ozonTotal(Account account, JsonNode row, String field) {
        JsonNode part = row.get(field);
        return part == null || part.isNull() ? BigDecimal.ZERO : number(account, row, field, "total");
    }

    private BigDecimal number(Account account, JsonNode row, String field, String name) {
        JsonNode value = row.path(field).get(name);
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (!value.isNumber()) {
            throw invalid(account, row, field + "." + name, "is not a number: " + value);
        }
        return value.decimalValue();
    }

    private static BigDecimal optional(JsonNode part, String name) {
        JsonNode value = part.get(name);
        return value == null || !value.isNumber() ? BigDecimal.ZERO : value.decimalValue();
    }

    private static PermanentFailure invalid(Account account, JsonNode row, String field, String problem) {
        return new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id()
                + ": Ozon realization report row " + row.path("rowNumber").asText("?") + ": " + field + " " + problem);
    }

    private static LocalDate date(JsonNode header, String field, LocalDate fallback) {
        String text = header.path(field).asText("");
        if (text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    // ---- the accruals --------------------------------------------------------------------------------------

    private Optional<ReportRef> accruals(Account account, YearMonth month) {
        BigDecimal[] stated = {BigDecimal.ZERO};
        int[] charges = {0};
        OzonAccruals accruals = new OzonAccruals(Map.of());
        forEachAccrual(account, month, accrual -> stated[0] = stated[0].add(accruals.read(accrual, c -> charges[0]++)));
        if (charges[0] == 0) {
            return Optional.empty();
        }
        String id = "accruals-" + month;
        return Optional.of(new ReportRef(marketplace(), account.id(), ReportKind.SERVICES, id,
                "Ozon " + account.credential("clientId") + " " + month, month.atEndOfMonth(), month.atDay(1),
                month.atEndOfMonth(), new ReportTotals(null, null, null, null, null, stated[0]),
                Map.of(MONTH, month.toString())));
    }

    /** Every accrual of every day of the month, page by page ({@code last_id}); a page at a time in memory. */
    void forEachAccrual(Account account, YearMonth month, Consumer<JsonNode> accrual) {
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            String lastId = "";
            while (true) {
                ObjectNode body = json.createObjectNode();
                body.put("date", day.toString());
                body.put("last_id", lastId);
                JsonNode page = client.post(account, ACCRUALS_BY_DAY, body);
                JsonNode list = page.path("accruals");
                if (!list.isArray()) {
                    throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id() + ": Ozon "
                            + ACCRUALS_BY_DAY + " for " + day + " answered without an 'accruals' list");
                }
                list.forEach(accrual);
                String next = page.path("last_id").asText("");
                if (list.isEmpty() || next.isBlank() || next.equals(lastId)) {
                    break;
                }
                lastId = next;
            }
        }
    }

    /** The charges of one accrual (every money group, see {@link OzonAccruals}); positive = a charge. */
    void charges(JsonNode accrual, Map<Integer, String> names, Consumer<ServiceCharge> out) {
        new OzonAccruals(names).read(accrual, out);
    }

    private Map<Integer, String> accrualTypeNames(Account account) {
        JsonNode answer = client.post(account, ACCRUAL_TYPES, null);
        Map<Integer, String> names = new HashMap<>();
        answer.path("accrual_types").forEach(t -> names.put(t.path("id").asInt(), t.path("name").asText()));
        return names;
    }
}
