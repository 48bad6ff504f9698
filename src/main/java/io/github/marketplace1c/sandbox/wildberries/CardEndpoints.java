package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /content/v2/get/cards/list} (content-api): the cabinet's cards sorted by {@code updatedAt}
 * ({@code settings.sort.ascending}, descending by default, then nmID), {@code settings.cursor.limit} of them (1..100,
 * 10 by default) after the cursor's {@code updatedAt} + {@code nmID}; the answer's {@code cursor} names the last card
 * and {@code total} how many this page holds (fewer than the limit: the last page). {@code filter.textSearch} finds a
 * vendorCode, nmID or barcode. A bad body is the content service's 400 {@code {"data":null,"error":true,...}}.
 */
final class CardEndpoints {

    static final int MAX_LIMIT = 100;

    private final WildberriesCards cards;

    CardEndpoints(WildberriesCards cards) {
        this.cards = cards;
    }

    ObjectNode list(String token, MultiMap query, String body) {
        JsonNode request;
        try {
            request = WildberriesJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (Exception e) {
            throw WildberriesApiException.pricesBadRequest("Некорректный запрос: тело не JSON");
        }
        JsonNode settings = request.path("settings");
        JsonNode cursor = settings.path("cursor");
        int limit = 10;
        if (cursor.has("limit")) {
            JsonNode node = cursor.get("limit");
            if (!node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > MAX_LIMIT) {
                throw WildberriesApiException.pricesBadRequest("Некорректный запрос: limit должен быть от 1 до "
                        + MAX_LIMIT);
            }
            limit = node.asInt();
        }
        boolean ascending = settings.path("sort").path("ascending").asBoolean(false);
        Instant afterTime = null;
        long afterNmId = 0;
        if (cursor.hasNonNull("updatedAt") && !cursor.path("updatedAt").asText().isEmpty()) {
            try {
                afterTime = Instant.parse(cursor.path("updatedAt").asText());
            } catch (Exception e) {
                throw WildberriesApiException.pricesBadRequest("Некорректный запрос: cursor.updatedAt "
                        + cursor.path("updatedAt").asText());
            }
            afterNmId = cursor.path("nmID").asLong(0);
        }
        String search = settings.path("filter").path("textSearch").asText("");
        List<WildberriesCards.Card> all = new ArrayList<>(cards.sorted());
        if (!ascending) {
            Collections.reverse(all);
        }
        ObjectNode answer = WildberriesJson.object();
        ArrayNode list = answer.putArray("cards");
        WildberriesCards.Card last = null;
        for (WildberriesCards.Card card : all) {
            if (list.size() == limit) {
                break;
            }
            if (afterTime != null) {
                int order = card.updatedAt().compareTo(afterTime);
                order = order != 0 ? order : Long.compare(card.nmId(), afterNmId);
                if (ascending ? order <= 0 : order >= 0) {
                    continue;
                }
            }
            if (!search.isEmpty() && !matches(card, search)) {
                continue;
            }
            list.add(card(card));
            last = card;
        }
        ObjectNode next = answer.putObject("cursor");
        if (last != null) {
            next.put("updatedAt", WildberriesJson.format(last.updatedAt()));
            next.put("nmID", last.nmId());
        }
        next.put("total", list.size());
        return answer;
    }

    private static boolean matches(WildberriesCards.Card card, String search) {
        return card.vendorCode().equalsIgnoreCase(search) || Long.toString(card.nmId()).equals(search)
                || card.sizes().stream().anyMatch(s -> s.barcodes().contains(search));
    }

    private static ObjectNode card(WildberriesCards.Card card) {
        ObjectNode node = WildberriesJson.object();
        node.put("nmID", card.nmId());
        node.put("imtID", card.nmId() + 100_000_000L);
        node.put("nmUUID", UUID.nameUUIDFromBytes(("wb-card-" + card.nmId()).getBytes()).toString());
        node.put("subjectID", 105);
        node.put("subjectName", "Товары для дома");
        node.put("vendorCode", card.vendorCode());
        node.put("brand", card.brand());
        node.put("title", card.title());
        node.put("description", card.title());
        node.put("needKiz", false);
        node.put("kizMarked", false);
        node.putArray("photos");
        ObjectNode dimensions = node.putObject("dimensions");
        dimensions.put("length", 20);
        dimensions.put("width", 15);
        dimensions.put("height", 10);
        dimensions.put("weightBrutto", 0.5);
        dimensions.put("isValid", true);
        node.putArray("characteristics");
        ArrayNode sizes = node.putArray("sizes");
        for (WildberriesCards.Size size : card.sizes()) {
            ObjectNode s = sizes.addObject();
            s.put("chrtID", size.chrtId());
            s.put("techSize", size.techSize());
            s.put("wbSize", "0".equals(size.techSize()) ? "" : size.techSize());
            ArrayNode skus = s.putArray("skus");
            size.barcodes().forEach(skus::add);
        }
        node.putArray("tags");
        node.put("createdAt", WildberriesJson.format(card.updatedAt().minusSeconds(86_400)));
        node.put("updatedAt", WildberriesJson.format(card.updatedAt()));
        return node;
    }
}
