package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wildberries assembly orders for the orders flow. A run reads, in this order: the new assembly orders
 * ({@code /api/v3/orders/new}), then every assembly order created in the window ({@code /api/v3/orders}, in periods
 * of at most 30 days, {@code next} paging) — the only way to see a later cancellation, since Wildberries cannot
 * filter by change — and asks for the statuses the lists do not carry ({@code /api/v3/orders/status}). Orders
 * already in 1C in their current state are dropped by the flow before they count.
 *
 * <p>Cursor: {@code ""} (new orders), then {@code "<period start, epoch seconds>:<next>"}.
 */
public class WildberriesOrderSource implements OrderSource {

    private static final Duration MAX_PERIOD = Duration.ofDays(30);

    private final WildberriesClient client;
    private final WildberriesOrderTranslator translator;
    private final ObjectMapper json;
    private final Duration recheck;
    private final int pageSize;

    /**
     * @param recheck how far back assembly orders are read again for status changes (cancellations)
     */
    public WildberriesOrderSource(WildberriesClient client, WildberriesOrderTranslator translator, ObjectMapper json,
                                  Duration recheck, int pageSize) {
        this.client = client;
        this.translator = translator;
        this.json = json;
        this.recheck = recheck;
        this.pageSize = pageSize;
    }

    @Override
    public String marketplace() {
        return WildberriesOrderTranslator.MARKETPLACE;
    }

    @Override
    public Page fetch(Account account, Window window, String cursor) {
        if (Boolean.parseBoolean(account.setting("groupByCart", "false"))) {
            // a cart must be whole before it becomes one 1C order: read every list of the run at once
            return new Page(carts(drain(account, window)), "", false);
        }
        return page(account, window, cursor);
    }

    /** Every assembly order of the run (new ones and the period's), each once, with its status. */
    private List<JsonNode> drain(Account account, Window window) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        String cursor = "";
        while (true) {
            Page page = page(account, window, cursor);
            page.records().forEach(r -> all.putIfAbsent(r.path("id").asText(), r));
            if (!page.hasNext()) {
                return new ArrayList<>(all.values());
            }
            cursor = page.cursor();
        }
    }

    private Page page(Account account, Window window, String cursor) {
        Instant start = window.since().isBefore(window.to().minus(recheck)) ? window.to().minus(recheck) : window.since();
        if (cursor == null || cursor.isEmpty()) {
            List<JsonNode> fresh = client.newOrders(account);
            return new Page(records(account, fresh), start.getEpochSecond() + ":0", true);
        }
        String[] parts = cursor.split(":");
        Instant periodStart = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        long next = Long.parseLong(parts[1]);
        Instant periodEnd = periodStart.plus(MAX_PERIOD).isBefore(window.to()) ? periodStart.plus(MAX_PERIOD) : window.to();
        WildberriesClient.Page page = client.orders(account, periodStart, periodEnd, next, pageSize);
        if (page.orders().isEmpty()) {
            boolean more = periodEnd.isBefore(window.to());
            // an empty page ends a period; keep hasNext true with a dummy record list only when a period follows
            return more ? new Page(List.of(), periodEnd.getEpochSecond() + ":0", true) : new Page(List.of(), "", false);
        }
        return new Page(records(account, page.orders()), periodStart.getEpochSecond() + ":" + page.next(), true);
    }

    /** Adds the statuses the lists do not carry. */
    private List<JsonNode> records(Account account, List<JsonNode> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<Long, WildberriesClient.Status> statuses = client.statuses(account,
                orders.stream().map(o -> o.path("id").asLong()).toList());
        List<JsonNode> withStatus = new ArrayList<>();
        for (JsonNode order : orders) {
            ObjectNode copy = order.deepCopy();
            WildberriesClient.Status status = statuses.get(order.path("id").asLong());
            if (status != null) {
                copy.put("supplierStatus", status.supplierStatus());
                copy.put("wbStatus", status.wbStatus());
            }
            withStatus.add(copy);
        }
        return withStatus;
    }

    /** A buyer's cart (orderUid) as one record {"orderUid", "orders": [...]}; a lone assembly order stays as it is. */
    private List<JsonNode> carts(List<JsonNode> withStatus) {
        Map<String, List<JsonNode>> carts = new LinkedHashMap<>();
        for (JsonNode order : withStatus) {
            String uid = order.path("orderUid").asText("");
            carts.computeIfAbsent(uid.isBlank() ? "id-" + order.path("id").asText() : uid, k -> new ArrayList<>())
                    .add(order);
        }
        List<JsonNode> records = new ArrayList<>();
        for (List<JsonNode> cart : carts.values()) {
            if (cart.size() == 1) {
                records.add(cart.get(0));
            } else {
                ObjectNode record = json.createObjectNode();
                record.put("orderUid", cart.get(0).path("orderUid").asText());
                ArrayNode list = record.putArray("orders");
                cart.forEach(list::add);
                records.add(record);
            }
        }
        return records;
    }

    @Override
    public String recordKey(JsonNode record) {
        return translator.recordKey(record);
    }

    @Override
    public String status(JsonNode record) {
        return translator.status(record);
    }

    @Override
    public Order toOrder(Account account, JsonNode record) {
        return translator.toOrder(account.id(), WildberriesOrderTranslator.ProductKey.of(account.setting("productKey",
                "chrtId")), record);
    }
}
