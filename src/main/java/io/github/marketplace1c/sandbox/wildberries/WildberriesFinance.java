package io.github.marketplace1c.sandbox.wildberries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The realization reports of each seller account (finance-api): a report's header as the list endpoint shows it and
 * its detail rows. Rows are given by index (a list, or a generator for a million-row benchmark report) and are never
 * all held at once for a generated report. The list's sums are computed from the rows, as WB computes them, unless
 * a test overrides one to provoke a reconciliation mismatch.
 */
public final class WildberriesFinance {

    /**
     * One detail row. Money in roubles with kopecks (WB sends strings). Sale and return rows carry
     * {@code docTypeName} Продажа/Возврат; fee rows have an empty {@code docTypeName} and one of the fee fields.
     * As at WB, {@code forPay} is negative on return rows while {@code retailAmount} stays positive. Logistics rows
     * may carry {@code rebillLogisticCost} (WB's rebilled transport costs) besides {@code deliveryService}; any row
     * may carry amounts of several fee fields whatever its {@code sellerOperName} (a «Штраф» row with paid acceptance).
     * {@code currency} is the row's (the spec's {@code currency}, "RUB").
     */
    public record Row(long rrdId, String docTypeName, String sellerOperName, long nmId, String vendorCode,
                      String barcode, String techSize, String title, String subjectName, int quantity,
                      BigDecimal retailPrice, BigDecimal retailPriceWithDisc, BigDecimal retailAmount,
                      BigDecimal ppvzSalesCommission, BigDecimal acquiringFee, BigDecimal forPay,
                      BigDecimal deliveryService, BigDecimal paidStorage, BigDecimal paidAcceptance,
                      BigDecimal penalty, BigDecimal deduction, BigDecimal additionalPayment, LocalDate day,
                      String bonusTypeName, BigDecimal rebillLogisticCost, String currency) {

        /** A row in roubles without rebilled logistics. */
        public Row(long rrdId, String docTypeName, String sellerOperName, long nmId, String vendorCode,
                   String barcode, String techSize, String title, String subjectName, int quantity,
                   BigDecimal retailPrice, BigDecimal retailPriceWithDisc, BigDecimal retailAmount,
                   BigDecimal ppvzSalesCommission, BigDecimal acquiringFee, BigDecimal forPay,
                   BigDecimal deliveryService, BigDecimal paidStorage, BigDecimal paidAcceptance,
                   BigDecimal penalty, BigDecimal deduction, BigDecimal additionalPayment, LocalDate day,
                   String bonusTypeName) {
            this(rrdId, docTypeName, sellerOperName, nmId, vendorCode, barcode, techSize, title, subjectName, quantity,
                    retailPrice, retailPriceWithDisc, retailAmount, ppvzSalesCommission, acquiringFee, forPay,
                    deliveryService, paidStorage, paidAcceptance, penalty, deduction, additionalPayment, day,
                    bonusTypeName, BigDecimal.ZERO, "RUB");
        }

        /** The same row with {@code field} (a fee field's spec name) set to {@code amount}. */
        public Row with(String field, BigDecimal amount) {
            return new Row(rrdId, docTypeName, sellerOperName, nmId, vendorCode, barcode, techSize, title,
                    subjectName, quantity, retailPrice, retailPriceWithDisc, retailAmount, ppvzSalesCommission,
                    acquiringFee, forPay, pick("deliveryService", field, deliveryService, amount),
                    pick("paidStorage", field, paidStorage, amount), pick("paidAcceptance", field, paidAcceptance,
                    amount), pick("penalty", field, penalty, amount), pick("deduction", field, deduction, amount),
                    pick("additionalPayment", field, additionalPayment, amount), day, bonusTypeName,
                    pick("rebillLogisticCost", field, rebillLogisticCost, amount), currency);
        }

        /** The same row with another {@code bonusTypeName}. */
        public Row withBonusType(String bonusType) {
            return new Row(rrdId, docTypeName, sellerOperName, nmId, vendorCode, barcode, techSize, title,
                    subjectName, quantity, retailPrice, retailPriceWithDisc, retailAmount, ppvzSalesCommission,
                    acquiringFee, forPay, deliveryService, paidStorage, paidAcceptance, penalty, deduction,
                    additionalPayment, day, bonusType, rebillLogisticCost, currency);
        }

        /** The same row in another currency (RUB, KZT, ...). */
        public Row withCurrency(String code) {
            return new Row(rrdId, docTypeName, sellerOperName, nmId, vendorCode, barcode, techSize, title,
                    subjectName, quantity, retailPrice, retailPriceWithDisc, retailAmount, ppvzSalesCommission,
                    acquiringFee, forPay, deliveryService, paidStorage, paidAcceptance, penalty, deduction,
                    additionalPayment, day, bonusTypeName, rebillLogisticCost, code);
        }

        private static BigDecimal pick(String name, String field, BigDecimal old, BigDecimal amount) {
            return name.equals(field) ? amount : old;
        }

        /** A sale or a return of one product. */
        public static Row goods(long rrdId, boolean sale, long nmId, String vendorCode, String barcode,
                                String techSize, String title, int quantity, BigDecimal price, BigDecimal forPay,
                                LocalDate day) {
            BigDecimal amount = price.multiply(BigDecimal.valueOf(quantity));
            BigDecimal reward = amount.subtract(forPay);
            BigDecimal acquiring = reward.multiply(new BigDecimal("0.15")).setScale(2, java.math.RoundingMode.HALF_UP);
            String type = sale ? "Продажа" : "Возврат";
            return new Row(rrdId, type, type, nmId, vendorCode, barcode, techSize, title, "Товары для дома", quantity,
                    price, price, amount, reward.subtract(acquiring), acquiring, sale ? forPay : forPay.negate(),
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, day, "", BigDecimal.ZERO, "RUB");
        }

        /** A fee: {@code sellerOperName} names it and decides which field carries the amount. */
        public static Row fee(long rrdId, String sellerOperName, BigDecimal amount, long nmId, String vendorCode,
                              String barcode, LocalDate day) {
            BigDecimal zero = BigDecimal.ZERO;
            boolean logistics = sellerOperName.equals("Логистика");
            boolean storage = sellerOperName.equals("Хранение");
            boolean acceptance = sellerOperName.equals("Платная приемка");
            boolean penalty = sellerOperName.equals("Штраф");
            boolean surcharge = sellerOperName.equals("Доплаты");
            boolean deduction = !logistics && !storage && !acceptance && !penalty && !surcharge;
            return new Row(rrdId, "", sellerOperName, nmId, vendorCode, barcode, "0", "", "", 0, zero, zero, zero,
                    zero, zero, zero, logistics ? amount : zero, storage ? amount : zero, acceptance ? amount : zero,
                    penalty ? amount : zero, deduction ? amount : zero, surcharge ? amount : zero, day,
                    logistics ? "К клиенту при продаже" : penalty ? "Штраф МП. Невыполненный заказ" : "",
                    BigDecimal.ZERO, "RUB");
        }
    }

    /** The list endpoint's sums of a report. */
    public record Sums(BigDecimal retailAmountSum, BigDecimal forPaySum, BigDecimal deliveryServiceSum,
                       BigDecimal paidStorageSum, BigDecimal paidAcceptanceSum, BigDecimal deductionSum,
                       BigDecimal penaltySum, BigDecimal additionalPaymentSum) {

        Sums with(String field, BigDecimal value) {
            return new Sums(field.equals("retailAmountSum") ? value : retailAmountSum,
                    field.equals("forPaySum") ? value : forPaySum,
                    field.equals("deliveryServiceSum") ? value : deliveryServiceSum,
                    field.equals("paidStorageSum") ? value : paidStorageSum,
                    field.equals("paidAcceptanceSum") ? value : paidAcceptanceSum,
                    field.equals("deductionSum") ? value : deductionSum,
                    field.equals("penaltySum") ? value : penaltySum,
                    field.equals("additionalPaymentSum") ? value : additionalPaymentSum);
        }
    }

    /** One report: its header, its rows (by index, rrdId ascending) and the list's sums. */
    public static final class Report {
        private final long reportId;
        private final LocalDate dateFrom;
        private final LocalDate dateTo;
        private final LocalDate createDate;
        private final int rows;
        private final IntFunction<Row> row;
        private volatile Sums sums;
        private volatile String currency = "RUB";
        private final java.util.Set<String> omitted = ConcurrentHashMap.newKeySet();

        Report(long reportId, LocalDate dateFrom, LocalDate dateTo, LocalDate createDate, int rows,
               IntFunction<Row> row) {
            this.reportId = reportId;
            this.dateFrom = dateFrom;
            this.dateTo = dateTo;
            this.createDate = createDate;
            this.rows = rows;
            this.row = row;
            this.sums = computeSums();
        }

        public long reportId() {
            return reportId;
        }

        public LocalDate dateFrom() {
            return dateFrom;
        }

        public LocalDate dateTo() {
            return dateTo;
        }

        public LocalDate createDate() {
            return createDate;
        }

        public int rowCount() {
            return rows;
        }

        public Row row(int index) {
            return row.apply(index);
        }

        public Sums sums() {
            return sums;
        }

        /** The report's currency as the list and every row state it ("RUB"). */
        public String currency() {
            return currency;
        }

        /** A test's way to publish a report in another currency: the list entry and every row say it. */
        public void currency(String code) {
            currency = code;
        }

        /** A list sum the list entry leaves out (WB's answers sometimes lack one). */
        public void omitSum(String field) {
            omitted.add(field);
        }

        public boolean omits(String field) {
            return omitted.contains(field);
        }

        /** A test's way to make the list disagree with the rows (e.g. forPaySum one rouble off). */
        public void overrideSum(String field, BigDecimal value) {
            sums = sums.with(field, value);
        }

        /** The index of the first row after {@code rrdId} (rows are in rrdId order). */
        int firstAfter(long rrdId) {
            int low = 0;
            int high = rows;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (row(mid).rrdId() <= rrdId) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private Sums computeSums() {
            BigDecimal retail = BigDecimal.ZERO;
            BigDecimal forPay = BigDecimal.ZERO;
            BigDecimal delivery = BigDecimal.ZERO;
            BigDecimal storage = BigDecimal.ZERO;
            BigDecimal acceptance = BigDecimal.ZERO;
            BigDecimal deduction = BigDecimal.ZERO;
            BigDecimal penalty = BigDecimal.ZERO;
            BigDecimal additional = BigDecimal.ZERO;
            for (int i = 0; i < rows; i++) {
                Row r = row(i);
                if ("Возврат".equals(r.docTypeName())) {
                    retail = retail.subtract(r.retailAmount());
                } else {
                    retail = retail.add(r.retailAmount());
                }
                forPay = forPay.add(r.forPay());
                // WB's cabinet counts rebilled transport in the logistics cost: no sum of its own in the list
                delivery = delivery.add(r.deliveryService()).add(r.rebillLogisticCost());
                storage = storage.add(r.paidStorage());
                acceptance = acceptance.add(r.paidAcceptance());
                deduction = deduction.add(r.deduction());
                penalty = penalty.add(r.penalty());
                additional = additional.add(r.additionalPayment());
            }
            return new Sums(retail, forPay, delivery, storage, acceptance, deduction, penalty, additional);
        }
    }

    private final Map<String, List<Report>> byToken = new ConcurrentHashMap<>();

    /** Publishes a report of explicit rows (given in rrdId order). */
    public Report addReport(String token, long reportId, LocalDate dateFrom, LocalDate dateTo, LocalDate createDate,
                            List<Row> rows) {
        List<Row> copy = List.copyOf(rows);
        return add(token, new Report(reportId, dateFrom, dateTo, createDate, copy.size(), copy::get));
    }

    /** Publishes a report whose rows are generated by index (in rrdId order), for reports too big to hold. */
    public Report addGeneratedReport(String token, long reportId, LocalDate dateFrom, LocalDate dateTo,
                                     LocalDate createDate, int rows, IntFunction<Row> row) {
        return add(token, new Report(reportId, dateFrom, dateTo, createDate, rows, row));
    }

    /** Replaces a report's rows (WB corrects a report: same id, new rows and sums). */
    public Report replaceReport(String token, long reportId, List<Row> rows) {
        Report old = report(token, reportId).orElseThrow();
        removeReport(token, reportId);
        return addReport(token, reportId, old.dateFrom(), old.dateTo(), old.createDate(), rows);
    }

    public void removeReport(String token, long reportId) {
        byToken.getOrDefault(token, new ArrayList<>()).removeIf(r -> r.reportId() == reportId);
    }

    public void clear() {
        byToken.clear();
    }

    private Report add(String token, Report report) {
        List<Report> reports = byToken.computeIfAbsent(token, t -> new java.util.concurrent.CopyOnWriteArrayList<>());
        reports.removeIf(r -> r.reportId() == report.reportId());
        reports.add(report);
        reports.sort(Comparator.comparing(Report::dateFrom).thenComparingLong(Report::reportId));
        return report;
    }

    /** The account's reports whose period overlaps [from, to]. */
    public List<Report> reports(String token, LocalDate from, LocalDate to) {
        return byToken.getOrDefault(token, List.of()).stream()
                .filter(r -> !r.dateTo().isBefore(from) && !r.dateFrom().isAfter(to)).toList();
    }

    public Optional<Report> report(String token, long reportId) {
        return byToken.getOrDefault(token, List.of()).stream().filter(r -> r.reportId() == reportId).findFirst();
    }
}
