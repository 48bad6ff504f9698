package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketOrders.Entry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code POST v1/businesses/{businessId}/orders} ({@code getBusinessOrders}): request checks, the body's filters,
 * keyset paging and the spec's answer {@code {"orders":[...],"paging":{"nextPageToken":"..."}}}, which, unlike most
 * Market answers, is not wrapped in {@code {"status":"OK","result":...}}.
 */
final class OrdersEndpoint {

    static final int MAX_LIMIT = 50;
    /** "between the start and end date there must be no more than 30 days" (OrderDatesFilterDTO) */
    private static final int MAX_DAYS = 30;
    private static final int MAX_IDS = 50;

    private static final Set<String> STATUSES = Set.of("PLACING", "RESERVED", "UNPAID", "PROCESSING", "DELIVERY",
            "PICKUP", "DELIVERED", "CANCELLED", "PENDING", "PARTIALLY_RETURNED", "RETURNED", "UNKNOWN");
    private static final Set<String> PROGRAM_TYPES = Set.of("FBY", "FBS", "DBS", "EXPRESS", "LAAS");
    private static final Set<String> SOURCE_PLATFORMS = Set.of("MARKET", "OZON", "WILDBERRIES", "OTHER");

    private final YandexMarketOrders store;
    private final Clock clock;

    OrdersEndpoint(YandexMarketOrders store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ObjectNode list(long businessId, String pageToken, String limitParam, JsonNode body) {
        int limit = limit(limitParam);
        long after = pageToken == null || pageToken.isEmpty() ? Long.MIN_VALUE : PageToken.decode(pageToken);
        Predicate<Entry> filter = filter(body);
        List<Entry> matching = new ArrayList<>();
        for (Entry e : store.entries(businessId)) {
            if (e.orderId() > after && filter.test(e)) {
                matching.add(e);
            }
        }
        List<Entry> page = matching.subList(0, Math.min(limit, matching.size()));
        ObjectNode response = YmJson.object();
        ArrayNode orders = response.putArray("orders");
        page.forEach(e -> orders.add(e.order()));
        ObjectNode paging = response.putObject("paging");
        if (matching.size() > page.size()) {
            paging.put("nextPageToken", PageToken.after(page.get(page.size() - 1).orderId()));
        }
        return response;
    }

    /**
     * The spec's limit parameter is {@code PageLimit50Truncate} ({@code x-transform: truncateLimit}): Market cuts a
     * limit above 50 down to 50 instead of failing (its pagination page: "some methods automatically reduce the
     * passed limit to the maximum"), so only a limit below 1 or not a number is a 400.
     */
    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return MAX_LIMIT;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw YmApiException.badRequest("Invalid value of parameter limit: " + text + " (an integer is expected)");
        }
        if (value < 1) {
            throw YmApiException.badRequest("Parameter limit must be at least 1, got " + value);
        }
        return (int) Math.min(value, MAX_LIMIT);
    }

    // ---- the body's filters --------------------------------------------------------------------------------

    private Predicate<Entry> filter(JsonNode body) {
        Set<String> orderIds = array(body, "orderIds", MAX_IDS, null);
        for (String id : orderIds) {
            if (!id.matches("-?\\d{1,18}")) {
                throw YmApiException.badRequest("orderIds: " + id + " is not an order id");
            }
        }
        Set<String> externalIds = array(body, "externalOrderIds", MAX_IDS, null);
        Set<String> programTypes = array(body, "programTypes", 0, PROGRAM_TYPES);
        Set<String> campaignIds = array(body, "campaignIds", MAX_IDS, null);
        Set<String> statuses = array(body, "statuses", 0, STATUSES);
        Set<String> substatuses = array(body, "substatuses", 0, null);
        Set<String> platforms = array(body, "sourcePlatforms", 0, SOURCE_PLATFORMS);
        Boolean fake = bool(body, "fake");
        Boolean waitingForCancellation = bool(body, "waitingForCancellationApprove");
        JsonNode dates = body.path("dates");
        if (!dates.isMissingNode() && !dates.isNull() && !dates.isObject()) {
            throw YmApiException.badRequest("dates must be an object");
        }
        Instant[] created = dayRange(dates, "creationDate", orderIds.isEmpty() && externalIds.isEmpty());
        Instant[] shipment = dayRange(dates, "shipmentDate", false);
        Instant updatedFrom = dateTime(dates, "updateDateFrom");
        Instant updatedTo = dateTime(dates, "updateDateTo");

        return e -> {
            ObjectNode o = e.order();
            return (orderIds.isEmpty() || orderIds.contains(Long.toString(e.orderId())))
                    && (externalIds.isEmpty() || externalIds.contains(o.path("externalOrderId").asText(null)))
                    && (programTypes.isEmpty() || programTypes.contains(o.path("programType").asText()))
                    && (campaignIds.isEmpty() || campaignIds.contains(Long.toString(e.campaignId())))
                    && (statuses.isEmpty() || statuses.contains(e.status()))
                    && (substatuses.isEmpty() || substatuses.contains(o.path("substatus").asText()))
                    && (platforms.isEmpty() || platforms.contains(o.path("sourcePlatform").asText("MARKET")))
                    && (fake == null || fake == o.path("fake").asBoolean())
                    // DBS only: buyers' cancellation requests on orders in DELIVERY or PICKUP
                    && (waitingForCancellation == null || !waitingForCancellation
                        || (o.path("cancelRequested").asBoolean() && Set.of("DELIVERY", "PICKUP").contains(e.status())))
                    && within(e.createdAt(), created)
                    && within(shipmentDate(o), shipment)
                    && (updatedFrom == null || !e.updatedAt().isBefore(updatedFrom))
                    && (updatedTo == null || e.updatedAt().isBefore(updatedTo));
        };
    }

    /**
     * A pair of date filters ({@code <name>From}, {@code <name>To}), Moscow calendar days: the start day is
     * included, the end day is not; an end less than a day after the start becomes start + 1 day; at most 30 days
     * apart. Without both creation dates Market returns the last 30 days (up to and including today); the emulator
     * drops that default when the request names orders by id. Returns null for no filter.
     */
    private Instant[] dayRange(JsonNode dates, String name, boolean defaultToLast30Days) {
        LocalDate from = date(dates, name + "From");
        LocalDate to = date(dates, name + "To");
        if (from == null && to == null) {
            if (!defaultToLast30Days) {
                return null;
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), YmJson.MOSCOW);
            return new Instant[]{start(today.minusDays(MAX_DAYS)), start(today.plusDays(1))};
        }
        if (from == null) {
            from = to.minusDays(MAX_DAYS);
        }
        if (to == null) {
            to = LocalDate.ofInstant(clock.instant(), YmJson.MOSCOW).plusDays(1);
        }
        if (!to.isAfter(from)) {
            to = from.plusDays(1);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw YmApiException.badRequest(name + "From and " + name + "To must be no more than " + MAX_DAYS
                    + " days apart");
        }
        return new Instant[]{start(from), start(to)};
    }

    private static boolean within(Instant at, Instant[] range) {
        return range == null || (at != null && !at.isBefore(range[0]) && at.isBefore(range[1]));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(YmJson.MOSCOW).toInstant();
    }

    private static Instant shipmentDate(ObjectNode order) {
        String text = order.path("delivery").path("shipment").path("shipmentDate").asText("");
        return text.isEmpty() ? null : start(LocalDate.parse(text));
    }

    private static LocalDate date(JsonNode dates, String field) {
        JsonNode node = dates.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw YmApiException.badRequest("dates." + field + ": " + node.asText() + " is not a date YYYY-MM-DD");
        }
    }

    private static Instant dateTime(JsonNode dates, String field) {
        JsonNode node = dates.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return YmJson.parseDateTime(node.asText());
        } catch (DateTimeParseException e) {
            throw YmApiException.badRequest("dates." + field + ": " + node.asText()
                    + " is not an ISO 8601 date-time with an offset");
        }
    }

    private static Boolean bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw YmApiException.badRequest(field + " must be true or false");
        }
        return node.asBoolean();
    }

    /**
     * A filter array: null or absent means no filter; present, it needs 1 to {@code maxItems} values (0 = no
     * maximum) from {@code allowed} (null = any scalar).
     */
    private static Set<String> array(JsonNode body, String field, int maxItems, Set<String> allowed) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw YmApiException.badRequest(field + " must be an array");
        }
        if (node.isEmpty()) {
            throw YmApiException.badRequest(field + " must contain at least 1 element");
        }
        if (maxItems > 0 && node.size() > maxItems) {
            throw YmApiException.badRequest(field + " must contain at most " + maxItems + " elements");
        }
        Set<String> values = new HashSet<>();
        for (JsonNode v : node) {
            if (!v.isValueNode() || v.isNull()) {
                throw YmApiException.badRequest(field + " must contain only values");
            }
            if (allowed != null && !allowed.contains(v.asText())) {
                throw YmApiException.badRequest(field + ": unknown value " + v.asText());
            }
            values.add(v.asText());
        }
        return values;
    }
}
