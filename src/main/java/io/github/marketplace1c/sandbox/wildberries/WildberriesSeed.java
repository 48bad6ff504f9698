package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.WildberriesAccount;
import io.github.marketplace1c.sandbox.SandboxData.WildberriesCard;
import io.github.marketplace1c.sandbox.SandboxData.WildberriesWarehouse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox's deterministic WB assembly orders: for each of {@link SandboxData#WB_ACCOUNTS} 20–30 orders created
 * between 2026-10-28 and 2026-11-06 (so some predate the go-live on 2026-11-01 Moscow), each one unit of one card
 * priced as in 1C (in kopecks), among them:
 * <ul>
 * <li>three cancelled by the buyer ({@code canceled_by_client}, the seller's status {@code new} or {@code confirm});</li>
 * <li>two or three after go-live, not cancelled, of a card nobody has mapped yet;</li>
 * <li>two or three buyer carts: 2–3 orders sharing one {@code orderUid} and the minute they were created (one cart
 * holds two units of the same size, so a client sees the same {@code chrtId} twice in one cart);</li>
 * <li>the rest {@code new}/{@code confirm}/{@code complete} with a WB status to match.</li>
 * </ul>
 * Same {@link Random} seed, same orders, on every machine.
 */
public final class WildberriesSeed {

    /** A seeded order with its account's token, its statuses and when they last changed. */
    public record SeededOrder(String token, ObjectNode order, String supplierStatus, String wbStatus,
                              Instant statusChangedAt) {

        public long id() {
            return order.get("id").asLong();
        }

        public Instant createdAt() {
            return WildberriesJson.parse(order.get("createdAt").asText());
        }
    }

    static final Instant FIRST = Instant.parse("2026-10-28T00:00:00Z");
    static final Instant LAST = Instant.parse("2026-11-07T00:00:00Z");
    /** WB's office (WB warehouse) the sandbox sellers' warehouses are tied to. */
    static final long OFFICE_ID = 507;
    static final String OFFICE = "Коледино";
    private static final long RANDOM_SEED = 20261101L;
    private static final int CANCELLED_PER_ACCOUNT = 3;

    private WildberriesSeed() {
    }

    /** Fresh copies of the seeded orders of all accounts, each account's in id (= creation) order. */
    public static List<SeededOrder> orders() {
        Random random = new Random(RANDOM_SEED);
        List<SeededOrder> result = new ArrayList<>();
        for (int i = 0; i < SandboxData.WB_ACCOUNTS.size(); i++) {
            result.addAll(accountOrders(SandboxData.WB_ACCOUNTS.get(i), i, random));
        }
        return result;
    }

    /** The seeded orders of one account, by its token. */
    public static List<SeededOrder> orders(String token) {
        return orders().stream().filter(o -> o.token().equals(token)).toList();
    }

    public static void loadInto(WildberriesOrders store) {
        for (SeededOrder o : orders()) {
            store.add(o.token(), o.order(), o.supplierStatus(), o.wbStatus(), o.statusChangedAt());
        }
    }

    public static List<WildberriesWarehouse> warehousesOf(WildberriesAccount account) {
        return SandboxData.WB_WAREHOUSES.stream().filter(w -> w.accountId().equals(account.id())).toList();
    }

    /** The account's go-live as an instant: its date at 00:00 Moscow time. */
    public static Instant goLive(WildberriesAccount account) {
        return account.goLiveDate().atStartOfDay(ZoneId.of("Europe/Moscow")).toInstant();
    }

    private static List<SeededOrder> accountOrders(WildberriesAccount account, int accountIndex, Random random) {
        List<WildberriesWarehouse> warehouses = warehousesOf(account);
        List<WildberriesCard> mapped = SandboxData.WB_CARDS.stream().filter(WildberriesCard::mapped).toList();
        List<WildberriesCard> unmapped = SandboxData.WB_CARDS.stream().filter(c -> !c.mapped()).toList();

        // carts first: a cart is one buyer's purchase; most hold one order, a few hold two or three
        int total = 20 + random.nextInt(11);
        int multiCarts = 2 + random.nextInt(2);
        List<Integer> multiSizes = new ArrayList<>();
        for (int k = 0; k < multiCarts; k++) {
            multiSizes.add(2 + random.nextInt(2));
        }
        int cartCount = total - multiSizes.stream().mapToInt(Integer::intValue).sum() + multiCarts;
        long spanMinutes = Duration.between(FIRST, LAST).toMinutes();
        List<Instant> cartTimes = new ArrayList<>();
        for (int c = 0; c < cartCount; c++) {
            cartTimes.add(FIRST.plus(Duration.ofMinutes(random.nextLong(spanMinutes))));
        }
        cartTimes.sort(null);
        List<Integer> multiCartIndexes = new ArrayList<>(distinctIndexes(random, cartCount, multiCarts, Set.of()));

        // expand carts into orders: same orderUid, created within the same minute a few seconds apart
        List<Instant> createdAt = new ArrayList<>();
        List<Integer> cartOf = new ArrayList<>();
        for (int c = 0; c < cartCount; c++) {
            int pos = multiCartIndexes.indexOf(c);
            int size = pos < 0 ? 1 : multiSizes.get(pos);
            for (int j = 0; j < size; j++) {
                createdAt.add(cartTimes.get(c).plusSeconds(7L * j + random.nextInt(5)));
                cartOf.add(c);
            }
        }

        Set<Integer> cancelled = distinctIndexes(random, total, CANCELLED_PER_ACCOUNT, Set.of());
        // unmapped cards only after go-live and never cancelled, so every sandbox run shows their dead letters
        Instant goLive = goLive(account);
        Set<Integer> excluded = new HashSet<>(cancelled);
        for (int i = 0; i < total; i++) {
            if (createdAt.get(i).isBefore(goLive)) {
                excluded.add(i);
            }
        }
        Set<Integer> withUnmapped = distinctIndexes(random, total, 2 + random.nextInt(2), excluded);

        List<SeededOrder> result = new ArrayList<>();
        String cartUid = null;
        int previousCart = -1;
        WildberriesCard previousCard = null;
        int cartPosition = 0;
        for (int i = 0; i < total; i++) {
            WildberriesWarehouse warehouse = warehouses.get(random.nextInt(warehouses.size()));
            if (cartOf.get(i) != previousCart) {
                previousCart = cartOf.get(i);
                cartUid = (150_000_000L + random.nextInt(50_000_000)) + "_"
                        + hex(SandboxData.guid("wb-order-uid", account.id() + "/" + previousCart));
                cartPosition = 0;
            } else {
                cartPosition++;
            }
            WildberriesCard card;
            if (withUnmapped.contains(i)) {
                card = unmapped.get(random.nextInt(unmapped.size()));
            } else if (cartPosition == 1 && multiCartIndexes.get(1).equals(cartOf.get(i)) && previousCard.mapped()) {
                card = previousCard; // a second unit of the same size: WB makes it a separate assembly order
            } else {
                card = mapped.get(random.nextInt(mapped.size()));
            }
            previousCard = card;
            long id = 4_100_000_000L + accountIndex * 10_000_000L + i * 1_337L;
            String rid = hex(SandboxData.guid("wb-rid", account.id() + "/" + id));
            ObjectNode order = order(id, rid, cartUid, createdAt.get(i), warehouse, card);

            Instant created = createdAt.get(i);
            String supplierStatus;
            String wbStatus;
            Instant changedAt;
            if (cancelled.contains(i)) {
                supplierStatus = random.nextBoolean() ? "new" : "confirm";
                wbStatus = "canceled_by_client";
                changedAt = created.plus(Duration.ofHours(2));
            } else {
                String[] statuses = statusesFor(random, created);
                supplierStatus = statuses[0];
                wbStatus = statuses[1];
                changedAt = supplierStatus.equals("new") ? created : created.plus(Duration.ofHours(6));
            }
            if (!supplierStatus.equals("new")) {
                order.put("supplyId", supplyId(warehouse.id(), created));
            }
            if (supplierStatus.equals("complete")) {
                order.put("scanPrice", order.get("price").asLong()); // WB fills it once it has accepted the parcel
            }
            result.add(new SeededOrder(account.token(), order, supplierStatus, wbStatus, changedAt));
        }
        return result;
    }

    /** Newer orders are still new or on assembly; older ones may be on their way or sold. */
    private static String[] statusesFor(Random random, Instant createdAt) {
        int roll = random.nextInt(100);
        if (!createdAt.isBefore(Instant.parse("2026-11-05T00:00:00Z"))) {
            return roll < 70 ? new String[]{"new", "waiting"} : new String[]{"confirm", "waiting"};
        }
        if (roll < 15) {
            return new String[]{"new", "waiting"};
        } else if (roll < 40) {
            return new String[]{"confirm", "waiting"};
        } else if (roll < 65) {
            return new String[]{"complete", "sorted"};
        } else if (roll < 85) {
            return new String[]{"complete", "sold"};
        }
        return new String[]{"complete", "ready_for_pickup"};
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
     * An assembly order with every field of both WB list shapes (the endpoints drop what a shape lacks): one unit
     * of one card, money in kopecks (the 1C price × 100) in roubles (currency 643). Tests and demos use it to add
     * orders of their own.
     */
    public static ObjectNode order(long id, String rid, String orderUid, Instant createdAt,
                                   WildberriesWarehouse warehouse, WildberriesCard card) {
        long kopecks = kopecks(card);
        ObjectNode o = WildberriesJson.object();
        o.putNull("address"); // only for deliveries straight to the buyer, not FBS to a WB office
        o.put("salePrice", kopecks);
        o.putArray("requiredMeta");
        o.putArray("optionalMeta");
        o.put("deliveryType", "fbs");
        o.put("comment", "");
        o.putNull("scanPrice");
        o.put("orderUid", orderUid);
        o.put("article", card.vendorCode());
        o.put("rid", rid);
        o.put("createdAt", WildberriesJson.format(createdAt));
        o.putArray("offices").add(OFFICE);
        o.putArray("skus").add(card.barcode());
        o.put("id", id);
        o.put("warehouseId", warehouse.id());
        o.put("officeId", OFFICE_ID);
        o.put("nmId", card.nmId());
        o.put("chrtId", card.chrtId());
        o.put("price", kopecks);
        o.put("finalPrice", kopecks);
        o.put("convertedPrice", kopecks);
        o.put("convertedFinalPrice", kopecks);
        o.put("currencyCode", 643);
        o.put("convertedCurrencyCode", 643);
        o.put("cargoType", 1);
        o.put("crossBorderType", 0);
        o.put("isZeroOrder", false);
        o.put("isPickupPointShipmentAllowed", true);
        o.putObject("options").put("isB2B", false);
        return o;
    }

    /** The card's 1C price in kopecks: WB's integer money (price × 100). */
    public static long kopecks(WildberriesCard card) {
        return card.item().price().movePointRight(2).longValueExact();
    }

    /** WB names supplies {@code WB-GI-<number>}; the sandbox makes one per warehouse and day. */
    static String supplyId(long warehouseId, Instant createdAt) {
        long day = createdAt.truncatedTo(ChronoUnit.DAYS).getEpochSecond() / 86_400;
        return "WB-GI-" + (warehouseId % 10_000 * 100_000 + day % 100_000);
    }

    private static String hex(String guid) {
        return guid.replace("-", "");
    }
}
