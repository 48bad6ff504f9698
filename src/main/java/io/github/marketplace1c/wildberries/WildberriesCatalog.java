package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.catalog.MarketplaceCatalog;
import io.github.marketplace1c.catalog.MarketplaceProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * A Wildberries cabinet's catalog: its product cards ({@code POST /content/v2/get/cards/list}, 100 a page, the cursor
 * {@code updatedAt}+{@code nmID} of the last answer asks for the next page until {@code cursor.total} is below the
 * limit). A card ({@code nmID}, the seller's {@code vendorCode}) has sizes ({@code chrtID}, {@code techSize}, barcodes
 * in {@code skus}). The product map's key follows the account's {@code settings.productKey}: one product per size
 * (chrtId, barcode) or per card (nmId, article).
 *
 * <p>{@link #nmIdsByChrtId(Account)} gives the chrtID → nmID table of a cabinet (the price export sets prices per card
 * while a cabinet mapped by chrtId keys its products by size); it is read with the cards and kept for {@code maxAge}.
 */
public class WildberriesCatalog implements MarketplaceCatalog {

    static final int PAGE = 100;

    private record Lookup(Map<Long, Long> nmIds, Map<String, String> chrtIdsByBarcode, Instant readAt) {
    }

    private final WildberriesClient client;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

    public WildberriesCatalog(WildberriesClient client, ObjectMapper json, Clock clock, Duration maxAge) {
        this.client = client;
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public String marketplace() {
        return "wildberries";
    }

    /** Every card of the cabinet, page by page, as WB sent them. */
    public List<JsonNode> cards(Account account, IntConsumer progress) {
        List<JsonNode> cards = new ArrayList<>();
        String updatedAt = null;
        Long nmId = null;
        while (true) {
            ObjectNode body = json.createObjectNode();
            ObjectNode settings = body.putObject("settings");
            settings.putObject("sort").put("ascending", true);
            settings.putObject("filter").put("withPhoto", -1);
            ObjectNode cursor = settings.putObject("cursor");
            cursor.put("limit", PAGE);
            if (nmId != null) {
                cursor.put("updatedAt", updatedAt);
                cursor.put("nmID", nmId);
            }
            JsonNode answer = client.cards(account, body);
            answer.path("cards").forEach(cards::add);
            progress.accept(cards.size());
            JsonNode next = answer.path("cursor");
            if (next.path("total").asInt(0) < PAGE || answer.path("cards").isEmpty()) {
                break;
            }
            updatedAt = next.path("updatedAt").asText(null);
            nmId = next.path("nmID").asLong();
        }
        Map<Long, Long> nmIds = new HashMap<>();
        Map<String, String> chrtIds = new HashMap<>();
        for (JsonNode card : cards) {
            for (JsonNode size : card.path("sizes")) {
                nmIds.put(size.path("chrtID").asLong(), card.path("nmID").asLong());
                size.path("skus").forEach(barcode -> chrtIds.put(barcode.asText(), size.path("chrtID").asText()));
            }
        }
        lookups.put(account.id(), new Lookup(Map.copyOf(nmIds), Map.copyOf(chrtIds), clock.instant()));
        return cards;
    }

    /**
     * chrtID → nmID of every size of the cabinet's cards: from the last read if it is younger than {@code maxAge},
     * otherwise read now. The WB price export uses it to turn a chrtId-keyed product map into card prices.
     */
    public Map<Long, Long> nmIdsByChrtId(Account account) {
        return lookup(account).nmIds();
    }

    /**
     * barcode → chrtID of every size of the cabinet's cards (the realization report names sizes by barcode), from
     * the same read as {@link #nmIdsByChrtId(Account)}.
     */
    public Map<String, String> chrtIdsByBarcode(Account account) {
        return lookup(account).chrtIdsByBarcode();
    }

    private Lookup lookup(Account account) {
        Lookup lookup = lookups.get(account.id());
        if (lookup == null || clock.instant().isAfter(lookup.readAt().plus(maxAge))) {
            cards(account, n -> { });
            lookup = lookups.get(account.id());
        }
        return lookup;
    }

    @Override
    public List<MarketplaceProduct> read(Account account, IntConsumer progress) {
        WildberriesOrderTranslator.ProductKey key = WildberriesOrderTranslator.ProductKey.of(
                account.setting("productKey", "chrtId"));
        Map<String, MarketplaceProduct> products = new LinkedHashMap<>();
        for (JsonNode card : cards(account, progress)) {
            long nmId = card.path("nmID").asLong();
            String vendorCode = card.path("vendorCode").asText("");
            String title = card.path("title").asText(null);
            List<String> cardBarcodes = new ArrayList<>();
            for (JsonNode size : card.path("sizes")) {
                List<String> barcodes = new ArrayList<>();
                size.path("skus").forEach(b -> barcodes.add(b.asText()));
                cardBarcodes.addAll(barcodes);
                long chrtId = size.path("chrtID").asLong();
                String techSize = size.path("techSize").asText("");
                String sizeName = techSize.isBlank() || techSize.equals("0") ? null : techSize;
                String ids = "nmID " + nmId + ", chrtID " + chrtId;
                String name = sizeName == null ? title : title + ", " + sizeName;
                switch (key) {
                    case CHRTID -> products.put(Long.toString(chrtId), new MarketplaceProduct(marketplace(), account.id(),
                            Long.toString(chrtId), name, vendorCode, sizeName, barcodes, ids));
                    case BARCODE -> barcodes.forEach(b -> products.putIfAbsent(b, new MarketplaceProduct(marketplace(),
                            account.id(), b, name, vendorCode, sizeName, List.of(b), ids)));
                    default -> { }
                }
            }
            if (key == WildberriesOrderTranslator.ProductKey.NMID || key == WildberriesOrderTranslator.ProductKey.ARTICLE) {
                String productKey = key == WildberriesOrderTranslator.ProductKey.NMID ? Long.toString(nmId) : vendorCode;
                products.putIfAbsent(productKey, new MarketplaceProduct(marketplace(), account.id(), productKey, title,
                        vendorCode, null, cardBarcodes, "nmID " + nmId));
            }
        }
        return new ArrayList<>(products.values());
    }
}
