package io.github.marketplace1c.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a report's own sums with the marketplace's totals. Every total the marketplace states is checked; the
 * tolerance is per row (each row's amount may have been rounded to the kopeck on its own), so a report of n rows
 * may differ by n x tolerance at most.
 */
public final class Reconciliation {

    /** One compared figure. */
    public record Check(String figure, BigDecimal ours, BigDecimal marketplace) {
        public BigDecimal difference() {
            return ours.subtract(marketplace);
        }
    }

    /** The checks, the largest difference, the tolerance applied, and whether it holds. */
    public record Result(List<Check> checks, BigDecimal difference, BigDecimal tolerance, boolean matches) {

        public String describe() {
            StringBuilder text = new StringBuilder();
            for (Check check : checks) {
                if (!text.isEmpty()) {
                    text.append("; ");
                }
                text.append(check.figure()).append(": report lines ").append(money(check.ours()))
                        .append(", marketplace ").append(money(check.marketplace())).append(", difference ")
                        .append(money(check.difference()));
            }
            return text + (checks.isEmpty() ? "the marketplace states no totals" : "")
                    + " (tolerance " + money(tolerance) + ")";
        }

        private static String money(BigDecimal value) {
            return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
    }

    private Reconciliation() {
    }

    /** @param perRow the tolerance per row read (default one kopeck) */
    public static Result check(ReportAggregate report, ReportTotals totals, BigDecimal perRow) {
        List<Check> checks = new ArrayList<>();
        if (report.kind() == ReportKind.SALES) {
            add(checks, "sales", report.sales(), totals.sales());
            add(checks, "returns", report.returns(), totals.returns());
            add(checks, "sales less returns", report.sales().subtract(report.returns()), totals.netSales());
            add(checks, "reward", report.reward(), totals.reward());
            add(checks, "transfer to the seller", report.transfer(), totals.transfer());
        } else {
            add(checks, "services", report.servicesTotal(), totals.services());
        }
        BigDecimal tolerance = perRow.multiply(BigDecimal.valueOf(Math.max(1, report.rowsLoaded())));
        BigDecimal largest = BigDecimal.ZERO;
        for (Check check : checks) {
            if (check.difference().abs().compareTo(largest.abs()) > 0) {
                largest = check.difference();
            }
        }
        return new Result(List.copyOf(checks), largest, tolerance, largest.abs().compareTo(tolerance) <= 0);
    }

    private static void add(List<Check> checks, String figure, BigDecimal ours, BigDecimal marketplace) {
        if (marketplace != null) {
            checks.add(new Check(figure, ours, marketplace));
        }
    }
}
