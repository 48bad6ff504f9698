package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The product reads and writes: {@code /v3/product/list}, {@code /v3/product/info/list}, {@code /v2/products/stocks},
 * {@code /v1/product/import/prices}. Request checks answer 400 code 3 naming the field (as Ozon's gateway does);
 * business rules answer 200 with per-item {@code errors}. Every handler is O(items) over hash maps.
 */
final class ProductEndpoints {

    static final int LIST_MAX_LIMIT = 1000;
    static final int STOCKS_MAX_ITEMS = 100;
    static final int PRICES_MAX_ITEMS = 1000;

    static final String TOO_FREQUENT_CODE = "TOO_MANY_REQUESTS";
    static final String TOO_FREQUENT_MESSAGE = "Stock is updated too frequently";
    static final String PRICE_LIMIT = "error limiting: acquire limit per item: items limit: limit exceeded";

    /** Visibility filters the seeded products pass: they are all on sale. Other values of the enum find nothing. */
    private static final Set<String> VISIBLE = Set.of("ALL", "VISIBLE", "IN_SALE", "MODERATED",
            "VALIDATION_STATE_SUCCESS", "PARTIAL_APPROVED");
    private static final Set<String> VISIBILITIES = Set.of("ALL", "VISIBLE", "INVISIBLE", "EMPTY_STOCK",
            "NOT_MODERATED", "MODERATED", "DISABLED", "STATE_FAILED", "READY_TO_SUPPLY", "VALIDATION_STATE_PENDING",
            "VALIDATION_STATE_FAIL", "VALIDATION_STATE_SUCCESS", "TO_SUPPLY", "IN_SALE", "REMOVED_FROM_SALE",
            "OVERPRICED", "CRITICALLY_OVERPRICED", "EMPTY_BARCODE", "BARCODE_EXISTS", "QUARANTINE", "ARCHIVED",
            "OVERPRICED_WITH_STOCK", "PARTIAL_APPROVED", "AUTO_ARCHIVED", "MANUAL_ARCHIVED", "SEASONAL_AUTO_ARCHIVED",
            "VISIBLE_WITH_FBO_STOCK");
    /** Ozon: the dot separates kopecks, at most two digits after it. */
    private static final Pattern MONEY = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");
    private static final BigDecimal LOW_PRICE = new BigDecimal("400");
    private static final BigDecimal TOP_PRICE = new BigDecimal("10000");
    private static final BigDecimal LOW_MIN_DIFF = new BigDecimal("20");
    private static final BigDecimal TOP_MIN_DIFF = new BigDecimal("500");
    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");
    private static final BigDecimal NINETY_PERCENT = new BigDecimal("0.9");

    private final OzonProducts products;
    private final OzonStocks stocks;
    private final OzonPrices prices;
    private final Clock clock;

    ProductEndpoints(OzonProducts products, OzonStocks stocks, OzonPrices prices, Clock clock) {
        this.products = products;
        this.stocks = stocks;
        this.prices = prices;
        this.clock = clock;
    }

    // ---- /v3/product/list ----------------------------------------------------------------------------------

    /**
     * Products by {@code offer_id}/{@code product_id} (any visibility, at most 1000 ids, one group at a time) or
     * all of them in product_id order, paged by {@code limit} (1..1000, 1000 when absent) and {@code last_id}.
     * {@code last_id} is empty on the last page.
     */
    ObjectNode list(String clientId, JsonNode body) {
        String request = "ProductListRequest";
        JsonNode filter = body.path("filter");
        if (!filter.isMissingNode() && !filter.isNull() && !filter.isObject()) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter: value must be an object");
        }
        List<String> offerIds = stringList(filter, "offer_id", request + ".filter.offer_id");
        List<String> productIds = stringList(filter, "product_id", request + ".filter.product_id");
        String visibility = filter.path("visibility").asText("ALL");
        if (visibility.isEmpty()) {
            visibility = "ALL";
        }
        if (!VISIBILITIES.contains(visibility)) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter.visibility: unknown value "
                    + visibility);
        }
        int limit = LIST_MAX_LIMIT;
        JsonNode limitNode = body.get("limit");
        if (limitNode != null && !limitNode.isNull()) {
            if (!limitNode.canConvertToLong() || !limitNode.isIntegralNumber() || limitNode.asLong() < 1
                    || limitNode.asLong() > LIST_MAX_LIMIT) {
                throw OzonApiException.invalidArgument("invalid " + request + ".limit: value must be inside range [1, "
                        + LIST_MAX_LIMIT + "]");
            }
            limit = limitNode.asInt();
        }
        ObjectNode answer = OzonJson.object();
        ObjectNode result = answer.putObject("result");
        ArrayNode items = result.putArray("items");
        if (!offerIds.isEmpty() || !productIds.isEmpty()) {
            if (!offerIds.isEmpty() && !productIds.isEmpty()) {
                throw OzonApiException.invalidArgument("invalid " + request + ".filter: use either offer_id or"
                        + " product_id, not both");
            }
            List<String> ids = offerIds.isEmpty() ? productIds : offerIds;
            if (ids.size() > LIST_MAX_LIMIT) {
                throw OzonApiException.invalidArgument("invalid " + request + ".filter." + (offerIds.isEmpty()
                        ? "product_id" : "offer_id") + ": value must contain at most " + LIST_MAX_LIMIT + " item(s)");
            }
            Set<String> found = new LinkedHashSet<>();
            for (String id : ids) {
                String offerId = offerIds.isEmpty() ? offerOfProductId(id) : (products.find(id) == null ? null : id);
                if (offerId != null) {
                    found.add(offerId);
                }
            }
            found.forEach(offerId -> item(items, clientId, offerId));
            result.put("total", found.size());
            result.put("last_id", "");
            return answer;
        }
        int total = VISIBLE.contains(visibility) ? products.size() : 0;
        int from = 0;
        String lastId = body.path("last_id").asText("");
        if (!lastId.isEmpty()) {
            from = (int) (decodeLastId(lastId, request) - OzonProducts.FIRST_PRODUCT_ID + 1);
        }
        List<String> page = total == 0 ? List.of() : products.slice(Math.max(from, 0), limit);
        page.forEach(offerId -> item(items, clientId, offerId));
        boolean more = total > 0 && Math.max(from, 0) + page.size() < total;
        result.put("total", total);
        result.put("last_id", more ? encodeLastId(products.find(page.get(page.size() - 1))) : "");
        return answer;
    }

    private void item(ArrayNode items, String clientId, String offerId) {
        ObjectNode item = items.addObject();
        item.put("product_id", products.find(offerId));
        item.put("offer_id", offerId);
        item.put("has_fbo_stocks", false);
        item.put("has_fbs_stocks", stocks.hasStock(clientId, offerId));
        item.put("archived", false);
        item.put("is_discounted", false);
        item.putArray("quants");
    }

    private String offerOfProductId(String text) {
        try {
            return products.offerOf(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Like Ozon's: base64 of {@code [product_id,product_id]}. */
    static String encodeLastId(long productId) {
        return Base64.getEncoder().encodeToString(("[" + productId + "," + productId + "]")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeLastId(String lastId, String request) {
        try {
            String text = new String(Base64.getDecoder().decode(lastId), StandardCharsets.UTF_8);
            if (!text.matches("\\[\\d{1,18},\\d{1,18}]")) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(1, text.indexOf(',')));
        } catch (IllegalArgumentException e) {
            throw OzonApiException.invalidArgument("invalid " + request + ".last_id: " + lastId);
        }
    }

    // ---- /v3/product/info/list -----------------------------------------------------------------------------

    static final int INFO_MAX_IDS = 1000;

    /**
     * Products by {@code offer_id}, {@code product_id} and/or {@code sku} (at most 1000 ids together, at least one):
     * id, offer_id, name, barcodes, sku, prices and flags; unknown ids are left out of {@code items}, as Ozon does.
     */
    ObjectNode info(String clientId, JsonNode body) {
        String request = "GetProductInfoListRequest";
        List<String> offerIds = stringList(body, "offer_id", request + ".offer_id");
        List<String> productIds = stringList(body, "product_id", request + ".product_id");
        List<String> skus = stringList(body, "sku", request + ".sku");
        int given = offerIds.size() + productIds.size() + skus.size();
        if (given == 0) {
            throw OzonApiException.invalidArgument("invalid " + request + ": offer_id, product_id or sku is required");
        }
        if (given > INFO_MAX_IDS) {
            throw OzonApiException.invalidArgument("invalid " + request + ": at most " + INFO_MAX_IDS
                    + " identifiers in one request");
        }
        Set<String> found = new LinkedHashSet<>();
        for (String offerId : offerIds) {
            if (products.find(offerId) != null) {
                found.add(offerId);
            }
        }
        for (String id : productIds) {
            String offerId = offerOfProductId(id);
            if (offerId != null) {
                found.add(offerId);
            }
        }
        for (String sku : skus) {
            try {
                String offerId = products.offerOfSku(Long.parseLong(sku.trim()));
                if (offerId != null) {
                    found.add(offerId);
                }
            } catch (NumberFormatException e) {
                throw OzonApiException.invalidArgument("invalid " + request + ".sku: " + sku + " is not a number");
            }
        }
        ObjectNode answer = OzonJson.object();
        ArrayNode items = answer.putArray("items");
        String now = OzonJson.format(clock.instant());
        for (String offerId : found) {
            OzonProducts.Info info = products.info(offerId);
            ObjectNode item = items.addObject();
            item.put("id", products.find(offerId));
            item.put("offer_id", offerId);
            item.put("name", info.name());
            ArrayNode barcodes = item.putArray("barcodes");
            info.barcodes().forEach(barcodes::add);
            item.put("sku", info.sku());
            item.put("created_at", "2026-09-15T09:00:00Z");
            item.put("updated_at", now);
            item.put("currency_code", "RUB");
            OzonPrices.Price price = prices.current(clientId, offerId).orElse(null);
            BigDecimal current = price != null && price.price() != null ? price.price() : products.seedPrice(offerId);
            item.put("price", current == null ? "" : OzonSeed.money(current));
            item.put("old_price", price == null || price.oldPrice() == null ? "" : OzonSeed.money(price.oldPrice()));
            item.put("min_price", price == null || price.minPrice() == null ? "" : OzonSeed.money(price.minPrice()));
            item.put("vat", "0.2");
            item.put("is_archived", false);
            item.put("is_autoarchived", false);
            item.put("is_discounted", false);
            item.put("is_kgt", false);
            item.put("is_prepayment_allowed", true);
            item.put("is_super", false);
            item.put("has_discounted_fbo_item", false);
            item.put("discounted_fbo_stocks", 0);
            item.put("description_category_id", 17_028_922L);
            item.put("type_id", 91_565L);
            for (String list : List.of("images", "images360", "color_image", "primary_image", "errors", "commissions",
                    "promotions", "sources")) {
                item.putArray(list);
            }
        }
        return answer;
    }

    // ---- /v2/products/stocks -------------------------------------------------------------------------------

    /**
     * Sets available stock per product × warehouse. At most 100 rows; {@code product_id}, {@code stock} and
     * {@code warehouse_id} are required (400 otherwise). If {@code offer_id} is given it wins over product_id.
     * Per-item errors: {@code offer_id_not_found} (unknown offer_id), {@code NOT_FOUND_ERROR} (only an unknown
     * product_id), {@code WAREHOUSE_NOT_FOUND} (not this seller's), {@code STOCK_TOO_BIG} (≥ 1 000 000), an armed
     * rejection, {@code TOO_MANY_REQUESTS} "Stock is updated too frequently" (same pair accepted < 30 s ago).
     */
    ObjectNode stocks(String clientId, JsonNode body) {
        String request = "ProductsStocksRequest";
        JsonNode rows = requireArray(body, "stocks", request + ".Stocks");
        if (rows.size() > STOCKS_MAX_ITEMS) {
            throw OzonApiException.invalidArgument("invalid " + request + ".Stocks: value must contain at most "
                    + STOCKS_MAX_ITEMS + " item(s)");
        }
        // check the whole request first: a 400 leaves nothing half-applied
        for (int i = 0; i < rows.size(); i++) {
            String field = request + ".Stocks[" + i + "]";
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                throw OzonApiException.invalidArgument("invalid " + field + ": value must be an object");
            }
            requireLong(row, "product_id", field + ".ProductId", 0);
            requireLong(row, "stock", field + ".Stock", 0);
            if (requireLong(row, "warehouse_id", field + ".WarehouseId", 1) == 0) {
                throw OzonApiException.invalidArgument("invalid " + field + ".WarehouseId: value must be greater"
                        + " than 0");
            }
            optionalString(row, "offer_id", field + ".OfferId");
        }
        Instant now = clock.instant();
        ObjectNode answer = OzonJson.object();
        ArrayNode result = answer.putArray("result");
        for (JsonNode row : rows) {
            String offerId = row.path("offer_id").asText("");
            long productId = row.get("product_id").asLong();
            long warehouseId = row.get("warehouse_id").asLong();
            long stock = row.get("stock").asLong();
            ObjectNode out = result.addObject();
            String error = null;
            String message = null;
            String resolved;
            if (!offerId.isEmpty()) {
                Long id = products.find(offerId);
                resolved = id == null ? null : offerId;
                if (id == null) {
                    error = "offer_id_not_found";
                    message = "Product with offer_id " + offerId + " not found";
                } else {
                    productId = id;
                }
            } else {
                resolved = products.offerOf(productId);
                offerId = resolved == null ? "" : resolved;
                if (resolved == null) {
                    error = "NOT_FOUND_ERROR";
                    message = "Product with product_id " + productId + " not found";
                }
            }
            if (error == null && !stocks.hasWarehouse(clientId, warehouseId)) {
                error = "WAREHOUSE_NOT_FOUND";
                message = "Warehouse " + warehouseId + " not found";
            }
            if (error == null && stock >= OzonStocks.MAX_STOCK_EXCLUSIVE) {
                error = "STOCK_TOO_BIG";
                message = "Stock must be less than " + OzonStocks.MAX_STOCK_EXCLUSIVE;
            }
            if (error == null) {
                OzonStocks.Rejection armed = stocks.takeRejection(resolved);
                if (armed != null) {
                    error = armed.code();
                    message = armed.message();
                }
            }
            if (error == null) {
                Instant last = stocks.lastUpdate(clientId, resolved, warehouseId);
                if (last != null && now.isBefore(last.plus(OzonStocks.MIN_INTERVAL))) {
                    error = TOO_FREQUENT_CODE;
                    message = TOO_FREQUENT_MESSAGE;
                }
            }
            if (error == null) {
                stocks.accept(new OzonStocks.Update(clientId, resolved, productId, warehouseId, stock, now));
            }
            out.put("warehouse_id", warehouseId);
            out.put("product_id", productId);
            out.put("offer_id", offerId);
            out.put("updated", error == null);
            ArrayNode errors = out.putArray("errors");
            if (error != null) {
                errors.addObject().put("code", error).put("message", message);
            }
        }
        return answer;
    }

    // ---- /v1/product/import/prices -------------------------------------------------------------------------

    /**
     * Sets prices; at most 1000 rows, money as strings with a dot and up to two decimals (400 otherwise), an
     * offer named by {@code offer_id} (wins) or {@code product_id}. Per-item errors: {@code NOT_FOUND_ERROR},
     * {@code price_negative}, {@code currency_code_mismatch} (not RUB), the discount rules
     * ({@code discount_for_low_price_is_too_small}, {@code discount_for_average_price_is_too_small},
     * {@code discount_for_top_price_is_too_small}, {@code discount_too_big}) and the 10-per-hour limit.
     */
    ObjectNode prices(String clientId, JsonNode body) {
        String request = "ImportProductsPricesRequest";
        JsonNode rows = requireArray(body, "prices", request + ".Prices");
        if (rows.size() > PRICES_MAX_ITEMS) {
            throw OzonApiException.invalidArgument("invalid " + request + ".Prices: value must contain at most "
                    + PRICES_MAX_ITEMS + " item(s)");
        }
        for (int i = 0; i < rows.size(); i++) {
            String field = request + ".Prices[" + i + "]";
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                throw OzonApiException.invalidArgument("invalid " + field + ": value must be an object");
            }
            String offerId = optionalString(row, "offer_id", field + ".OfferId");
            long productId = optionalLong(row, "product_id", field + ".ProductId");
            if ((offerId == null || offerId.isEmpty()) && productId <= 0) {
                throw OzonApiException.invalidArgument("invalid " + field + ": offer_id or product_id is required");
            }
            money(row, "price", field + ".Price");
            money(row, "old_price", field + ".OldPrice");
            money(row, "min_price", field + ".MinPrice");
            optionalString(row, "currency_code", field + ".CurrencyCode");
        }
        Instant now = clock.instant();
        ObjectNode answer = OzonJson.object();
        ArrayNode result = answer.putArray("result");
        for (int i = 0; i < rows.size(); i++) {
            String field = request + ".Prices[" + i + "]";
            JsonNode row = rows.get(i);
            String offerId = row.path("offer_id").asText("");
            long productId = row.path("product_id").asLong(0);
            String resolved;
            if (!offerId.isEmpty()) {
                Long id = products.find(offerId);
                resolved = id == null ? null : offerId;
                productId = id == null ? productId : id;
            } else {
                resolved = products.offerOf(productId);
                offerId = resolved == null ? "" : resolved;
            }
            String[] error = null;
            OzonPrices.Price accepted = null;
            if (resolved == null) {
                error = new String[]{"NOT_FOUND_ERROR", "Product not found"};
            } else {
                OzonPrices.Price before = prices.current(clientId, resolved).orElse(null);
                BigDecimal price = money(row, "price", field + ".Price");
                BigDecimal oldPrice = money(row, "old_price", field + ".OldPrice");
                BigDecimal minPrice = money(row, "min_price", field + ".MinPrice");
                String currency = row.path("currency_code").asText("");
                BigDecimal newPrice = price != null ? price
                        : before != null && before.price() != null ? before.price() : products.seedPrice(resolved);
                BigDecimal newOld = oldPrice != null ? (oldPrice.signum() == 0 ? null : oldPrice)
                        : before == null ? null : before.oldPrice();
                BigDecimal newMin = minPrice != null ? minPrice : before == null ? null : before.minPrice();
                if ((price != null && price.signum() < 0) || (oldPrice != null && oldPrice.signum() < 0)
                        || (minPrice != null && minPrice.signum() < 0)) {
                    error = new String[]{"price_negative", "Price must not be negative"};
                } else if (!currency.isEmpty() && !"RUB".equals(currency)) {
                    error = new String[]{"currency_code_mismatch", "Currency " + currency
                            + " does not match the currency of the seller's account: RUB"};
                } else {
                    error = discountError(newPrice, newOld);
                }
                if (error == null && prices.updatesWithinHour(clientId, resolved, now) >= OzonPrices.UPDATES_PER_HOUR) {
                    error = new String[]{PRICE_LIMIT, PRICE_LIMIT};
                }
                if (error == null) {
                    accepted = new OzonPrices.Price(clientId, resolved, productId, newPrice, newOld, newMin,
                            currency.isEmpty() ? (before == null ? "RUB" : before.currencyCode()) : currency, now);
                    prices.accept(accepted);
                }
            }
            ObjectNode out = result.addObject();
            out.put("product_id", productId);
            out.put("offer_id", offerId);
            out.put("updated", accepted != null);
            ArrayNode errors = out.putArray("errors");
            if (error != null) {
                errors.addObject().put("code", error[0]).put("message", error[1]);
            }
        }
        return answer;
    }

    /**
     * Ozon's discount rules between {@code price} and {@code old_price} (none when old_price is absent or reset):
     * price below 400 → old_price at least 20 RUB above; 400..10 000 → at least 5 % of old_price; above 10 000 →
     * at least 500 RUB; and the discount under 90 % of old_price.
     */
    static String[] discountError(BigDecimal price, BigDecimal oldPrice) {
        if (price == null || oldPrice == null || oldPrice.signum() == 0) {
            return null;
        }
        BigDecimal diff = oldPrice.subtract(price);
        if (price.compareTo(LOW_PRICE) < 0) {
            if (diff.compareTo(LOW_MIN_DIFF) < 0) {
                return new String[]{"discount_for_low_price_is_too_small", "If the price is below 400 RUB, old_price"
                        + " must exceed it by at least 20 RUB"};
            }
        } else if (price.compareTo(TOP_PRICE) <= 0) {
            if (diff.compareTo(oldPrice.multiply(FIVE_PERCENT)) < 0) {
                return new String[]{"discount_for_average_price_is_too_small", "If the price is 400..10000 RUB,"
                        + " the discount must be at least 5%"};
            }
        } else if (diff.compareTo(TOP_MIN_DIFF) < 0) {
            return new String[]{"discount_for_top_price_is_too_small", "If the price is above 10000 RUB, old_price"
                    + " must exceed it by at least 500 RUB"};
        }
        if (diff.compareTo(oldPrice.multiply(NINETY_PERCENT)) >= 0) {
            return new String[]{"discount_too_big", "The discount must be under 90%"};
        }
        return null;
    }

    // ---- request checks ------------------------------------------------------------------------------------

    private static JsonNode requireArray(JsonNode body, String field, String name) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw OzonApiException.invalidArgument("invalid " + name + ": value is required");
        }
        if (!node.isArray()) {
            throw OzonApiException.invalidArgument("invalid " + name + ": value must be an array");
        }
        return node;
    }

    private static long requireLong(JsonNode row, String field, String name, long min) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull()) {
            throw OzonApiException.invalidArgument("invalid " + name + ": value is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw OzonApiException.invalidArgument("invalid " + name + ": value must be an integer");
        }
        if (node.asLong() < min) {
            throw OzonApiException.invalidArgument("invalid " + name + ": value must be greater than or equal to "
                    + min);
        }
        return node.asLong();
    }

    private static long optionalLong(JsonNode row, String field, String name) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw OzonApiException.invalidArgument("invalid " + name + ": value must be an integer");
        }
        return node.asLong();
    }

    private static String optionalString(JsonNode row, String field, String name) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw OzonApiException.invalidArgument("invalid " + name + ": value must be a string");
        }
        return node.asText();
    }

    /** A money string, or null when absent or empty; anything else is a 400 naming the field. */
    private static BigDecimal money(JsonNode row, String field, String name) {
        String text = optionalString(row, field, name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!MONEY.matcher(text).matches()) {
            throw OzonApiException.invalidArgument("invalid " + name + ": " + text
                    + " is not an amount (digits, a dot, up to two decimals)");
        }
        return new BigDecimal(text);
    }

    private static List<String> stringList(JsonNode filter, String field, String name) {
        JsonNode node = filter.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw OzonApiException.invalidArgument("invalid " + name + ": value must be an array");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode v : node) {
            if (!v.isTextual() && !v.isIntegralNumber()) {
                throw OzonApiException.invalidArgument("invalid " + name + ": values must be strings");
            }
            values.add(v.asText());
        }
        return values;
    }
}
