package io.github.marketplace1c.report;

import java.math.BigDecimal;

/**
 * The marketplace's own totals of a report, as it states them (its list or header), for reconciliation: the sums of
 * the lines read must match them within the tolerance. Every figure is optional — null when this marketplace does
 * not state it — and the reconciliation checks the ones given. All are positive amounts in roubles.
 *
 * @param sales    sum of sale lines ({@link ReportLine#saleSum()})
 * @param returns  sum of return lines ({@link ReportLine#saleSum()})
 * @param netSales sales minus returns, for a marketplace that states only the net (Wildberries retailAmountSum)
 * @param reward   the marketplace's reward: sale lines' reward minus return lines' reward
 * @param transfer what the marketplace transfers to the seller for the goods: sale lines' transfer minus return
 *                 lines' transfer (Wildberries forPaySum)
 * @param services sum of the service charges ({@link ServiceCharge#amount()})
 */
public record ReportTotals(BigDecimal sales, BigDecimal returns, BigDecimal netSales, BigDecimal reward,
                           BigDecimal transfer, BigDecimal services) {

    public static final ReportTotals NONE = new ReportTotals(null, null, null, null, null, null);
}
