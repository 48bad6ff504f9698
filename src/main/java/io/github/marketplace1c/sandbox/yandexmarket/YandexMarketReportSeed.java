package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.YandexMarketAccount;
import io.github.marketplace1c.sandbox.SandboxData.YandexMarketOffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The sandbox's Yandex Market finance for October 2026: per campaign a realization report (delivered and
 * returned goods of mapped offers priced as in 1C, some with Market-funded discounts: СберСпасибо and Яндекс Плюс
 * points, and one with the seller's own promotion discount) and per business a services report of the act month
 * (placement fees per order, the loyalty programme, the sales boost). Deterministic.
 */
public final class YandexMarketReportSeed {

    public static final YearMonth MONTH = YearMonth.of(2026, 10);

    /** The sheets (file names in the report's ZIP archive) of the realization report the flows read. */
    public static final String DELIVERED = "delivered";
    public static final String RETURNED = "returned";
    /** Service sheets (file names in the report's ZIP archive) of the services report. */
    public static final String PLACEMENT = "placement";
    public static final String LOYALTY = "loyalty_and_reviews";
    public static final String BOOST = "boost";

    public static final String PLACEMENT_SERVICE = "Размещение товаров на витрине";
    public static final String LOYALTY_SERVICE = "Программа лояльности";
    public static final String BOOST_SERVICE = "Буст продаж, оплата за продажи";

    /** A seeded realization line: offer, delivered or returned, units, discounts per unit. */
    public record SeedLine(String offerId, boolean isReturn, int count, String shopDiscount, String spasibo,
                           String plus) {
    }

    private YandexMarketReportSeed() {
    }

    public static List<SeedLine> lines(YandexMarketAccount account) {
        if (account.equals(SandboxData.YM_ROMASHKA)) {
            return List.of(
                    new SeedLine("RM-TEA-001", false, 10, "0", "20.00", "0"),
                    new SeedLine("RM-HON-003", false, 4, "0", "0", "30.00"),
                    new SeedLine("RM-TSH-005-M", false, 2, "100.00", "0", "0"),
                    new SeedLine("RM-CAN-007", false, 3, "0", "0", "0"),
                    new SeedLine("RM-SPN-010", false, 6, "0", "0", "0"),
                    new SeedLine("RM-HON-003", true, 1, "0", "0", "30.00"));
        }
        return List.of(
                new SeedLine("RM-TEA-002", false, 5, "0", "0", "0"),
                new SeedLine("RM-MUG-004", false, 3, "0", "15.00", "0"),
                new SeedLine("RM-MUG-004", true, 1, "0", "15.00", "0"));
    }

    public static YandexMarketOffer offer(String offerId) {
        return SandboxData.YM_OFFERS.stream().filter(o -> o.offerId().equals(offerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a sandbox Market offer: " + offerId));
    }

    /** The seeded order number of the n-th line of an account (delivered and returned lines alike). */
    static long orderId(YandexMarketAccount account, int n) {
        return 52_000_000_000L + (account.campaignId() % 100) * 10_000L + n;
    }

    public static void loadInto(YandexMarketReports reports) {
        for (YandexMarketAccount account : SandboxData.YM_ACCOUNTS) {
            List<SeedLine> lines = lines(account);
            for (int n = 0; n < lines.size(); n++) {
                SeedLine line = lines.get(n);
                YandexMarketOffer offer = offer(line.offerId());
                LocalDate day = MONTH.atDay(2 + n * 4);
                BigDecimal price = offer.item().price();
                long orderId = orderId(account, n);
                if (line.isReturn()) {
                    reports.addRealizationRow(account.campaignId(), MONTH, RETURNED, returnedRow(orderId, offer,
                            line.count(), price, new BigDecimal(line.shopDiscount()), new BigDecimal(line.spasibo()),
                            new BigDecimal(line.plus()), day));
                    continue;
                }
                reports.addRealizationRow(account.campaignId(), MONTH, DELIVERED, deliveredRow(orderId, offer,
                        line.count(), price, new BigDecimal(line.shopDiscount()), new BigDecimal(line.spasibo()),
                        new BigDecimal(line.plus()), day));
                BigDecimal placement = price.multiply(BigDecimal.valueOf(line.count()))
                        .multiply(new BigDecimal("0.09")).setScale(2, RoundingMode.HALF_UP);
                reports.addServiceRow(account.businessId(), MONTH, PLACEMENT,
                        serviceRow(account, orderId, offer, line.count(), price, PLACEMENT_SERVICE, day, "totalAmount",
                                placement));
            }
            YandexMarketOffer first = offer(lines.get(0).offerId());
            reports.addServiceRow(account.businessId(), MONTH, LOYALTY, serviceRow(account, orderId(account, 0), first,
                    lines.get(0).count(), first.item().price(), LOYALTY_SERVICE, MONTH.atDay(12), "servicePrice",
                    new BigDecimal(account.equals(SandboxData.YM_ROMASHKA) ? "104.70" : "43.35")));
            if (account.equals(SandboxData.YM_ROMASHKA)) {
                YandexMarketOffer boosted = offer("RM-CAN-007");
                ObjectNode boost = serviceRow(account, orderId(account, 3), boosted, 3, boosted.item().price(),
                        BOOST_SERVICE, MONTH.atDay(14), "postpaid", new BigDecimal("151.31"));
                boost.put("prepaid", new BigDecimal("0.00"));
                boost.put("bonusPaid", new BigDecimal("0.00"));
                boost.put("netting", new BigDecimal("0.00"));
                boost.put("bet", 7.0);
                // Стоимость услуги: what the boost costs after the parts above (here all of it post-paid)
                boost.put("servicePrice", YmJson.money(new BigDecimal("151.31")));
                reports.addServiceRow(account.businessId(), MONTH, BOOST, boost);
            }
        }
    }

    /** A row of the {@code delivered} sheet: the documented JSON columns, sums over the delivered units. */
    public static ObjectNode deliveredRow(long orderId, YandexMarketOffer offer, int count, BigDecimal price,
                                          BigDecimal shopDiscount, BigDecimal spasibo, BigDecimal plus, LocalDate day) {
        ObjectNode row = orderColumns(orderId, offer, price, shopDiscount, spasibo, plus, day);
        row.put("transferredToDeliveryCount", count);
        row.put("deliveredCount", count);
        sums(row, "delivered", count, price, shopDiscount.add(spasibo).add(plus));
        return row;
    }

    /** A row of the {@code returned} sheet: the same order columns, sums over the returned units. */
    public static ObjectNode returnedRow(long orderId, YandexMarketOffer offer, int count, BigDecimal price,
                                         BigDecimal shopDiscount, BigDecimal spasibo, BigDecimal plus, LocalDate day) {
        ObjectNode row = orderColumns(orderId, offer, price, shopDiscount, spasibo, plus, day.minusDays(3));
        row.put("deliveredCount", count);
        row.put("returnedCount", count);
        row.put("returnWarehouseOrScAcceptDate", day.toString());
        sums(row, "return", count, price, shopDiscount.add(spasibo).add(plus));
        return row;
    }

    private static ObjectNode orderColumns(long orderId, YandexMarketOffer offer, BigDecimal price,
                                           BigDecimal shopDiscount, BigDecimal spasibo, BigDecimal plus, LocalDate day) {
        ObjectNode row = YmJson.object();
        row.put("orderId", orderId);
        row.put("yourOrderId", "");
        row.put("orderType", "FBS");
        row.put("offerName", offer.item().name() + (offer.item().characteristicName() == null ? ""
                : ", " + offer.item().characteristicName()));
        row.put("yourSku", offer.offerId());
        row.put("shopSku", offer.offerId());
        row.put("orderCreationDate", day.minusDays(2).toString());
        row.put("transferredToDeliveryDate", day.minusDays(1).toString());
        row.put("deliveryDate", day.toString());
        row.put("paymentType", "Предоплата");
        row.put("vat", "VAT_20");
        row.put("priceWithVatAndNoDiscount", YmJson.money(price));
        row.put("shopMarketplaceDiscount", YmJson.money(shopDiscount));
        row.put("spasiboDiscount", YmJson.money(spasibo));
        row.put("yandexPlusDiscount", YmJson.money(plus));
        row.put("priceWithVatAndAllDiscounts", YmJson.money(price.subtract(shopDiscount).subtract(spasibo).subtract(plus)));
        return row;
    }

    private static void sums(ObjectNode row, String prefix, int count, BigDecimal price, BigDecimal discounts) {
        BigDecimal units = BigDecimal.valueOf(count);
        row.put(prefix + "PriceSumWithVatAndNoDiscounts", YmJson.money(price.multiply(units)));
        row.put(prefix + "DiscountSum", YmJson.money(discounts.multiply(units)));
        row.put(prefix + "PriceSumWithVatAndDiscounts", YmJson.money(price.subtract(discounts).multiply(units)));
    }

    /** A row of a services sheet: business columns, the order and product, the service and its cost column. */
    public static ObjectNode serviceRow(YandexMarketAccount account, long orderId, YandexMarketOffer offer, int count,
                                        BigDecimal price, String serviceName, LocalDate day, String amountColumn,
                                        BigDecimal amount) {
        ObjectNode row = YmJson.object();
        row.put("businessId", account.businessId());
        row.put("placementModel", "FBS");
        row.put("partnerId", account.campaignId());
        row.put("partnerName", account.organization().name());
        row.put("inn", account.organization().inn());
        String contract = account.contract().name();
        row.put("placementContract", contract.substring(contract.indexOf("№") + 1).trim());
        row.put("orderId", orderId);
        row.put("shopSku", offer.offerId());
        row.put("offerName", offer.item().name());
        row.put("price", YmJson.money(price));
        row.put("count", count);
        row.put("serviceName", serviceName);
        row.put("serviceDateTime", day + "T12:00:00+03:00");
        row.put("actDate", MONTH.atEndOfMonth().toString());
        row.put(amountColumn, YmJson.money(amount));
        return row;
    }
}
