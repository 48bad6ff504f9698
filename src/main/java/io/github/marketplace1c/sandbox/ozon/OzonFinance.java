package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData.OzonOffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's finance data per seller cabinet (Client-Id): the monthly realization reports behind
 * {@code POST /v2/finance/realization}, each with the instant Ozon publishes it, and the accruals behind
 * {@code POST /v1/finance/accrual/by-day}. Tests add reports, rows and accruals and move publication dates.
 * Thread-safe.
 */
public final class OzonFinance {

    /** The accrual page size: the spec states none, so the emulator picks one; tests shrink it for paging cases. */
    public static final int DEFAULT_ACCRUAL_PAGE_SIZE = 50;

    /** One cabinet's report of a month: its title page, its rows, and when Ozon makes it available. */
    public record Report(ObjectNode header, List<ObjectNode> rows, Instant publishAt) {
    }

    /** One accrual of a cabinet (its JSON as the API returns it) and its day. */
    public record Accrual(long accrualId, LocalDate date, ObjectNode json) {
    }

    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final Map<String, List<Accrual>> accruals = new ConcurrentHashMap<>();
    private volatile int accrualPageSize = DEFAULT_ACCRUAL_PAGE_SIZE;

    private static String key(String clientId, YearMonth month) {
        return clientId + "/" + month;
    }

    /** Puts (or replaces) a cabinet's report of a month. */
    public void putReport(String clientId, YearMonth month, ObjectNode header, List<ObjectNode> rows,
                          Instant publishAt) {
        reports.put(key(clientId, month), new Report(header, new ArrayList<>(rows), publishAt));
    }

    public Optional<Report> report(String clientId, YearMonth month) {
        return Optional.ofNullable(reports.get(key(clientId, month)));
    }

    /** Moves the instant a report becomes available (before it: Ozon answers 404, as for a month without one). */
    public void publishAt(String clientId, YearMonth month, Instant at) {
        reports.computeIfPresent(key(clientId, month), (k, r) -> new Report(r.header(), r.rows(), at));
    }

    /** Adds a row to a report (e.g. a product nobody has mapped); rowNumber is set to the next one. */
    public void addRow(String clientId, YearMonth month, ObjectNode row) {
        Report report = reports.get(key(clientId, month));
        if (report == null) {
            throw new IllegalArgumentException("no report for " + clientId + " " + month);
        }
        synchronized (report.rows()) {
            row.put("rowNumber", report.rows().size() + 1);
            report.rows().add(row);
        }
    }

    public void addAccrual(String clientId, long accrualId, LocalDate date, ObjectNode json) {
        List<Accrual> list = accruals.computeIfAbsent(clientId, id -> new ArrayList<>());
        synchronized (list) {
            list.add(new Accrual(accrualId, date, json));
            list.sort(Comparator.comparing(Accrual::date).thenComparingLong(Accrual::accrualId));
        }
    }

    /** The cabinet's accruals of a day, in accrual_id order. */
    public List<Accrual> accruals(String clientId, LocalDate date) {
        List<Accrual> list = accruals.getOrDefault(clientId, List.of());
        synchronized (list) {
            return list.stream().filter(a -> a.date().equals(date)).toList();
        }
    }

    /** Every accrual of the cabinet within a month. */
    public List<Accrual> accruals(String clientId, YearMonth month) {
        List<Accrual> list = accruals.getOrDefault(clientId, List.of());
        synchronized (list) {
            return list.stream().filter(a -> YearMonth.from(a.date()).equals(month)).toList();
        }
    }

    public void accrualPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        this.accrualPageSize = size;
    }

    public int accrualPageSize() {
        return accrualPageSize;
    }

    // ---- building report rows ------------------------------------------------------------------------------

    /** Loyalty payouts Ozon adds to a row (bonus = points for discounts; the rest its partner mechanics). */
    public record Loyalty(BigDecimal bonus, BigDecimal bankCoinvestment, BigDecimal stars,
                          BigDecimal pickUpPointCoinvestment) {

        public static final Loyalty NONE = new Loyalty(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);

        BigDecimal sum() {
            return bonus.add(bankCoinvestment).add(stars).add(pickUpPointCoinvestment);
        }
    }

    /** A row of sold units: the figures go into {@code delivery_commission}. */
    public static ObjectNode saleRow(OzonOffer offer, int quantity, BigDecimal price, BigDecimal commissionRatio,
                                     Loyalty loyalty) {
        return row(offer, "delivery_commission", quantity, price, commissionRatio, loyalty);
    }

    /** A row of returned units: the same figures in {@code return_commission}. */
    public static ObjectNode returnRow(OzonOffer offer, int quantity, BigDecimal price, BigDecimal commissionRatio,
                                       Loyalty loyalty) {
        return row(offer, "return_commission", quantity, price, commissionRatio, loyalty);
    }

    /**
     * A report row as the v2 report has it since May 2024: {@code amount} = price × quantity (realized),
     * {@code standard_fee} = Ozon's base reward (amount × the category's commission ratio, to the kopeck), the
     * loyalty payouts Ozon adds, and {@code total} = amount − standard_fee + payouts, "итого к начислению".
     * The fields the spec marks as for reports before 30 April 2024 ({@code commission}, {@code compensation})
     * are 0. The other commission object is left out, as in a real row that is only a sale or only a return.
     */
    private static ObjectNode row(OzonOffer offer, String field, int quantity, BigDecimal price,
                                  BigDecimal commissionRatio, Loyalty loyalty) {
        ObjectNode row = OzonJson.object();
        row.put("rowNumber", 0);
        ObjectNode item = row.putObject("item");
        item.put("offer_id", offer.offerId());
        item.put("sku", offer.sku());
        item.put("barcode", offer.item().barcode());
        item.put("name", offer.item().name() + (offer.item().characteristicName() == null ? ""
                : ", " + offer.item().characteristicName()));
        row.put("seller_price_per_instance", price.doubleValue());
        row.put("commission_ratio", commissionRatio.doubleValue());
        BigDecimal amount = price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal fee = amount.multiply(commissionRatio).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = amount.subtract(fee).add(loyalty.sum());
        ObjectNode commission = row.putObject(field);
        commission.put("amount", amount.doubleValue());
        commission.put("bonus", loyalty.bonus().doubleValue());
        commission.put("commission", 0.0);
        commission.put("compensation", 0.0);
        commission.put("price_per_instance", price.doubleValue());
        commission.put("quantity", quantity);
        commission.put("standard_fee", fee.doubleValue());
        commission.put("bank_coinvestment", loyalty.bankCoinvestment().doubleValue());
        commission.put("stars", loyalty.stars().doubleValue());
        commission.put("pick_up_point_coinvestment", loyalty.pickUpPointCoinvestment().doubleValue());
        commission.put("total", total.doubleValue());
        return row;
    }
}
