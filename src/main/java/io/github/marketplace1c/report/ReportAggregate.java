package io.github.marketplace1c.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report added up while it streams: one entry per (product, sale or return) and one per service kind, so memory
 * grows with the distinct products and services, never with the rows. Also keeps the totals the reconciliation
 * compares with the marketplace's and the count of every row read.
 */
public class ReportAggregate implements ReportSink {

    /** Lines of one product and kind added up; the price is the sum over the quantity. */
    public static final class ProductLine {
        public final ReportLine.Kind kind;
        public final String productKey;
        public String name;
        public BigDecimal quantity = BigDecimal.ZERO;
        public BigDecimal saleSum = BigDecimal.ZERO;
        public BigDecimal reward = BigDecimal.ZERO;
        public BigDecimal transfer;
        public long rows;

        ProductLine(ReportLine.Kind kind, String productKey) {
            this.kind = kind;
            this.productKey = productKey;
        }
    }

    /** Charges of one service kind added up. */
    public static final class ServiceLine {
        public final String key;
        public final String code;
        public final String name;
        public BigDecimal amount = BigDecimal.ZERO;
        public long rows;

        ServiceLine(String key, String code, String name) {
            this.key = key;
            this.code = code;
            this.name = name;
        }
    }

    private final ReportKind kind;
    private final Map<String, ProductLine> saleLines = new LinkedHashMap<>();
    private final Map<String, ProductLine> returnLines = new LinkedHashMap<>();
    private final Map<String, ServiceLine> services = new LinkedHashMap<>();
    private long rowsRead;
    private long rowsSkipped;
    private long lineRows;
    private long serviceRows;
    private BigDecimal servicesTotal = BigDecimal.ZERO;
    private String firstSkipReason;

    /** @param kind what the report becomes: the other kind's rows are counted as skipped */
    public ReportAggregate(ReportKind kind) {
        this.kind = kind;
    }

    @Override
    public void line(ReportLine line) {
        rowsRead++;
        if (kind != ReportKind.SALES) {
            skip("a sale or return (the sales-report flow loads it)");
            return;
        }
        lineRows++;
        Map<String, ProductLine> lines = line.kind() == ReportLine.Kind.SALE ? saleLines : returnLines;
        ProductLine sum = lines.get(line.productKey());
        if (sum == null) {
            sum = new ProductLine(line.kind(), line.productKey());
            lines.put(line.productKey(), sum);
        }
        if (sum.name == null) {
            sum.name = line.name();
        }
        sum.rows++;
        sum.quantity = sum.quantity.add(line.quantity());
        sum.saleSum = sum.saleSum.add(line.saleSum());
        sum.reward = sum.reward.add(line.reward());
        if (line.transfer() != null) {
            sum.transfer = sum.transfer == null ? line.transfer() : sum.transfer.add(line.transfer());
        }
    }

    @Override
    public void service(ServiceCharge charge) {
        rowsRead++;
        if (kind != ReportKind.SERVICES) {
            skip("a service charge (the services flow loads it)");
            return;
        }
        serviceRows++;
        String key = serviceKey(charge);
        ServiceLine sum = services.computeIfAbsent(key, k -> new ServiceLine(k, charge.code(), charge.name()));
        sum.rows++;
        sum.amount = sum.amount.add(charge.amount());
        servicesTotal = servicesTotal.add(charge.amount());
    }

    @Override
    public void skipped(String rowKey, String reason) {
        rowsRead++;
        skip(reason);
    }

    private void skip(String reason) {
        rowsSkipped++;
        if (firstSkipReason == null) {
            firstSkipReason = reason;
        }
    }

    /** The service map's key of a charge: its code, or its name where the marketplace has no codes. */
    public static String serviceKey(ServiceCharge charge) {
        return charge.code() == null || charge.code().isBlank() ? charge.name() : charge.code();
    }

    public ReportKind kind() {
        return kind;
    }

    /** Sales first, then returns, each in the order first seen. */
    public Iterable<ProductLine> lines() {
        List<ProductLine> all = new ArrayList<>(saleLines.values());
        all.addAll(returnLines.values());
        return all;
    }

    public int lineCount() {
        return saleLines.size() + returnLines.size();
    }

    public Iterable<ServiceLine> services() {
        return services.values();
    }

    public int serviceCount() {
        return services.size();
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsSkipped() {
        return rowsSkipped;
    }

    /** Rows that became lines or charges of this report's kind. */
    public long rowsLoaded() {
        return kind == ReportKind.SALES ? lineRows : serviceRows;
    }

    // the totals are added up from the product lines (a few thousand), not row by row (a million)

    public BigDecimal sales() {
        return total(saleLines, l -> l.saleSum);
    }

    public BigDecimal returns() {
        return total(returnLines, l -> l.saleSum);
    }

    /** Reward on sales minus reward on returns. */
    public BigDecimal reward() {
        return rewardOnSales().subtract(rewardOnReturns());
    }

    public BigDecimal rewardOnSales() {
        return total(saleLines, l -> l.reward);
    }

    public BigDecimal rewardOnReturns() {
        return total(returnLines, l -> l.reward);
    }

    /** What the marketplace transfers for the goods: sales' transfer minus returns' (lines without one count 0). */
    public BigDecimal transfer() {
        return total(saleLines, l -> l.transfer).subtract(total(returnLines, l -> l.transfer));
    }

    private static BigDecimal total(Map<String, ProductLine> lines,
                                    java.util.function.Function<ProductLine, BigDecimal> field) {
        BigDecimal total = BigDecimal.ZERO;
        for (ProductLine line : lines.values()) {
            BigDecimal value = field.apply(line);
            if (value != null) {
                total = total.add(value);
            }
        }
        return total;
    }

    public BigDecimal servicesTotal() {
        return servicesTotal;
    }

    public String firstSkipReason() {
        return firstSkipReason;
    }
}
