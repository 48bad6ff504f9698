package io.github.marketplace1c.sandbox.ozon;

import io.github.marketplace1c.sandbox.SandboxData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's product catalogue: every {@link SandboxData#OZON_OFFERS} entry, then every
 * {@link SandboxData#CATALOG_OFFERS} entry (in no order: the mapping workbench's material), with a stable Ozon
 * {@code product_id} ({@link #FIRST_PRODUCT_ID} + its index), name, barcodes and SKU, shared by all seller cabinets as
 * the seeded postings are. Tests and benchmarks may {@link #register} more offers; they get the next ids. Thread-safe.
 */
public final class OzonProducts {

    /** The {@code product_id} of the first seeded offer; the n-th (0-based) gets this + n. */
    public static final long FIRST_PRODUCT_ID = 900_000_000L;

    private static final Map<String, Long> SEEDED = new HashMap<>();

    /** The SKU of the n-th (0-based) CATALOG_OFFERS entry is this + n. */
    public static final long FIRST_CATALOG_SKU = 1_870_000_101L;

    /** What {@code /v3/product/info/list} tells of an offer besides its ids. */
    public record Info(String name, List<String> barcodes, long sku) {
    }

    static {
        for (int i = 0; i < SandboxData.OZON_OFFERS.size(); i++) {
            SEEDED.put(SandboxData.OZON_OFFERS.get(i).offerId(), FIRST_PRODUCT_ID + i);
        }
        for (int i = 0; i < SandboxData.CATALOG_OFFERS.size(); i++) {
            SEEDED.put(SandboxData.CATALOG_OFFERS.get(i).offerId(), FIRST_PRODUCT_ID + SandboxData.OZON_OFFERS.size() + i);
        }
    }

    /** Every offer_id the emulator starts with, in product_id order: the ordered offers, then the catalog-only ones. */
    public static List<String> seededOfferIds() {
        List<String> ids = new ArrayList<>();
        SandboxData.OZON_OFFERS.forEach(o -> ids.add(o.offerId()));
        SandboxData.CATALOG_OFFERS.forEach(o -> ids.add(o.offerId()));
        return ids;
    }

    /** The stable {@code product_id} of a seeded offer, e.g. {@code productId("RM-TEA-001")} = 900000000. */
    public static long productId(String offerId) {
        Long id = SEEDED.get(offerId);
        if (id == null) {
            throw new IllegalArgumentException("not a seeded Ozon offer: " + offerId);
        }
        return id;
    }

    /** offer_id → product_id, in product_id order (ids are FIRST_PRODUCT_ID + position, no gaps). */
    private final Map<String, Long> idByOffer = new LinkedHashMap<>();
    private final List<String> offerByIndex = new ArrayList<>();
    private final Map<String, BigDecimal> seedPrice = new HashMap<>();
    private final Map<String, Info> info = new HashMap<>();

    OzonProducts() {
        for (SandboxData.OzonOffer offer : SandboxData.OZON_OFFERS) {
            register(offer.offerId());
            seedPrice.put(offer.offerId(), offer.item().price());
            SandboxData.Item item = offer.item();
            info.put(offer.offerId(), new Info(item.characteristicName() == null ? item.name()
                    : item.name() + ", " + item.characteristicName(), List.of(item.barcode()), offer.sku()));
        }
        for (int i = 0; i < SandboxData.CATALOG_OFFERS.size(); i++) {
            SandboxData.CatalogOffer offer = SandboxData.CATALOG_OFFERS.get(i);
            register(offer.offerId());
            info.put(offer.offerId(), new Info(offer.name(), offer.barcodes(), FIRST_CATALOG_SKU + i));
        }
    }

    /** Name, barcodes and SKU of an offer in the catalogue (a registered one: its offer_id as name, no barcode). */
    public synchronized Info info(String offerId) {
        Info known = info.get(offerId);
        if (known != null) {
            return known;
        }
        Long id = idByOffer.get(offerId);
        return id == null ? null : new Info(offerId, List.of(), id + 1_000_000_000L);
    }

    /** Sets what {@code /v3/product/info/list} tells of an offer (tests: barcodes of their own). */
    public synchronized void describe(String offerId, String name, List<String> barcodes) {
        long id = register(offerId);
        info.put(offerId, new Info(name, List.copyOf(barcodes), id + 1_000_000_000L));
    }

    /** The offer_id of an Ozon SKU, or null. */
    public synchronized String offerOfSku(long sku) {
        for (Map.Entry<String, Info> entry : info.entrySet()) {
            if (entry.getValue().sku() == sku) {
                return entry.getKey();
            }
        }
        for (String offerId : offerByIndex) {
            if (info(offerId).sku() == sku) {
                return offerId;
            }
        }
        return null;
    }

    /** Adds an offer to the catalogue (idempotent) and returns its product_id. */
    public synchronized long register(String offerId) {
        Long known = idByOffer.get(offerId);
        if (known != null) {
            return known;
        }
        long id = FIRST_PRODUCT_ID + offerByIndex.size();
        idByOffer.put(offerId, id);
        offerByIndex.add(offerId);
        return id;
    }

    /** The product_id of an offer in the catalogue, or null. */
    public synchronized Long find(String offerId) {
        return idByOffer.get(offerId);
    }

    /** The offer_id of a product_id in the catalogue, or null. */
    public synchronized String offerOf(long productId) {
        long index = productId - FIRST_PRODUCT_ID;
        return index < 0 || index >= offerByIndex.size() ? null : offerByIndex.get((int) index);
    }

    public synchronized int size() {
        return offerByIndex.size();
    }

    /** Offers from position {@code from} on, at most {@code max}. */
    synchronized List<String> slice(int from, int max) {
        int end = (int) Math.min(offerByIndex.size(), (long) from + max);
        return from >= end ? List.of() : List.copyOf(offerByIndex.subList(from, end));
    }

    /** The sandbox item's 1C price, Ozon's price of a seeded offer before any update; null for registered ones. */
    BigDecimal seedPrice(String offerId) {
        return seedPrice.get(offerId);
    }
}
