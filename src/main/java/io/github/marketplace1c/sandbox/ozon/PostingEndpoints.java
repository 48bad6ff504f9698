package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.ozon.OzonPostings.Entry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The three FBS posting reads: request checks, filters, cursor paging and the response shapes of the spec. */
final class PostingEndpoints {

    private static final List<String> LIST_SORT = List.of("osp.in_process_at", "osp.id");
    private static final List<String> UNFULFILLED_SORT = List.of("osp.cutoff", "osp.in_process_at", "osp.id");
    private static final int MAX_LIMIT = 100;
    /** "the period must not exceed one year" (both list descriptions) */
    private static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final OzonPostings store;

    PostingEndpoints(OzonPostings store) {
        this.store = store;
    }

    /** {@code POST /v4/posting/fbs/list}: any status, by {@code in_process_at} period. Not wrapped in result. */
    ObjectNode list(String clientId, JsonNode body) {
        String request = "PostingFbsListRequest";
        JsonNode filter = requireObject(body, "filter", request);
        int limit = limit(body, request, true);
        boolean ascending = ascending(body, request);
        Instant since = OzonJson.instantField(filter, "since", request + ".filter.since");
        Instant to = OzonJson.instantField(filter, "to", request + ".filter.to");
        if (since == null) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter.since: value is required");
        }
        if (to == null) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter.to: value is required");
        }
        checkPeriod(since, to, request + ".filter");
        String cursorText = body.path("cursor").asText("");
        long[] after = cursorText.isEmpty() ? null : PostingCursor.decode(cursorText, LIST_SORT, ascending).key();
        // one more than the page: whether it exists is has_next
        List<Entry> found = store.listPage(clientId, since, to, after, ascending, e -> common(e, filter, request),
                limit + 1);
        List<Entry> pageEntries = found.subList(0, Math.min(limit, found.size()));
        return response(pageEntries, body, cursorText, LIST_SORT,
                e -> OzonPostings.ListKey.of(e).cursor(), ascending, found.size() > limit, false);
    }

    /** {@code POST /v4/posting/fbs/unfulfilled/list}: not yet handed over, by assembly cutoff or hand-over date. */
    ObjectNode unfulfilled(String clientId, JsonNode body) {
        String request = "PostingFbsUnfulfilledListRequest";
        JsonNode filter = body.path("filter");
        if (!filter.isMissingNode() && !filter.isNull() && !filter.isObject()) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter: value must be an object");
        }
        // the spec marks limit optional here (unlike fbs/list); an absent limit gets the maximum page
        int limit = limit(body, request, false);
        boolean ascending = ascending(body, request);
        Instant cutoffFrom = OzonJson.instantField(filter, "cutoff_from", request + ".filter.cutoff_from");
        Instant cutoffTo = OzonJson.instantField(filter, "cutoff_to", request + ".filter.cutoff_to");
        Instant deliveringFrom = OzonJson.instantField(filter, "delivering_date_from",
                request + ".filter.delivering_date_from");
        Instant deliveringTo = OzonJson.instantField(filter, "delivering_date_to",
                request + ".filter.delivering_date_to");
        boolean byCutoff = cutoffFrom != null || cutoffTo != null;
        boolean byDelivering = deliveringFrom != null || deliveringTo != null;
        if (byCutoff && byDelivering) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter: use either cutoff_from/cutoff_to"
                    + " or delivering_date_from/delivering_date_to, not both");
        }
        if (!byCutoff && !byDelivering) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter: cutoff_from/cutoff_to"
                    + " or delivering_date_from/delivering_date_to is required");
        }
        Instant from = byCutoff ? cutoffFrom : deliveringFrom;
        Instant to = byCutoff ? cutoffTo : deliveringTo;
        String pair = byCutoff ? "cutoff" : "delivering_date";
        if (from == null || to == null) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter." + pair
                    + (from == null ? "_from" : "_to") + ": value is required");
        }
        checkPeriod(from, to, request + ".filter." + pair);
        Set<String> defaultStatuses = OzonStatuses.UNFULFILLED;
        List<Entry> matching = new ArrayList<>(store.matching(clientId, e -> {
            Instant at = byCutoff ? e.shipmentDate() : deliveringDate(e);
            if (at == null || at.isBefore(from) || at.isAfter(to)) {
                return false;
            }
            if (!filter.has("statuses") || filter.get("statuses").isEmpty()) {
                if (!defaultStatuses.contains(e.posting().path("status").asText())) {
                    return false;
                }
            }
            return common(e, filter, request);
        }));
        matching.sort(java.util.Comparator.comparing(Entry::shipmentDate).thenComparing(OzonPostings.BY_IN_PROCESS_AT));
        return page(matching, body, UNFULFILLED_SORT, e -> new long[]{e.shipmentDate().getEpochSecond(),
                e.inProcessAt().getEpochSecond(), e.id()}, limit, ascending, true);
    }

    /** {@code POST /v3/posting/fbs/get}: one posting in the v3 shape, wrapped in {@code result}. */
    ObjectNode get(String clientId, JsonNode body) {
        String request = "GetFbsPostingRequest";
        JsonNode number = body.get("posting_number");
        if (number == null || !number.isTextual() || number.asText().isBlank()) {
            throw OzonApiException.invalidArgument("invalid " + request + ".posting_number: value is required");
        }
        Entry entry = store.entry(clientId, number.asText())
                .orElseThrow(() -> new OzonApiException(404, 5, "posting not found"));
        ObjectNode response = OzonJson.object();
        response.set("result", PostingViews.v3(entry.posting(), body.path("with")));
        return response;
    }

    // ---- shared pieces -------------------------------------------------------------------------------------

    /** The filters both lists share: statuses, warehouses, delivery methods, orders, last status change. */
    private static boolean common(Entry e, JsonNode filter, String request) {
        ObjectNode p = e.posting();
        Set<String> statuses = strings(filter, "statuses", request);
        if (!statuses.isEmpty() && !statuses.contains(p.path("status").asText())) {
            return false;
        }
        Set<String> warehouses = strings(filter, "warehouse_ids", request);
        if (!warehouses.isEmpty() && !warehouses.contains(p.path("delivery_method").path("warehouse_id").asText())) {
            return false;
        }
        Set<String> methods = strings(filter, "delivery_method_ids", request);
        if (!methods.isEmpty() && !methods.contains(p.path("delivery_method").path("id").asText())) {
            return false;
        }
        Set<String> providers = strings(filter, "provider_ids", request);
        if (!providers.isEmpty() && !providers.contains(p.path("delivery_method").path("tpl_provider_id").asText())) {
            return false;
        }
        Set<String> orderNumbers = strings(filter, "order_numbers", request);
        if (!orderNumbers.isEmpty() && !orderNumbers.contains(p.path("order_number").asText())) {
            return false;
        }
        JsonNode orderId = filter.path("order_id");
        if (orderId.canConvertToLong() && orderId.asLong() != 0 && orderId.asLong() != p.path("order_id").asLong()) {
            return false;
        }
        JsonNode changed = filter.path("last_changed_status_date");
        if (changed.isObject()) {
            String field = request + ".filter.last_changed_status_date";
            Instant from = OzonJson.instantField(changed, "from", field + ".from");
            Instant to = OzonJson.instantField(changed, "to", field + ".to");
            if ((from != null && e.statusChangedAt().isBefore(from)) || (to != null && e.statusChangedAt().isAfter(to))) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode page(List<Entry> sortedAscending, JsonNode body, List<String> sortNames,
                                   Function<Entry, long[]> keyOf, int limit, boolean ascending, boolean withCount) {
        List<Entry> ordered = new ArrayList<>(sortedAscending);
        if (!ascending) {
            java.util.Collections.reverse(ordered);
        }
        String cursorText = body.path("cursor").asText("");
        int start = 0;
        if (!cursorText.isEmpty()) {
            long[] after = PostingCursor.decode(cursorText, sortNames, ascending).key();
            while (start < ordered.size()) {
                int cmp = Arrays.compare(keyOf.apply(ordered.get(start)), after);
                if (ascending ? cmp > 0 : cmp < 0) {
                    break;
                }
                start++;
            }
        }
        int end = Math.min(ordered.size(), start + limit);
        return response(ordered.subList(start, end), body, cursorText, sortNames, keyOf, ascending,
                end < ordered.size(), withCount);
    }

    private static ObjectNode response(List<Entry> pageEntries, JsonNode body, String cursorText,
                                       List<String> sortNames, Function<Entry, long[]> keyOf, boolean ascending,
                                       boolean hasNext, boolean withCount) {
        JsonNode with = body.path("with");
        ObjectNode response = OzonJson.object();
        ArrayNode postings = OzonJson.MAPPER.createArrayNode();
        pageEntries.forEach(e -> postings.add(PostingViews.v4(e.posting(), with)));
        if (withCount) {
            response.put("count", pageEntries.size());
        }
        response.put("cursor", pageEntries.isEmpty() ? cursorText
                : PostingCursor.encode(sortNames, ascending, keyOf.apply(pageEntries.get(pageEntries.size() - 1))));
        response.put("has_next", hasNext);
        response.set("postings", postings);
        return response;
    }

    private static Instant deliveringDate(Entry e) {
        String text = e.posting().path("delivering_date").asText("");
        return text.isEmpty() ? null : OzonJson.parse(text);
    }

    private static JsonNode requireObject(JsonNode body, String field, String request) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw OzonApiException.invalidArgument("invalid " + request + "." + field + ": value is required");
        }
        if (!node.isObject()) {
            throw OzonApiException.invalidArgument("invalid " + request + "." + field + ": value must be an object");
        }
        return node;
    }

    private static int limit(JsonNode body, String request, boolean required) {
        JsonNode node = body.get("limit");
        if (node == null || node.isNull()) {
            if (required) {
                throw OzonApiException.invalidArgument("invalid " + request + ".limit: value must be inside range [1, 100]");
            }
            return MAX_LIMIT;
        }
        // protobuf JSON accepts an int64 as a number or a numeric string
        long value;
        if (node.isIntegralNumber()) {
            value = node.asLong();
        } else if (node.isTextual() && node.asText().matches("-?\\d{1,18}")) {
            value = Long.parseLong(node.asText());
        } else {
            throw OzonApiException.invalidArgument("invalid " + request + ".limit: value must be an integer");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw OzonApiException.invalidArgument("invalid " + request + ".limit: value must be inside range [1, 100]");
        }
        return (int) value;
    }

    /** The spec's enum is ASC/DESC, its own example sends "asc": Ozon reads either case. */
    private static boolean ascending(JsonNode body, String request) {
        String dir = body.path("sort_dir").asText("");
        if (dir.isEmpty() || dir.equalsIgnoreCase("ASC")) {
            return true;
        }
        if (dir.equalsIgnoreCase("DESC")) {
            return false;
        }
        throw OzonApiException.invalidArgument("invalid " + request + ".sort_dir: value must be one of ASC, DESC");
    }

    private static void checkPeriod(Instant from, Instant to, String field) {
        if (to.isBefore(from)) {
            throw OzonApiException.invalidArgument("invalid " + field + ": the period end is before its start");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw OzonApiException.invalidArgument("invalid " + field + ": the period must not exceed one year");
        }
    }

    /** An array of ids or names; int64 ids may come as numbers or strings (the spec types them as strings). */
    private static Set<String> strings(JsonNode filter, String field, String request) {
        JsonNode node = filter.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw OzonApiException.invalidArgument("invalid " + request + ".filter." + field + ": value must be an array");
        }
        Set<String> values = new HashSet<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }
}
