package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The three FBS assembly-order reads, as 03-orders-fbs.yaml describes them. Each takes the caller's token (already
 * authenticated), the query parameters and the raw body, and answers the 200 body or throws a
 * {@link WildberriesApiException} with WB's Marketplace error body.
 */
final class OrderEndpoints {

    /** "Максимум 30 календарных дней одним запросом." */
    static final Duration MAX_PERIOD = Duration.ofDays(30);
    static final int MAX_LIMIT = 1000;
    static final int MAX_STATUS_IDS = 1000;

    private final WildberriesOrders orders;
    private final Clock clock;

    OrderEndpoints(WildberriesOrders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** {@code GET /api/v3/orders/new}: every order that is new right now; no parameters, no paging. */
    ObjectNode newOrders(String token, MultiMap query, String body) {
        ObjectNode answer = WildberriesJson.object();
        ArrayNode list = answer.putArray("orders");
        for (WildberriesOrders.Entry e : orders.entries(token)) {
            if (WildberriesStatuses.isNew(e.status().supplierStatus(), e.status().wbStatus())) {
                list.add(OrderViews.orderNew(e.order()));
            }
        }
        return answer;
    }

    /**
     * {@code GET /api/v3/orders?limit=&next=&dateFrom=&dateTo=}: orders created in [dateFrom, dateTo] (unix seconds,
     * inclusive), in id order, {@code limit} at a time after the order id {@code next}. The answer's {@code next} is
     * the last id of the page (the request's own {@code next} when the page is empty): a client stops at an empty
     * page. dateFrom defaults to 30 days before now, dateTo to now; a longer period is a 400.
     */
    ObjectNode list(String token, MultiMap query, String body) {
        long limit = requiredLong(query, "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw WildberriesApiException.incorrectParameter(
                    "Передан некорректный параметр: limit должен быть от 1 до " + MAX_LIMIT);
        }
        long next = requiredLong(query, "next");
        if (next < 0) {
            throw WildberriesApiException.incorrectParameter("Передан некорректный параметр: next не может быть меньше 0");
        }
        Instant now = clock.instant();
        Long from = optionalLong(query, "dateFrom");
        Long to = optionalLong(query, "dateTo");
        long dateTo = to != null ? to : now.getEpochSecond();
        long dateFrom = from != null ? from : dateTo - MAX_PERIOD.toSeconds();
        if (dateFrom < 0 || dateTo < 0 || dateFrom > dateTo) {
            throw WildberriesApiException.incorrectParameter(
                    "Передан некорректный параметр: dateFrom должен быть не больше dateTo");
        }
        if (dateTo - dateFrom > MAX_PERIOD.toSeconds()) {
            throw WildberriesApiException.incorrectParameter(
                    "Передан некорректный параметр: период между dateFrom и dateTo не может превышать 30 дней");
        }
        ObjectNode answer = WildberriesJson.object();
        ArrayNode list = WildberriesJson.MAPPER.createArrayNode();
        long last = next;
        for (WildberriesOrders.Entry e : orders.entries(token)) {
            long created = e.createdAt().getEpochSecond();
            if (e.id() <= next || created < dateFrom || created > dateTo) {
                continue;
            }
            if (list.size() == limit) {
                break;
            }
            list.add(OrderViews.order(e.order()));
            last = e.id();
        }
        answer.put("next", last);
        answer.set("orders", list);
        return answer;
    }

    /**
     * {@code POST /api/v3/orders/status {"orders":[ids]}}: 1 to 1000 ids. Ids the account does not have (unknown,
     * or another seller's) are left out of the answer rather than failing the request; repeated ids answer once.
     */
    ObjectNode statuses(String token, MultiMap query, String body) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : WildberriesJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw WildberriesApiException.incorrectRequestBody("Некорректное тело запроса: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject() || !request.path("orders").isArray()) {
            throw WildberriesApiException.incorrectRequestBody(
                    "Некорректное тело запроса: ожидается {\"orders\":[ID сборочных заданий]}");
        }
        JsonNode ids = request.get("orders");
        if (ids.isEmpty() || ids.size() > MAX_STATUS_IDS) {
            throw WildberriesApiException.incorrectParameter(
                    "Передан некорректный параметр: orders должен содержать от 1 до " + MAX_STATUS_IDS + " ID");
        }
        Set<Long> wanted = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw WildberriesApiException.incorrectRequestBody(
                        "Некорректное тело запроса: ID сборочного задания должен быть целым числом: " + id);
            }
            wanted.add(id.asLong());
        }
        ObjectNode answer = WildberriesJson.object();
        ArrayNode list = answer.putArray("orders");
        for (long id : wanted) {
            orders.entry(token, id).ifPresent(e -> {
                ObjectNode status = list.addObject();
                status.put("id", id);
                status.put("isCancellable", e.status().cancellable());
                status.put("supplierStatus", e.status().supplierStatus());
                status.put("wbStatus", e.status().wbStatus());
            });
        }
        return answer;
    }

    private static long requiredLong(MultiMap query, String name) {
        Long value = optionalLong(query, name);
        if (value == null) {
            throw WildberriesApiException.incorrectParameter("Передан некорректный параметр: " + name + " обязателен");
        }
        return value;
    }

    private static Long optionalLong(MultiMap query, String name) {
        List<String> values = query.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(values.get(0).trim());
        } catch (NumberFormatException e) {
            throw WildberriesApiException.incorrectParameter(
                    "Передан некорректный параметр: " + name + " должен быть целым числом");
        }
    }
}
