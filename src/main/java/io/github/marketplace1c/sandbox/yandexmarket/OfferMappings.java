package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v2/businesses/{businessId}/offer-mappings}: the business's catalog — every {@link SandboxData#YM_OFFERS}
 * offer and every {@link SandboxData#CATALOG_OFFERS} one (marketSku {@link #FIRST_CATALOG_MARKET_SKU} + n), shared by
 * the sandbox's businesses as the seeded orders are; tests may {@link #add} more. Pages of {@code limit} offers (1..100,
 * more is cut to 100, 50 when absent) in catalog order, {@code page_token} (or {@code pageToken}) a keyset of the last
 * position; {@code offerIds} (≤ 100) asks for those offers only, without paging. Thread-safe.
 */
public final class OfferMappings {

    public static final long FIRST_CATALOG_MARKET_SKU = 100_500_000_101L;
    static final int MAX_LIMIT = 100;

    /** One offer of the catalog. */
    public record Offer(String offerId, String name, List<String> barcodes, long marketSku) {
    }

    private final List<Offer> offers = new ArrayList<>();

    OfferMappings() {
        for (SandboxData.YandexMarketOffer offer : SandboxData.YM_OFFERS) {
            SandboxData.Item item = offer.item();
            add(new Offer(offer.offerId(), item.characteristicName() == null ? item.name()
                    : item.name() + ", " + item.characteristicName(), List.of(item.barcode()), offer.marketSku()));
        }
        for (int i = 0; i < SandboxData.CATALOG_OFFERS.size(); i++) {
            SandboxData.CatalogOffer offer = SandboxData.CATALOG_OFFERS.get(i);
            add(new Offer(offer.offerId(), offer.name(), offer.barcodes(), FIRST_CATALOG_MARKET_SKU + i));
        }
    }

    public synchronized void add(Offer offer) {
        offers.add(offer);
    }

    public synchronized int size() {
        return offers.size();
    }

    synchronized ObjectNode list(String pageToken, String limitText, JsonNode body) {
        int limit = 50;
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                throw YmApiException.badRequest("Invalid limit: " + limitText);
            }
            if (limit < 1) {
                throw YmApiException.badRequest("Invalid limit: " + limitText + ", must be at least 1");
            }
            limit = Math.min(limit, MAX_LIMIT);
        }
        Set<String> wanted = new HashSet<>();
        JsonNode ids = body.path("offerIds");
        if (ids.isArray()) {
            if (ids.size() > MAX_LIMIT) {
                throw YmApiException.badRequest("offerIds: at most " + MAX_LIMIT + " offers");
            }
            ids.forEach(id -> wanted.add(id.asText()));
        }
        int from = pageToken == null || pageToken.isBlank() ? 0 : (int) PageToken.decode(pageToken) + 1;
        ObjectNode answer = YmJson.object();
        answer.put("status", "OK");
        ObjectNode result = answer.putObject("result");
        ObjectNode paging = result.putObject("paging");
        ArrayNode list = result.putArray("offerMappings");
        int last = -1;
        for (int i = wanted.isEmpty() ? from : 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            if (!wanted.isEmpty() && !wanted.contains(offer.offerId())) {
                continue;
            }
            if (wanted.isEmpty() && list.size() == limit) {
                break;
            }
            list.add(mapping(offer));
            last = i;
        }
        if (wanted.isEmpty() && last >= 0 && last < offers.size() - 1) {
            paging.put("nextPageToken", PageToken.after(last));
        }
        return answer;
    }

    private static ObjectNode mapping(Offer offer) {
        ObjectNode node = YmJson.object();
        ObjectNode o = node.putObject("offer");
        o.put("offerId", offer.offerId());
        o.put("name", offer.name());
        o.put("vendor", "Ромашка");
        if (!offer.barcodes().isEmpty()) { // the schema wants at least one: an offer without any has no field
            ArrayNode barcodes = o.putArray("barcodes");
            offer.barcodes().forEach(barcodes::add);
        }
        o.put("archived", false);
        ObjectNode m = node.putObject("mapping");
        m.put("marketSku", offer.marketSku());
        m.put("marketSkuName", offer.name());
        m.put("marketCategoryId", 91_491L);
        m.put("marketCategoryName", "Товары для дома");
        return node;
    }
}
