package io.github.marketplace1c.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * One marketplace report of an account, as its list names it: enough to read it, to number the 1C document, and to
 * reconcile what is read. The 1C document is keyed by (marketplace, account, kind, reportId): reading the same
 * report again updates that document.
 *
 * @param reportId    the marketplace's id of the report (Wildberries reportId, Ozon realization number, Yandex Market
 *                    period); stable across reads, unique per account and kind
 * @param number      the marketplace's document number, the incoming number in 1C (often equal to reportId)
 * @param date        the marketplace's document date, the incoming date in 1C
 * @param periodStart first day the report covers
 * @param periodEnd   last day the report covers (inclusive)
 * @param totals      the marketplace's own totals, {@link ReportTotals#NONE} when it states none
 * @param attributes  what the source needs to read the report again (e.g. a report type); strings only, since the
 *                    reference is kept as JSON in dead letters for a replay
 */
public record ReportRef(String marketplace, String accountId, ReportKind kind, String reportId, String number,
                        LocalDate date, LocalDate periodStart, LocalDate periodEnd, ReportTotals totals,
                        Map<String, String> attributes) {

    public ReportRef {
        totals = totals == null ? ReportTotals.NONE : totals;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The key of the report in the journal, claims and dead letters. */
    public String recordKey() {
        return kind.name().toLowerCase() + ":" + reportId;
    }
}
