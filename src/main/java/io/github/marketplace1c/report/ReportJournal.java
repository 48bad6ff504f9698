package io.github.marketplace1c.report;

import io.github.marketplace1c.db.Where;
import io.github.marketplace1c.journal.Journal;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciliation journal: per marketplace report, kind and account, what the last load read (rows, lines, sales,
 * returns, reward, transfer, services), the marketplace's own totals, the difference, and the 1C document. One row
 * per report, rewritten by every load, so it always shows the report's current state.
 */
public class ReportJournal {

    public static final String LOADED = "LOADED";
    public static final String SKIPPED = "SKIPPED";
    public static final String WAITING_FOR_MAPPING = "WAITING_FOR_MAPPING";
    public static final String MISMATCH = "RECONCILIATION_MISMATCH";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ReportJournal(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The fingerprint of the marketplace's totals with which the report was last loaded into 1C. */
    public Optional<String> loadedFingerprint(ReportRef report) {
        return jdbc.queryForList("SELECT totals_fingerprint FROM report_journal WHERE marketplace = ? AND account_id = ? "
                        + "AND kind = ? AND report_id = ? AND status = 'LOADED'", String.class, report.marketplace(),
                report.accountId(), report.kind().name(), report.reportId()).stream().findFirst();
    }

    /** Records the outcome of a load (aggregate and reconciliation may be null when the report was not read). */
    public synchronized void record(ReportRef report, String status, ReportAggregate read,
                                    Reconciliation.Result reconciliation, String onecRef, String onecNumber,
                                    String message) {
        ReportTotals mp = report.totals();
        boolean sales = report.kind() == ReportKind.SALES;
        Object[] values = {
            report.number(), date(report.date()), date(report.periodStart()), date(report.periodEnd()), status,
            read == null ? 0 : read.rowsRead(), read == null ? 0 : read.rowsSkipped(),
            read == null ? 0 : (sales ? read.lineCount() : read.serviceCount()),
            read == null || !sales ? null : read.sales(), read == null || !sales ? null : read.returns(),
            read == null || !sales ? null : read.reward(), read == null || !sales ? null : read.transfer(),
            read == null || sales ? null : read.servicesTotal(),
            mp.sales(), mp.returns(), mp.netSales(), mp.reward(), mp.transfer(), mp.services(),
            reconciliation == null ? null : reconciliation.difference(),
            reconciliation == null ? null : reconciliation.tolerance(),
            fingerprint(report), onecRef, onecNumber, cut(message), Timestamp.from(clock.instant()),
            report.marketplace(), report.accountId(), report.kind().name(), report.reportId()};
        int updated = jdbc.update("UPDATE report_journal SET report_number = ?, report_date = ?, period_start = ?, "
                + "period_end = ?, status = ?, rows_read = ?, rows_skipped = ?, lines = ?, sales = ?, sales_returns = ?, "
                + "reward = ?, transfer = ?, services = ?, mp_sales = ?, mp_returns = ?, mp_net_sales = ?, mp_reward = ?, "
                + "mp_transfer = ?, mp_services = ?, difference = ?, tolerance = ?, totals_fingerprint = ?, "
                + "onec_ref = COALESCE(?, onec_ref), onec_number = COALESCE(?, onec_number), message = ?, updated_at = ? "
                + "WHERE marketplace = ? AND account_id = ? AND kind = ? AND report_id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO report_journal (report_number, report_date, period_start, period_end, status, "
                    + "rows_read, rows_skipped, lines, sales, sales_returns, reward, transfer, services, mp_sales, "
                    + "mp_returns, mp_net_sales, mp_reward, mp_transfer, mp_services, difference, tolerance, "
                    + "totals_fingerprint, onec_ref, onec_number, message, updated_at, marketplace, account_id, kind, "
                    + "report_id) VALUES (" + "?, ".repeat(values.length - 1) + "?)", values);
        }
    }

    public List<Map<String, Object>> list(String marketplace, String accountId, String kind, String status, int limit) {
        Where where = new Where().and("marketplace = ?", marketplace).and("account_id = ?", accountId)
                .and("kind = ?", kind).and("status = ?", status);
        return Journal.camelCase(jdbc.queryForList("SELECT * FROM report_journal" + where.sql()
                + " ORDER BY period_start DESC NULLS LAST, marketplace, account_id, kind, report_id LIMIT ?", where.args(limit)));
    }

    /**
     * What the marketplace's totals of a report are, as one string: a report loaded before whose totals have changed
     * since (a correction) is loaded again.
     */
    public static String fingerprint(ReportRef report) {
        ReportTotals t = report.totals();
        StringBuilder text = new StringBuilder();
        for (BigDecimal value : new BigDecimal[] {t.sales(), t.returns(), t.netSales(), t.reward(), t.transfer(),
            t.services()}) {
            text.append(value == null ? "-" : value.stripTrailingZeros().toPlainString()).append('|');
        }
        return text.append(report.date()).toString();
    }

    private static Date date(java.time.LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
