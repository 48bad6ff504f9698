package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.OzonAccount;
import io.github.marketplace1c.sandbox.SandboxData.OzonOffer;
import io.github.marketplace1c.sandbox.SandboxData.OzonWarehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The sandbox's deterministic Ozon FBS postings: for each of {@link SandboxData#OZON_ACCOUNTS} a few dozen postings
 * with {@code in_process_at} between 2026-10-28 and 2026-11-06 (so some predate the accounts' go-live on
 * 2026-11-01), one to three lines each priced as in 1C, three cancelled by the buyer, and two or three that
 * contain an offer nobody has mapped yet. Same {@link Random} seed, same postings, on every machine.
 */
public final class OzonSeed {

    /** A seeded posting with its account and the time its status last changed. */
    public record SeededPosting(String clientId, ObjectNode posting, Instant statusChangedAt) {
    }

    /** One product line of a posting. */
    public record Line(OzonOffer offer, int quantity) {
    }

    static final Instant FIRST = Instant.parse("2026-10-28T00:00:00Z");
    static final Instant LAST = Instant.parse("2026-11-07T00:00:00Z");
    private static final long RANDOM_SEED = 20261101L;
    private static final int CANCELLED_PER_ACCOUNT = 3;

    private OzonSeed() {
    }

    /** Fresh copies of the seeded postings of all accounts, each account's in {@code in_process_at} order. */
    public static List<SeededPosting> postings() {
        Random random = new Random(RANDOM_SEED);
        List<SeededPosting> result = new ArrayList<>();
        for (int accountIndex = 0; accountIndex < SandboxData.OZON_ACCOUNTS.size(); accountIndex++) {
            result.addAll(accountPostings(SandboxData.OZON_ACCOUNTS.get(accountIndex), accountIndex, random));
        }
        return result;
    }

    /** The seeded postings of one Client-Id. */
    public static List<SeededPosting> postings(String clientId) {
        return postings().stream().filter(p -> p.clientId().equals(clientId)).toList();
    }

    public static void loadInto(OzonPostings store) {
        for (SeededPosting p : postings()) {
            store.add(p.clientId(), p.posting(), p.statusChangedAt());
        }
    }

    public static List<OzonWarehouse> warehousesOf(OzonAccount account) {
        return SandboxData.OZON_WAREHOUSES.stream().filter(w -> w.accountId().equals(account.id())).toList();
    }

    private static List<SeededPosting> accountPostings(OzonAccount account, int accountIndex, Random random) {
        List<OzonWarehouse> warehouses = warehousesOf(account);
        List<OzonOffer> mapped = SandboxData.OZON_OFFERS.stream().filter(OzonOffer::mapped).toList();
        List<OzonOffer> unmapped = SandboxData.OZON_OFFERS.stream().filter(o -> !o.mapped()).toList();
        int count = 20 + random.nextInt(11);
        long spanMinutes = Duration.between(FIRST, LAST).toMinutes();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(FIRST.plus(Duration.ofMinutes(random.nextLong(spanMinutes))));
        }
        times.sort(null);
        Set<Integer> cancelled = distinctIndexes(random, count, CANCELLED_PER_ACCOUNT, Set.of());
        // Unmapped offers go into postings from the go-live date on, so every sandbox run shows their dead letters.
        Instant goLive = account.goLiveDate().atStartOfDay(java.time.ZoneId.of("Europe/Moscow")).toInstant();
        Set<Integer> beforeGoLive = new java.util.HashSet<>(cancelled);
        for (int i = 0; i < count; i++) {
            if (times.get(i).isBefore(goLive)) {
                beforeGoLive.add(i);
            }
        }
        Set<Integer> withUnmapped = distinctIndexes(random, count, 2 + random.nextInt(2), beforeGoLive);

        List<SeededPosting> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant inProcessAt = times.get(i);
            OzonWarehouse warehouse = warehouses.get(random.nextInt(warehouses.size()));
            List<Line> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(3);
            List<OzonOffer> pool = new ArrayList<>(mapped);
            for (int l = 0; l < lineCount; l++) {
                lines.add(new Line(pool.remove(random.nextInt(pool.size())), 1 + random.nextInt(3)));
            }
            if (withUnmapped.contains(i)) {
                lines.set(random.nextInt(lines.size()),
                        new Line(unmapped.get(random.nextInt(unmapped.size())), 1 + random.nextInt(3)));
            }
            String status = statusFor(random, inProcessAt);
            long orderId = 31_000_000_000L + accountIndex * 1_000_000L + i * 4_211L;
            String orderNumber = String.format("%010d-%04d", 1_120_000_000L + accountIndex * 10_000_000L + i * 7_919L,
                    1 + i % 9);
            ObjectNode posting = posting(orderNumber + "-1", orderId, orderNumber, inProcessAt, status, warehouse, lines);
            Instant changedAt = inProcessAt.plus(Duration.ofMinutes(5));
            if (cancelled.contains(i)) {
                posting.put("status", "cancelled");
                posting.put("substatus", OzonStatuses.substatusOf("cancelled"));
                posting.set("cancellation", OzonStatuses.cancellation("Покупатель", false));
                posting.putArray("available_actions");
                changedAt = inProcessAt.plus(Duration.ofHours(2));
            } else if (!status.equals("awaiting_packaging")) {
                changedAt = inProcessAt.plus(Duration.ofHours(6));
            }
            result.add(new SeededPosting(account.clientId(), posting, changedAt));
        }
        return result;
    }

    /** Newer postings are still being assembled; only older ones can already be on their way. */
    private static String statusFor(Random random, Instant inProcessAt) {
        int roll = random.nextInt(100);
        boolean old = inProcessAt.isBefore(Instant.parse("2026-11-04T00:00:00Z"));
        if (old && roll < 25) {
            return "delivering";
        }
        return roll < 65 ? "awaiting_packaging" : "awaiting_deliver";
    }

    private static Set<Integer> distinctIndexes(Random random, int bound, int howMany, Set<Integer> exclude) {
        Set<Integer> chosen = new java.util.TreeSet<>();
        while (chosen.size() < howMany) {
            int candidate = random.nextInt(bound);
            if (!exclude.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    /**
     * A posting in the full v4 shape (every optional block filled; the endpoints drop what a request does not ask
     * for). Tests and demos use it to add postings of their own.
     */
    public static ObjectNode posting(String postingNumber, long orderId, String orderNumber, Instant inProcessAt,
                                     String status, OzonWarehouse warehouse, List<Line> lines) {
        Instant shipmentDate = shipmentDate(inProcessAt);
        ObjectNode p = OzonJson.object();
        p.put("posting_number", postingNumber);
        p.put("order_id", orderId);
        p.put("order_number", orderNumber);
        p.put("parent_posting_number", "");
        p.put("status", status);
        p.put("substatus", OzonStatuses.substatusOf(status));
        ObjectNode delivery = p.putObject("delivery_method");
        delivery.put("id", warehouse.id() + 1_000_000_000_000L);
        delivery.put("name", "Доставка Ozon самостоятельно, " + warehouse.name());
        delivery.put("warehouse_id", warehouse.id());
        delivery.put("warehouse", warehouse.name());
        delivery.put("tpl_provider", "Доставка Ozon");
        delivery.put("tpl_provider_id", 24);
        p.put("tracking_number", "");
        p.put("tpl_integration_type", "ozon");
        p.put("in_process_at", OzonJson.format(inProcessAt));
        p.put("shipment_date", OzonJson.format(shipmentDate));
        p.put("shipment_date_without_delay", OzonJson.format(shipmentDate));
        // the planned hand-over to delivery: what unfulfilled/list's delivering_date filter looks at
        p.put("delivering_date", OzonJson.format(shipmentDate.plus(Duration.ofHours(3))));
        p.set("cancellation", OzonStatuses.noCancellation());
        ArrayNode products = p.putArray("products");
        ArrayNode finance = OzonJson.MAPPER.createArrayNode();
        for (Line line : lines) {
            products.add(product(line));
            finance.add(financialProduct(line));
        }
        p.set("available_actions", OzonStatuses.availableActions(status));
        p.put("is_express", false);
        p.put("is_multibox", false);
        p.put("multi_box_qty", 1);
        p.put("delivery_schema", "FBS");
        p.put("is_presortable", false);
        ObjectNode requirements = p.putObject("requirements");
        for (String list : List.of("products_requiring_gtd", "products_requiring_country",
                "products_requiring_mandatory_mark", "products_requiring_rnpt", "products_requiring_jw_uin",
                "products_requiring_change_country", "products_requiring_imei", "products_requiring_weight")) {
            requirements.putArray(list);
        }
        ObjectNode barcodes = p.putObject("barcodes");
        String barcode = "6" + String.format("%014d", orderId % 100_000_000_000_000L);
        barcodes.put("upper_barcode", barcode);
        barcodes.put("lower_barcode", barcode);
        ObjectNode analytics = p.putObject("analytics_data");
        analytics.put("region", "Москва");
        analytics.put("city", "Москва");
        analytics.put("delivery_type", "PVZ");
        analytics.put("is_premium", false);
        analytics.put("payment_type_group_name", "картой онлайн");
        analytics.put("warehouse_id", warehouse.id());
        analytics.put("warehouse", warehouse.name());
        analytics.put("tpl_provider_id", 24);
        analytics.put("tpl_provider", "Доставка Ozon");
        analytics.put("delivery_date_begin", OzonJson.format(shipmentDate.plus(Duration.ofDays(1))));
        analytics.put("delivery_date_end", OzonJson.format(shipmentDate.plus(Duration.ofDays(3))));
        analytics.put("is_legal", false);
        ObjectNode financial = p.putObject("financial_data");
        financial.set("products", finance);
        financial.put("cluster_from", "Москва, МО и Дальние регионы");
        financial.put("cluster_to", "Москва, МО и Дальние регионы");
        ObjectNode legal = p.putObject("legal_info");
        legal.put("company_name", "");
        legal.put("inn", "");
        legal.put("kpp", "");
        return p;
    }

    /** Ozon gives FBS sellers until the next day's 14:00 UTC (17:00 Moscow) to assemble. */
    private static Instant shipmentDate(Instant inProcessAt) {
        return inProcessAt.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(24 + 14));
    }

    private static ObjectNode product(Line line) {
        ObjectNode product = OzonJson.object();
        product.put("sku", line.offer().sku());
        product.put("offer_id", line.offer().offerId());
        product.put("name", productName(line.offer()));
        product.put("quantity", line.quantity());
        ObjectNode price = product.putObject("price");
        price.put("amount", money(line.offer().item().price()));
        price.put("currency", "RUB");
        product.putArray("imei");
        product.put("is_blr_traceable", false);
        product.put("is_marketplace_buyout", false);
        return product;
    }

    private static ObjectNode financialProduct(Line line) {
        BigDecimal price = line.offer().item().price();
        BigDecimal commission = price.multiply(BigDecimal.valueOf(15)).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP);
        ObjectNode f = OzonJson.object();
        f.put("product_id", line.offer().sku());
        f.put("price", price.doubleValue());
        f.put("old_price", price.doubleValue());
        f.put("payout", price.subtract(commission).doubleValue());
        ObjectNode commissionNode = f.putObject("commission");
        commissionNode.put("amount", commission.doubleValue());
        commissionNode.put("currency", "RUB");
        commissionNode.put("percent", 15);
        ObjectNode customerPrice = f.putObject("customer_price");
        customerPrice.put("amount", money(price));
        customerPrice.put("currency", "RUB");
        f.put("total_discount_value", 0.0);
        f.put("total_discount_percent", 0.0);
        f.put("quantity", line.quantity());
        f.putArray("actions");
        return f;
    }

    private static String productName(OzonOffer offer) {
        SandboxData.Item item = offer.item();
        return item.characteristicName() == null ? item.name() : item.name() + ", " + item.characteristicName();
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
