package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stock and price writes: {@code PUT v2/campaigns/{campaignId}/offers/stocks} and
 * {@code POST v2/businesses/{businessId}/offer-prices/updates}. Both are all-or-nothing: any bad row is a 400
 * {@code {"status":"ERROR","errors":[…]}} and nothing is applied; unknown offers are named one error each
 * ({@code OFFER_NOT_FOUND}). O(items) over hash sets.
 */
final class OfferEndpoints {

    static final int STOCKS_MAX_SKUS = 2000;
    static final long MAX_COUNT = 2_000_000_000L;
    static final int PRICES_MAX_OFFERS = 500;
    private static final BigDecimal MAX_BESTSELLER = new BigDecimal("100000000");
    private static final BigDecimal MIN_DISCOUNT = new BigDecimal("0.05");
    private static final BigDecimal MAX_DISCOUNT = new BigDecimal("0.99");

    private final Set<String> catalogue = ConcurrentHashMap.newKeySet();
    private final YandexMarketStocks stocks;
    private final YandexMarketPrices prices;
    private final Clock clock;

    OfferEndpoints(YandexMarketStocks stocks, YandexMarketPrices prices, Clock clock) {
        this.stocks = stocks;
        this.prices = prices;
        this.clock = clock;
        SandboxData.YM_OFFERS.forEach(o -> catalogue.add(o.offerId()));
    }

    void addOffer(String offerId) {
        catalogue.add(offerId);
    }

    /** How many items a request body counts against an item quota: the size of its array, 0 if it has none. */
    static int items(JsonNode body, String field) {
        JsonNode array = body.path(field);
        return array.isArray() ? array.size() : 0;
    }

    // ---- PUT v2/campaigns/{campaignId}/offers/stocks -------------------------------------------------------

    ObjectNode stocks(long campaignId, JsonNode body) {
        JsonNode skus = requireArray(body, "skus", STOCKS_MAX_SKUS);
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>(skus.size() * 2);
        List<YandexMarketStocks.Stock> accepted = new ArrayList<>(skus.size());
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            String where = "skus[" + i + "]";
            JsonNode row = skus.get(i);
            if (!row.isObject()) {
                throw YmApiException.badRequest(where + " must be an object");
            }
            String sku = offerId(row, "sku", where);
            if (!seen.add(sku)) {
                throw new YmApiException(400, "DUPLICATE_OFFER", "Duplicate sku " + sku + ": every sku may occur"
                        + " once per request");
            }
            JsonNode items = row.get("items");
            if (items == null || !items.isArray() || items.size() != 1 || !items.get(0).isObject()) {
                throw YmApiException.badRequest(where + ".items must be an array of exactly one object");
            }
            JsonNode item = items.get(0);
            JsonNode count = item.get("count");
            if (count == null || !count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0
                    || count.asLong() > MAX_COUNT) {
                throw YmApiException.badRequest(where + ".items[0].count must be an integer from 0 to " + MAX_COUNT);
            }
            Instant updatedAt = now;
            JsonNode updated = item.get("updatedAt");
            if (updated != null && !updated.isNull()) {
                try {
                    updatedAt = YmJson.parseDateTime(updated.asText());
                } catch (DateTimeParseException e) {
                    throw YmApiException.badRequest(where + ".items[0].updatedAt is not an ISO 8601 date-time: "
                            + updated.asText());
                }
            }
            if (!catalogue.contains(sku)) {
                unknown.add(sku);
            }
            accepted.add(new YandexMarketStocks.Stock(campaignId, sku, count.asLong(), updatedAt, now));
        }
        if (!unknown.isEmpty()) {
            throw notFound(unknown, "sku");
        }
        stocks.acceptAll(accepted);
        return ok();
    }

    // ---- POST v2/businesses/{businessId}/offer-prices/updates ----------------------------------------------

    ObjectNode prices(long businessId, JsonNode body) {
        JsonNode offers = requireArray(body, "offers", PRICES_MAX_OFFERS);
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>(offers.size() * 2);
        List<YandexMarketPrices.Price> accepted = new ArrayList<>(offers.size());
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            String where = "offers[" + i + "]";
            JsonNode row = offers.get(i);
            if (!row.isObject()) {
                throw YmApiException.badRequest(where + " must be an object");
            }
            String offerId = offerId(row, "offerId", where);
            if (!seen.add(offerId)) {
                throw new YmApiException(400, "DUPLICATE_OFFER", "Duplicate offerId " + offerId
                        + ": every offerId may occur once per request");
            }
            JsonNode price = row.get("price");
            if (price == null || !price.isObject()) {
                throw YmApiException.badRequest(where + ".price is required");
            }
            BigDecimal value = number(price, "value", where + ".price", true);
            JsonNode currency = price.get("currencyId");
            if (currency == null || !currency.isTextual()) {
                throw YmApiException.badRequest(where + ".price.currencyId is required");
            }
            if (!"RUR".equals(currency.asText())) {
                throw YmApiException.badRequest(where + ".price.currencyId " + currency.asText()
                        + " is not the currency of the business: RUR");
            }
            BigDecimal discountBase = number(price, "discountBase", where + ".price", false);
            if (discountBase != null) {
                if (discountBase.stripTrailingZeros().scale() > 0) {
                    throw YmApiException.badRequest(where + ".price.discountBase must be a whole number");
                }
                BigDecimal discount = discountBase.signum() == 0 ? BigDecimal.ZERO
                        : discountBase.subtract(value).divide(discountBase, 4, RoundingMode.HALF_UP);
                if (discount.compareTo(MIN_DISCOUNT) < 0 || discount.compareTo(MAX_DISCOUNT) > 0) {
                    throw YmApiException.badRequest(where + ".price.discountBase " + discountBase.toPlainString()
                            + " against value " + value.toPlainString() + " is a discount outside 5..99%");
                }
            }
            BigDecimal bestseller = number(price, "minimumForBestseller", where + ".price", false);
            if (bestseller != null && bestseller.compareTo(MAX_BESTSELLER) > 0) {
                throw YmApiException.badRequest(where + ".price.minimumForBestseller must not exceed 100000000");
            }
            if (!catalogue.contains(offerId)) {
                unknown.add(offerId);
            }
            accepted.add(new YandexMarketPrices.Price(businessId, offerId, value, "RUR", discountBase, bestseller,
                    now));
        }
        if (!unknown.isEmpty()) {
            throw notFound(unknown, "offerId");
        }
        prices.acceptAll(accepted);
        return ok();
    }

    // ---- checks --------------------------------------------------------------------------------------------

    private static ObjectNode ok() {
        ObjectNode answer = YmJson.object();
        answer.put("status", "OK");
        return answer;
    }

    private static JsonNode requireArray(JsonNode body, String field, int max) {
        JsonNode array = body.get(field);
        if (array == null || !array.isArray()) {
            throw YmApiException.badRequest(field + " is required: an array of 1.." + max + " items");
        }
        if (array.isEmpty() || array.size() > max) {
            throw YmApiException.badRequest(field + " must hold 1.." + max + " items, not " + array.size());
        }
        return array;
    }

    private static String offerId(JsonNode row, String field, String where) {
        JsonNode node = row.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty() || node.asText().length() > 255) {
            throw YmApiException.badRequest(where + "." + field + " must be a string of 1..255 characters");
        }
        return node.asText();
    }

    private static BigDecimal number(JsonNode parent, String field, String where, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw YmApiException.badRequest(where + "." + field + " is required");
            }
            return null;
        }
        if (!node.isNumber() || node.decimalValue().signum() < 0) {
            throw YmApiException.badRequest(where + "." + field + " must be a number, 0 or more");
        }
        return node.decimalValue();
    }

    /** A 400 naming every unknown offer, one {@code OFFER_NOT_FOUND} error each. */
    private static YmApiException notFound(List<String> unknown, String field) {
        YmApiException e = new YmApiException(400, "OFFER_NOT_FOUND", "Offer not found: " + unknown.get(0));
        ObjectNode body = YmJson.object();
        body.put("status", "ERROR");
        ArrayNode errors = body.putArray("errors");
        for (String offerId : unknown) {
            errors.addObject().put("code", "OFFER_NOT_FOUND").put("message", "No offer with " + field + " "
                    + offerId + " in the catalogue; nothing in this request was applied");
        }
        return e.withBody(body);
    }
}
