package io.github.marketplace1c.report;

/**
 * Where a {@link ReportSource} puts what it reads, row by row, as it parses — a report of a million rows never lies in
 * memory. A source may give both lines and charges whatever the report's kind; the flow takes what the kind needs.
 */
public interface ReportSink {

    /** A sale or a return. */
    void line(ReportLine line);

    /** A fee. */
    void service(ServiceCharge charge);

    /**
     * A row that is neither (Wildberries compensations, corrections the profile does not load): counted in the journal
     * with the reason, so every row read is accounted for.
     */
    void skipped(String rowKey, String reason);
}
