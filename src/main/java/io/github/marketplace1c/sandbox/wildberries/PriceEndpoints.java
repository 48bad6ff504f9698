package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The prices-and-discounts operations of {@code discounts-prices-api} (02-items.yaml): {@code POST /api/v2/upload/task},
 * {@code GET /api/v2/history/tasks}, {@code GET /api/v2/history/goods/task} and {@code GET /api/v2/buffer/tasks}.
 * Errors are that service's {@code {"data":null,"error":true,"errorText":"…"}}; the texts are the spec's examples.
 */
final class PriceEndpoints {

    static final int MAX_ITEMS = 1000;
    static final int MAX_LIMIT = 1000;
    /** No card costs more than this many rubles at WB; a bigger price is an "Invalid price value". */
    static final long MAX_PRICE = 100_000_000L;

    static final String INVALID_FORMAT = "Invalid data format";
    static final String EMPTY = "Empty data";
    static final String TOO_MANY = "Upload limit exceeded: You can upload a maximum of 1 000 items";
    static final String DUPLICATE_ITEMS = "Duplicate item Nos.";
    static final String WHOLE_PRICE = "Price should be a whole number";
    static final String INVALID_PRICE = "Invalid price value";
    static final String INVALID_DISCOUNT = "Invalid discount value";
    static final String INVALID_ITEM = "Invalid item No.";
    static final String NOTHING_SPECIFIED = "Price and discount not specified";
    static final String NOTHING_TO_CHANGE =
            "All item Nos. are specified incorrectly, or the specified prices and discounts are already set";
    static final String ALREADY_EXISTS = "This task already exists";
    static final String INVALID_PARAMETERS = "Invalid request parameters";

    private final WildberriesPrices prices;
    private final Clock clock;

    PriceEndpoints(WildberriesPrices prices, Clock clock) {
        this.prices = prices;
        this.clock = clock;
    }

    /**
     * 200 {@code {"data":{"id","alreadyExists":false},"error":false,"errorText":""}} with a new task; 208 with
     * {@code alreadyExists:true} and the earlier id when the payload is the same as the account's latest upload;
     * 400 when any item is malformed (nothing is uploaded) or when no item would change anything.
     */
    WildberriesEmulator.Answer upload(String token, MultiMap query, String body) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : WildberriesJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw WildberriesApiException.pricesBadRequest(INVALID_FORMAT);
        }
        if (request == null || !request.isObject() || !request.path("data").isArray()) {
            throw WildberriesApiException.pricesBadRequest(INVALID_FORMAT);
        }
        JsonNode data = request.get("data");
        if (data.isEmpty()) {
            throw WildberriesApiException.pricesBadRequest(EMPTY);
        }
        if (data.size() > MAX_ITEMS) {
            throw WildberriesApiException.pricesBadRequest(TOO_MANY);
        }
        List<WildberriesPrices.Item> items = new ArrayList<>(data.size());
        Set<Long> seen = new HashSet<>();
        StringBuilder payload = new StringBuilder(data.size() * 24);
        for (JsonNode row : data) {
            if (!row.isObject()) {
                throw WildberriesApiException.pricesBadRequest(INVALID_FORMAT);
            }
            JsonNode nmId = row.get("nmID");
            if (nmId == null || !nmId.isIntegralNumber() || !nmId.canConvertToLong() || nmId.asLong() <= 0) {
                throw WildberriesApiException.pricesBadRequest(INVALID_ITEM);
            }
            Long price = price(row.get("price"));
            Integer discount = discount(row.get("discount"));
            if (price == null && discount == null) {
                throw WildberriesApiException.pricesBadRequest(NOTHING_SPECIFIED);
            }
            if (!seen.add(nmId.asLong())) {
                throw WildberriesApiException.pricesBadRequest(DUPLICATE_ITEMS);
            }
            items.add(new WildberriesPrices.Item(nmId.asLong(), price, discount));
            payload.append(nmId.asLong()).append(':').append(price).append(':').append(discount).append(';');
        }
        String canonical = payload.toString();
        synchronized (prices) {
            Long existing = prices.duplicateOf(token, canonical);
            if (existing != null) {
                return new WildberriesEmulator.Answer(208, taskCreated(existing, true, ALREADY_EXISTS));
            }
            if (items.stream().allMatch(item -> prices.changesNothing(token, item))) {
                throw WildberriesApiException.pricesBadRequest(NOTHING_TO_CHANGE);
            }
            WildberriesPrices.Task task = prices.create(token, canonical, items, clock.instant());
            return new WildberriesEmulator.Answer(200, taskCreated(task.id, false, ""));
        }
    }

    /** {@code data} null while the task is unprocessed, unknown or another account's; else its outcome. */
    WildberriesEmulator.Answer historyTask(String token, MultiMap query, String body) {
        long id = uploadId(query);
        WildberriesPrices.Task task = prices.poll(token, id, clock.instant());
        ObjectNode answer = WildberriesJson.object();
        synchronized (prices) {
            if (task == null || !task.processed()) {
                answer.putNull("data");
            } else {
                answer.set("data", metadata(task, task.status, task.succeeded));
            }
        }
        return ok(answer);
    }

    /** The unprocessed counterpart: status 1 while the task waits, {@code data} null once it is processed. */
    WildberriesEmulator.Answer bufferTask(String token, MultiMap query, String body) {
        long id = uploadId(query);
        WildberriesPrices.Task task = prices.poll(token, id, clock.instant());
        ObjectNode answer = WildberriesJson.object();
        synchronized (prices) {
            if (task == null || task.processed()) {
                answer.putNull("data");
            } else {
                answer.set("data", metadata(task, WildberriesPrices.IN_PROCESSING, 0));
            }
        }
        return ok(answer);
    }

    /**
     * {@code ?uploadID=&limit=&offset=}: the processed task's items in upload order, {@code limit} (1..1000) from
     * {@code offset} on; {@code uploadID} and {@code historyGoods} null when the task is unprocessed or unknown.
     */
    WildberriesEmulator.Answer historyGoods(String token, MultiMap query, String body) {
        long id = uploadId(query);
        Long limit = number(query, "limit");
        Long offset = number(query, "offset");
        if (limit == null || limit < 1 || limit > MAX_LIMIT || (offset != null && offset < 0)) {
            throw WildberriesApiException.pricesBadRequest(INVALID_PARAMETERS);
        }
        long from = offset == null ? 0 : offset;
        ObjectNode answer = WildberriesJson.object();
        ObjectNode data = answer.putObject("data");
        synchronized (prices) {
            WildberriesPrices.Task task = prices.find(token, id);
            if (task == null || !task.processed()) {
                data.putNull("uploadID");
                data.putNull("historyGoods");
            } else {
                data.put("uploadID", task.id);
                ArrayNode goods = data.putArray("historyGoods");
                List<WildberriesPrices.Outcome> outcomes = task.outcomes;
                for (long i = from; i < outcomes.size() && i < from + limit; i++) {
                    goods.add(good(outcomes.get((int) i)));
                }
            }
        }
        // the spec's answer has {@code data} only (no error/errorText, unlike the other price answers)
        return new WildberriesEmulator.Answer(200, answer);
    }

    private static ObjectNode good(WildberriesPrices.Outcome o) {
        ObjectNode good = WildberriesJson.object();
        good.put("nmID", o.nmId());
        good.put("vendorCode", o.vendorCode());
        good.putNull("sizeID");
        good.put("techSizeName", "0");
        if (o.price() == null) {
            good.putNull("price");
        } else {
            good.put("price", o.price());
        }
        good.put("currencyIsoCode4217", "RUB");
        good.put("discount", o.discount() == null ? 0 : o.discount());
        good.put("clubDiscount", 0);
        good.put("status", o.status());
        good.put("errorText", o.errorText());
        return good;
    }

    private static ObjectNode metadata(WildberriesPrices.Task task, int status, int succeeded) {
        ObjectNode data = WildberriesJson.object();
        data.put("uploadID", task.id);
        data.put("status", status);
        data.put("uploadDate", WildberriesJson.format(task.uploadDate));
        data.put("activationDate", WildberriesJson.format(
                task.activationDate == null ? task.uploadDate : task.activationDate));
        data.put("overAllGoodsNumber", task.items.size());
        data.put("successGoodsNumber", succeeded);
        return data;
    }

    private static WildberriesEmulator.Answer ok(ObjectNode answer) {
        if (!answer.has("error")) {
            answer.put("error", false);
            answer.put("errorText", "");
        }
        return new WildberriesEmulator.Answer(200, answer);
    }

    private static ObjectNode taskCreated(long id, boolean alreadyExists, String errorText) {
        ObjectNode answer = WildberriesJson.object();
        ObjectNode data = answer.putObject("data");
        data.put("id", id);
        data.put("alreadyExists", alreadyExists);
        answer.put("error", false);
        answer.put("errorText", errorText);
        return answer;
    }

    /** Whole rubles, more than 0; absent or null = not sent. */
    private static Long price(JsonNode price) {
        if (price == null || price.isNull()) {
            return null;
        }
        if (!price.isNumber()) {
            throw WildberriesApiException.pricesBadRequest(INVALID_FORMAT);
        }
        if (!price.isIntegralNumber()) {
            throw WildberriesApiException.pricesBadRequest(WHOLE_PRICE);
        }
        if (!price.canConvertToLong() || price.asLong() <= 0 || price.asLong() > MAX_PRICE) {
            throw WildberriesApiException.pricesBadRequest(INVALID_PRICE);
        }
        return price.asLong();
    }

    /** Percent, 0 to 99; absent or null = not sent. */
    private static Integer discount(JsonNode discount) {
        if (discount == null || discount.isNull()) {
            return null;
        }
        if (!discount.isIntegralNumber() || !discount.canConvertToInt() || discount.asInt() < 0
                || discount.asInt() > 99) {
            throw WildberriesApiException.pricesBadRequest(INVALID_DISCOUNT);
        }
        return discount.asInt();
    }

    private static long uploadId(MultiMap query) {
        Long id = number(query, "uploadID");
        if (id == null) {
            throw WildberriesApiException.pricesBadRequest(INVALID_PARAMETERS);
        }
        return id;
    }

    private static Long number(MultiMap query, String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw WildberriesApiException.pricesBadRequest(INVALID_PARAMETERS);
        }
    }
}
