package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.YandexMarketAccount;
import io.github.marketplace1c.sandbox.SandboxData.YandexMarketOffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox's deterministic Yandex Market FBS orders: for each of {@link SandboxData#YM_ACCOUNTS} 20 to 30 orders
 * of its campaign created between 2026-10-28 and 2026-11-06 (Moscow), so some predate the go-live on 2026-11-01;
 * one to three lines each, priced from the 1C item; three cancelled by the buyer ({@code USER_CHANGED_MIND}); two
 * or three created after the go-live, not cancelled, with an offer nobody has mapped yet; the rest PROCESSING
 * (STARTED or READY_TO_SHIP), DELIVERY or DELIVERED by age. Same {@link Random} seed, same orders, everywhere.
 */
public final class YandexMarketSeed {

    /** A seeded order with its business, campaign and the time it last changed. */
    public record SeededOrder(long businessId, long campaignId, ObjectNode order, Instant updatedAt) {

        public long orderId() {
            return order.get("orderId").asLong();
        }
    }

    /** One line of an order: an offer and how many units. */
    public record Line(YandexMarketOffer offer, int count) {
    }

    /** Orders are created from 2026-10-28 00:00 to 2026-11-07 00:00 Moscow time. */
    static final Instant FIRST = LocalDate.of(2026, 10, 28).atStartOfDay(YmJson.MOSCOW).toInstant();
    static final Instant LAST = LocalDate.of(2026, 11, 7).atStartOfDay(YmJson.MOSCOW).toInstant();
    private static final long RANDOM_SEED = 20261101L;
    private static final int CANCELLED_PER_ACCOUNT = 3;
    /** Market's own delivery service for FBS orders handed over at a Market pickup point. */
    private static final long MARKET_DELIVERY_SERVICE_ID = 1_005_471L;

    private YandexMarketSeed() {
    }

    /** Fresh copies of the seeded orders of all accounts, each account's in orderId (= creation) order. */
    public static List<SeededOrder> orders() {
        Random random = new Random(RANDOM_SEED);
        List<SeededOrder> result = new ArrayList<>();
        for (int i = 0; i < SandboxData.YM_ACCOUNTS.size(); i++) {
            result.addAll(accountOrders(SandboxData.YM_ACCOUNTS.get(i), i, random));
        }
        return result;
    }

    /** The seeded orders of one business. */
    public static List<SeededOrder> orders(long businessId) {
        return orders().stream().filter(o -> o.businessId() == businessId).toList();
    }

    public static void loadInto(YandexMarketOrders store) {
        for (SeededOrder o : orders()) {
            store.add(o.businessId(), o.campaignId(), o.order(), o.updatedAt());
        }
    }

    /**
     * The {@code delivery.warehouseId} of an account's orders: the seller's own id of the warehouse the campaign
     * ships from (free text the seller chose in Market's cabinet, not a Market id). The 1C warehouse is
     * {@link YandexMarketAccount#onecWarehouse()}, one per campaign.
     */
    public static String warehouseId(YandexMarketAccount account) {
        return account.id() + "-fbs";
    }

    private static List<SeededOrder> accountOrders(YandexMarketAccount account, int accountIndex, Random random) {
        List<YandexMarketOffer> mapped = SandboxData.YM_OFFERS.stream().filter(YandexMarketOffer::mapped).toList();
        List<YandexMarketOffer> unmapped = SandboxData.YM_OFFERS.stream().filter(o -> !o.mapped()).toList();
        int count = 20 + random.nextInt(11);
        long spanMinutes = Duration.between(FIRST, LAST).toMinutes();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(FIRST.plus(Duration.ofMinutes(random.nextLong(spanMinutes))));
        }
        times.sort(null);
        Set<Integer> cancelled = distinctIndexes(random, count, CANCELLED_PER_ACCOUNT, Set.of());
        // Unmapped offers only in live, not cancelled orders after the go-live, so every sandbox run shows them.
        Instant goLive = account.goLiveDate().atStartOfDay(YmJson.MOSCOW).toInstant();
        Set<Integer> excluded = new HashSet<>(cancelled);
        for (int i = 0; i < count; i++) {
            if (times.get(i).isBefore(goLive)) {
                excluded.add(i);
            }
        }
        Set<Integer> withUnmapped = distinctIndexes(random, count, 2 + random.nextInt(2), excluded);

        List<SeededOrder> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant created = times.get(i);
            List<Line> lines = new ArrayList<>();
            List<YandexMarketOffer> pool = new ArrayList<>(mapped);
            int lineCount = 1 + random.nextInt(3);
            for (int l = 0; l < lineCount; l++) {
                lines.add(new Line(pool.remove(random.nextInt(pool.size())), 1 + random.nextInt(3)));
            }
            if (withUnmapped.contains(i)) {
                lines.set(random.nextInt(lines.size()),
                        new Line(unmapped.get(random.nextInt(unmapped.size())), 1 + random.nextInt(3)));
            }
            // a fifth of the lines are partly paid with Plus points, so payment alone is not the line's value
            List<BigDecimal> cashback = new ArrayList<>();
            for (Line line : lines) {
                cashback.add(random.nextInt(5) == 0 ? plusPoints(line) : BigDecimal.ZERO);
            }
            String[] status = cancelled.contains(i) ? new String[]{"CANCELLED", "USER_CHANGED_MIND"}
                    : statusFor(random, created);
            long orderId = 52_000_000L + accountIndex * 1_000_000L + i * 7_919L;
            ObjectNode order = order(orderId, account, created, status[0], status[1], lines, cashback);
            Instant updatedAt = created.plus(switch (status[0] + "/" + status[1]) {
                case "PROCESSING/STARTED" -> Duration.ofMinutes(5);
                case "PROCESSING/READY_TO_SHIP" -> Duration.ofHours(6);
                case "DELIVERY/DELIVERY_SERVICE_RECEIVED" -> Duration.ofDays(1);
                case "DELIVERED/DELIVERY_SERVICE_DELIVERED" -> Duration.ofDays(3);
                default -> Duration.ofHours(2);
            });
            if (status[0].equals("DELIVERED")) {
                ((ObjectNode) order.get("delivery").get("dates")).put("realDeliveryDate", YmJson.date(updatedAt));
            }
            result.add(new SeededOrder(account.businessId(), account.campaignId(), order, updatedAt));
        }
        return result;
    }

    /** Older orders are on their way or delivered; the newest are still being assembled. */
    private static String[] statusFor(Random random, Instant created) {
        int roll = random.nextInt(100);
        LocalDate day = LocalDate.ofInstant(created, YmJson.MOSCOW);
        if (day.isBefore(LocalDate.of(2026, 11, 1))) {
            return roll < 60 ? delivered() : delivery();
        }
        if (day.isBefore(LocalDate.of(2026, 11, 5))) {
            return roll < 30 ? delivered() : roll < 60 ? delivery()
                    : roll < 80 ? new String[]{"PROCESSING", "READY_TO_SHIP"} : new String[]{"PROCESSING", "STARTED"};
        }
        return roll < 50 ? new String[]{"PROCESSING", "READY_TO_SHIP"} : new String[]{"PROCESSING", "STARTED"};
    }

    private static String[] delivered() {
        return new String[]{"DELIVERED", "DELIVERY_SERVICE_DELIVERED"};
    }

    private static String[] delivery() {
        return new String[]{"DELIVERY", "DELIVERY_SERVICE_RECEIVED"};
    }

    private static Set<Integer> distinctIndexes(Random random, int bound, int howMany, Set<Integer> exclude) {
        Set<Integer> chosen = new TreeSet<>();
        while (chosen.size() < howMany) {
            int candidate = random.nextInt(bound);
            if (!exclude.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    /**
     * An FBS order in the {@code BusinessOrderDTO} shape, without {@code campaignId} and {@code updateDate} (the
     * store writes those). Item prices are line totals, as Market gives them: {@code payment + cashback} is the
     * 1C price times {@code count}. Tests and demos use it to add orders of their own.
     *
     * @param cashback per line, the part paid with Plus points (zero for none)
     */
    public static ObjectNode order(long orderId, YandexMarketAccount account, Instant created, String status,
                                   String substatus, List<Line> lines, List<BigDecimal> cashback) {
        ObjectNode o = YmJson.object();
        o.put("orderId", orderId);
        o.put("campaignId", account.campaignId());
        o.put("programType", "FBS");
        o.put("status", status);
        o.put("substatus", substatus);
        o.put("creationDate", YmJson.dateTime(created));
        o.put("paymentType", "PREPAID");
        o.put("paymentMethod", "YANDEX");
        o.put("fake", false);
        ArrayNode items = o.putArray("items");
        BigDecimal payment = BigDecimal.ZERO;
        BigDecimal plus = BigDecimal.ZERO;
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            BigDecimal lineCashback = cashback.get(l);
            BigDecimal linePayment = total(line).subtract(lineCashback);
            ObjectNode item = items.addObject();
            item.put("id", orderId * 10 + l + 1);
            item.put("offerId", line.offer().offerId());
            item.put("offerName", offerName(line.offer()));
            item.put("count", line.count());
            ObjectNode prices = item.putObject("prices");
            prices.set("payment", money(linePayment));
            prices.set("subsidy", money(BigDecimal.ZERO));
            prices.set("cashback", money(lineCashback));
            prices.put("vat", "VAT_20"); // the sandbox's 1C items carry the 20 % rate (SandboxData.VAT_20_REF)
            payment = payment.add(linePayment);
            plus = plus.add(lineCashback);
        }
        ObjectNode prices = o.putObject("prices");
        prices.set("payment", money(payment));
        prices.set("subsidy", money(BigDecimal.ZERO));
        prices.set("cashback", money(plus));
        o.set("delivery", delivery(orderId, account, created));
        o.put("buyerType", "PERSON");
        o.put("sourcePlatform", "MARKET");
        return o;
    }

    /** The buyer collects at a Market pickup point; the seller hands the order over the next day. */
    private static ObjectNode delivery(long orderId, YandexMarketAccount account, Instant created) {
        ObjectNode d = YmJson.object();
        d.put("type", "PICKUP");
        d.put("serviceName", "Доставка Маркета");
        d.put("deliveryServiceId", MARKET_DELIVERY_SERVICE_ID);
        d.put("warehouseId", warehouseId(account));
        d.put("deliveryPartnerType", "YANDEX_MARKET");
        d.put("dispatchType", "MARKET_BRANDED_OUTLET");
        ObjectNode dates = d.putObject("dates");
        dates.put("fromDate", YmJson.date(created.plus(Duration.ofDays(3))));
        dates.put("toDate", YmJson.date(created.plus(Duration.ofDays(5))));
        ObjectNode shipment = d.putObject("shipment");
        shipment.put("id", 8_000_000L + orderId % 1_000_000L);
        shipment.put("shipmentDate", YmJson.date(created.plus(Duration.ofDays(1))));
        ObjectNode pickup = d.putObject("pickup");
        ObjectNode address = pickup.putObject("address");
        address.put("country", "Россия");
        address.put("city", "Москва");
        address.put("street", "Тверская улица");
        address.put("house", "7");
        ObjectNode region = pickup.putObject("region");
        region.put("id", 213);
        region.put("name", "Москва");
        region.put("type", "CITY");
        pickup.put("logisticPointId", 10_000_000_213L);
        return d;
    }

    /** The value of a line: the 1C price of one unit times the count. */
    public static BigDecimal total(Line line) {
        return YmJson.money(line.offer().item().price().multiply(BigDecimal.valueOf(line.count())));
    }

    /** Plus points are whole roubles: a tenth of the line's value, rounded down. */
    private static BigDecimal plusPoints(Line line) {
        return YmJson.money(total(line).divide(BigDecimal.TEN, 0, RoundingMode.DOWN));
    }

    private static String offerName(YandexMarketOffer offer) {
        SandboxData.Item item = offer.item();
        return item.characteristicName() == null ? item.name() : item.name() + ", " + item.characteristicName();
    }

    private static ObjectNode money(BigDecimal value) {
        ObjectNode m = YmJson.object();
        m.put("value", YmJson.money(value));
        m.put("currencyId", "RUR");
        return m;
    }
}
