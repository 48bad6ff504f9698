package io.github.marketplace1c.sandbox.wildberries;

import io.github.marketplace1c.sandbox.SandboxData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's product cards, shared by the sandbox's cabinets as the seeded orders are: the cards of
 * {@link SandboxData#WB_CARDS} (the shirt's three sizes on one card) and one card per
 * {@link SandboxData#CATALOG_OFFERS} entry (nmID {@link #FIRST_CATALOG_NM_ID} + n, one size, chrtID
 * {@link #FIRST_CATALOG_CHRT_ID} + n). Tests may {@link #add} more. Thread-safe.
 */
public final class WildberriesCards {

    public static final long FIRST_CATALOG_NM_ID = 210_000_101L;
    public static final long FIRST_CATALOG_CHRT_ID = 310_000_101L;
    private static final Instant FIRST_UPDATE = Instant.parse("2026-10-01T08:00:00Z");

    /** One size of a card: its chrtID, techSize ("0" for goods without sizes) and barcodes. */
    public record Size(long chrtId, String techSize, List<String> barcodes) {
    }

    /** A product card. */
    public record Card(long nmId, String vendorCode, String title, String brand, List<Size> sizes, Instant updatedAt) {
    }

    private final Map<Long, Card> cards = new LinkedHashMap<>();

    WildberriesCards() {
        Map<Long, List<SandboxData.WildberriesCard>> byNmId = new LinkedHashMap<>();
        SandboxData.WB_CARDS.forEach(c -> byNmId.computeIfAbsent(c.nmId(), n -> new ArrayList<>()).add(c));
        for (List<SandboxData.WildberriesCard> sizes : byNmId.values()) {
            SandboxData.WildberriesCard first = sizes.get(0);
            List<Size> list = sizes.stream().map(c -> new Size(c.chrtId(), c.item().characteristicName() == null ? "0"
                    : c.item().characteristicName().replace("Размер ", ""), List.of(c.barcode()))).toList();
            add(first.nmId(), first.vendorCode(), first.item().name(), list);
        }
        for (int i = 0; i < SandboxData.CATALOG_OFFERS.size(); i++) {
            SandboxData.CatalogOffer offer = SandboxData.CATALOG_OFFERS.get(i);
            add(FIRST_CATALOG_NM_ID + i, offer.offerId(), offer.name(),
                    List.of(new Size(FIRST_CATALOG_CHRT_ID + i, "0", offer.barcodes())));
        }
    }

    /** Adds (or replaces) a card; each one is a minute newer than the last, so updatedAt orders them as added. */
    public synchronized Card add(long nmId, String vendorCode, String title, List<Size> sizes) {
        Card card = new Card(nmId, vendorCode, title, "Ромашка", List.copyOf(sizes),
                FIRST_UPDATE.plusSeconds(60L * cards.size()));
        cards.put(nmId, card);
        return card;
    }

    /** Every card by (updatedAt, nmID), ascending. */
    public synchronized List<Card> sorted() {
        List<Card> list = new ArrayList<>(cards.values());
        list.sort(Comparator.comparing(Card::updatedAt).thenComparingLong(Card::nmId));
        return list;
    }

    public synchronized int size() {
        return cards.size();
    }
}
