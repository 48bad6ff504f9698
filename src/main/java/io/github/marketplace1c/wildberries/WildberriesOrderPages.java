package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.http.RouteCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The requests and answers of the Wildberries orders route's calls (bean {@code wildberriesOrderPages},
 * routes/wildberries/orders.camel.yaml). A run reads, in this order: the new assembly orders
 * ({@code GET /api/v3/orders/new}), then every assembly order created in the window ({@code GET /api/v3/orders}, in
 * periods of at most 30 days, {@code next} paging) — the only way to see a later cancellation, since Wildberries
 * cannot filter by change — and each page's statuses, which the lists do not carry
 * ({@code POST /api/v3/orders/status}, at most 1000 a call).
 *
 * <p>The run's cursor: {@code ""} (new orders), then {@code "<period start, epoch seconds>:<next>"}.
 */
public class WildberriesOrderPages {

    /** The call's query: dateFrom, dateTo (epoch seconds), next. */
    static final String DATE_FROM = "mp1cWbDateFrom";
    static final String DATE_TO = "mp1cWbDateTo";
    static final String NEXT = "mp1cWbNext";
    /** The period itself (the run's end keeps its fraction of a second: a period ends exactly there). */
    private static final String PERIOD_FROM = "mp1cWbPeriodFrom";
    private static final String PERIOD_TO = "mp1cWbPeriodTo";
    private static final String PAGE = "mp1cWbPage";
    private static final String STATUSES = "mp1cWbStatuses";
    private static final String RUN_ORDERS = "mp1cWbRunOrders";
    private static final Duration MAX_PERIOD = Duration.ofDays(30);
    private static final int STATUSES_PER_CALL = 1000;

    private final ObjectMapper json;
    private final Duration recheck;

    /** @param recheck how far back assembly orders are read again for status changes (cancellations) */
    public WildberriesOrderPages(ObjectMapper json, Duration recheck) {
        this.json = json;
        this.recheck = recheck;
    }

    /** Before {@code GET /api/v3/orders/new}: no body. */
    public void newOrdersRequest(Exchange exchange) {
        exchange.getIn().setBody(null);
        RouteCall.forget(exchange); // a static endpoint names itself; no name left from a call that failed
    }

    /** Body: the answer's JSON. Becomes the page of new orders; the next page is the first of the period's. */
    public void readNewOrders(Exchange exchange) {
        OrderSource.Window window = window(exchange);
        Instant start = window.since().isBefore(window.to().minus(recheck)) ? window.to().minus(recheck) : window.since();
        exchange.getIn().setBody(new OrderSource.Page(list(exchange.getIn().getBody(JsonNode.class).path("orders")),
                start.getEpochSecond() + ":0", true));
    }

    /** Before {@code GET /api/v3/orders}: the cursor's period (at most 30 days, up to the run's end) and {@code next}. */
    public void periodRequest(Exchange exchange) {
        String[] cursor = exchange.getProperty(FlowProperties.CURSOR, String.class).split(":");
        Instant periodStart = Instant.ofEpochSecond(Long.parseLong(cursor[0]));
        Instant to = window(exchange).to();
        Instant periodEnd = periodStart.plus(MAX_PERIOD).isBefore(to) ? periodStart.plus(MAX_PERIOD) : to;
        exchange.setProperty(PERIOD_FROM, periodStart);
        exchange.setProperty(PERIOD_TO, periodEnd);
        exchange.setProperty(DATE_FROM, periodStart.getEpochSecond());
        exchange.setProperty(DATE_TO, periodEnd.getEpochSecond());
        exchange.setProperty(NEXT, Long.parseLong(cursor[1]));
        exchange.getIn().setBody(null);
        RouteCall.name(exchange, "GET", "/api/v3/orders");
    }

    /**
     * Body: the answer's JSON. Becomes the page of the period's orders; the next page goes on from WB's {@code next},
     * or, once a period has no more, from the next period while one is left of the run's window.
     */
    public void readPeriodPage(Exchange exchange) {
        JsonNode answer = exchange.getIn().getBody(JsonNode.class);
        List<JsonNode> orders = list(answer.path("orders"));
        long periodStart = exchange.getProperty(PERIOD_FROM, Instant.class).getEpochSecond();
        Instant periodEnd = exchange.getProperty(PERIOD_TO, Instant.class);
        OrderSource.Page page;
        if (orders.isEmpty()) {
            boolean more = periodEnd.isBefore(window(exchange).to());
            page = more ? new OrderSource.Page(List.of(), periodEnd.getEpochSecond() + ":0", true)
                    : new OrderSource.Page(List.of(), "", false);
        } else {
            page = new OrderSource.Page(orders, periodStart + ":" + answer.path("next").asLong(0), true);
        }
        exchange.getIn().setBody(page);
    }

    /** Body: a page without statuses. Keeps it aside; how many status calls its orders need (none when empty). */
    public int statusCalls(Exchange exchange) {
        OrderSource.Page page = exchange.getIn().getBody(OrderSource.Page.class);
        exchange.setProperty(PAGE, page);
        exchange.setProperty(STATUSES, new HashMap<Long, JsonNode>());
        return (page.records().size() + STATUSES_PER_CALL - 1) / STATUSES_PER_CALL;
    }

    /** Before {@code POST /api/v3/orders/status}: the ids of this round's (CamelLoopIndex) 1000 orders. */
    public void statusRequest(Exchange exchange) throws Exception {
        List<JsonNode> records = page(exchange).records();
        int from = exchange.getProperty(Exchange.LOOP_INDEX, 0, Integer.class) * STATUSES_PER_CALL;
        ObjectNode body = json.createObjectNode();
        ArrayNode ids = body.putArray("orders");
        records.subList(from, Math.min(records.size(), from + STATUSES_PER_CALL))
                .forEach(order -> ids.add(order.path("id").asLong()));
        exchange.getIn().setBody(json.writeValueAsString(body));
        RouteCall.forget(exchange);
    }

    /** Body: the answer's JSON ({@code orders: [{id, supplierStatus, wbStatus}]}), kept by id. */
    public void readStatuses(Exchange exchange) {
        Map<Long, JsonNode> statuses = statuses(exchange);
        for (JsonNode status : exchange.getIn().getBody(JsonNode.class).path("orders")) {
            statuses.put(status.path("id").asLong(), status);
        }
    }

    /** Body becomes the page kept aside, each order with its {@code supplierStatus} and {@code wbStatus}. */
    public void withStatuses(Exchange exchange) {
        OrderSource.Page page = page(exchange);
        Map<Long, JsonNode> statuses = statuses(exchange);
        List<JsonNode> withStatus = new ArrayList<>();
        for (JsonNode order : page.records()) {
            ObjectNode copy = order.deepCopy();
            JsonNode status = statuses.get(order.path("id").asLong());
            if (status != null) {
                copy.put("supplierStatus", status.path("supplierStatus").asText(""));
                copy.put("wbStatus", status.path("wbStatus").asText(""));
            }
            withStatus.add(copy);
        }
        exchange.removeProperty(PAGE);
        exchange.removeProperty(STATUSES);
        exchange.getIn().setBody(new OrderSource.Page(withStatus, page.cursor(), page.hasNext()));
    }

    /** Whether the account makes one 1C order of a buyer's cart (settings.groupByCart: true). */
    public boolean groupsByCart(Exchange exchange) {
        return Boolean.parseBoolean(account(exchange).setting("groupByCart", "false"));
    }

    /**
     * Body: a page, for an account that groups by cart: a cart must be whole before it becomes one 1C order, so the
     * run's orders are kept (each once) until the last page, which becomes the run's carts; the pages before it
     * give nothing to load.
     */
    public void cartsOfTheRun(Exchange exchange) {
        OrderSource.Page page = exchange.getIn().getBody(OrderSource.Page.class);
        @SuppressWarnings("unchecked")
        Map<String, JsonNode> all = exchange.getProperty(RUN_ORDERS, Map.class);
        if (all == null) {
            all = new LinkedHashMap<>();
            exchange.setProperty(RUN_ORDERS, all);
        }
        for (JsonNode order : page.records()) {
            all.putIfAbsent(order.path("id").asText(), order);
        }
        if (page.hasNext()) {
            exchange.getIn().setBody(new OrderSource.Page(List.of(), page.cursor(), true));
            return;
        }
        exchange.removeProperty(RUN_ORDERS);
        exchange.getIn().setBody(new OrderSource.Page(carts(new ArrayList<>(all.values())), "", false));
    }

    /** The account's settings.productKey (chrtId, the default; nmId, article or barcode). */
    public WildberriesOrderTranslator.ProductKey productKey(Exchange exchange) {
        return WildberriesOrderTranslator.ProductKey.of(account(exchange).setting("productKey", "chrtId"));
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

    private static OrderSource.Page page(Exchange exchange) {
        return exchange.getProperty(PAGE, OrderSource.Page.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, JsonNode> statuses(Exchange exchange) {
        return exchange.getProperty(STATUSES, Map.class);
    }

    private static OrderSource.Window window(Exchange exchange) {
        return exchange.getProperty(FlowProperties.WINDOW, OrderSource.Window.class);
    }

    private static Account account(Exchange exchange) {
        return exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
