package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.http.RouteCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The request and the answer of {@code POST /v1/businesses/{businessId}/orders} as the Yandex Market orders route
 * pages through it (bean {@code yandexMarketOrderPages}): the account's campaign (settings {@code businessId} and
 * {@code campaignId} in accounts.yaml), orders created since the window's start and updated since the last run, at
 * most 50 a page, {@code pageToken} paging. Market accepts creation dates at most 30 days apart, the end day not
 * included: the window is read in such periods. The run's cursor: {@code "<period's first day>|<pageToken>"}.
 */
public class YandexMarketOrderPages {

    static final String BUSINESS_ID = "mp1cYmBusinessId";
    static final String QUERY = "mp1cYmQuery";
    private static final String PERIOD_FROM = "mp1cYmPeriodFrom";
    private static final String PERIOD_UNTIL = "mp1cYmPeriodUntil";
    private static final int PERIOD_DAYS = 30;

    private final ObjectMapper json;
    private final ZoneId zone;
    private final int pageSize;

    /** @param zone the zone of Market's creation dates (Moscow) */
    public YandexMarketOrderPages(ObjectMapper json, ZoneId zone, int pageSize) {
        this.json = json;
        this.zone = zone;
        this.pageSize = Math.min(50, pageSize);
    }

    /**
     * Body becomes the list request for the cursor's period (and, after a first run, updated since the last run);
     * the business id and the query ({@code limit}, {@code pageToken}) go to the call's URI.
     */
    public void request(Exchange exchange) throws Exception {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        OrderSource.Window window = exchange.getProperty(FlowProperties.WINDOW, OrderSource.Window.class);
        String cursor = exchange.getProperty(FlowProperties.CURSOR, "", String.class);
        long businessId = Long.parseLong(account.requiredSetting("businessId"));
        long campaignId = Long.parseLong(account.requiredSetting("campaignId"));
        LocalDate end = LocalDate.ofInstant(window.to(), zone).plusDays(1); // exclusive
        LocalDate from = LocalDate.ofInstant(window.since(), zone);
        String pageToken = null;
        if (!cursor.isEmpty()) {
            String[] parts = cursor.split("\\|", 2);
            from = LocalDate.parse(parts[0]);
            pageToken = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        }
        LocalDate until = from.plusDays(PERIOD_DAYS).isBefore(end) ? from.plusDays(PERIOD_DAYS) : end;

        ObjectNode body = json.createObjectNode();
        body.putArray("campaignIds").add(campaignId);
        ObjectNode dates = body.putObject("dates");
        dates.put("creationDateFrom", from.toString());
        dates.put("creationDateTo", until.toString());
        if (window.changedFrom() != null) {
            dates.put("updateDateFrom", window.changedFrom().toString());
            dates.put("updateDateTo", window.to().toString());
        }
        exchange.getIn().setBody(json.writeValueAsString(body));
        exchange.setProperty(BUSINESS_ID, businessId);
        exchange.setProperty(QUERY, "limit=" + pageSize
                + (pageToken == null ? "" : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8)));
        exchange.setProperty(PERIOD_FROM, from);
        exchange.setProperty(PERIOD_UNTIL, until);
        RouteCall.name(exchange, "POST", "/v1/businesses/" + businessId + "/orders");
    }

    /**
     * Body: the answer's JSON. Becomes the page: its orders and where the next page starts — the next
     * {@code pageToken} of this period, else the next period while one is left of the window.
     */
    public void read(Exchange exchange) {
        OrderSource.Window window = exchange.getProperty(FlowProperties.WINDOW, OrderSource.Window.class);
        JsonNode answer = exchange.getIn().getBody(JsonNode.class);
        List<JsonNode> orders = new ArrayList<>();
        answer.path("orders").forEach(orders::add);
        String next = answer.path("paging").path("nextPageToken").asText("");
        LocalDate from = exchange.getProperty(PERIOD_FROM, LocalDate.class);
        LocalDate until = exchange.getProperty(PERIOD_UNTIL, LocalDate.class);
        LocalDate end = LocalDate.ofInstant(window.to(), zone).plusDays(1);
        OrderSource.Page page;
        if (!next.isEmpty() && !orders.isEmpty()) {
            page = new OrderSource.Page(orders, from + "|" + next, true);
        } else {
            boolean more = until.isBefore(end);
            page = new OrderSource.Page(orders, more ? until + "|" : "", more);
        }
        exchange.getIn().setBody(page);
    }
}
