package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.flow.OrderSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The request and the answer of {@code POST /v4/posting/fbs/list} as the Ozon orders route pages through it
 * (bean {@code ozonPostingPages}): postings processed in the run's window and changed since the last run, 100 a
 * page, cursor paging ({@code cursor}, {@code has_next}).
 */
public class OzonPostingPages {

    private final ObjectMapper json;
    private final int pageSize;

    public OzonPostingPages(ObjectMapper json, int pageSize) {
        this.json = json;
        this.pageSize = pageSize;
    }

    /** Body becomes the list request for the run's window and the page's cursor (empty on the first page). */
    public void request(Exchange exchange) throws Exception {
        OrderSource.Window window = exchange.getProperty(FlowProperties.WINDOW, OrderSource.Window.class);
        String cursor = exchange.getProperty(FlowProperties.CURSOR, "", String.class);
        // Ozon accepts a period of at most one year
        Instant oneYearAgo = window.to().minus(Duration.ofDays(364));
        Instant since = window.since().isBefore(oneYearAgo) ? oneYearAgo : window.since();
        ObjectNode body = json.createObjectNode();
        body.put("cursor", cursor);
        body.put("limit", pageSize);
        body.put("sort_dir", "ASC");
        ObjectNode filter = body.putObject("filter");
        filter.put("since", since.toString());
        filter.put("to", window.to().toString());
        if (window.changedFrom() != null) {
            ObjectNode changed = filter.putObject("last_changed_status_date");
            changed.put("from", window.changedFrom().toString());
            changed.put("to", window.to().toString());
        }
        body.putObject("with").put("analytics_data", true);
        exchange.getIn().setBody(json.writeValueAsString(body));
    }

    /** Body: the answer's JSON. Becomes the page: its postings, the next cursor, whether there is a next page. */
    public void read(Exchange exchange) {
        JsonNode answer = exchange.getIn().getBody(JsonNode.class);
        JsonNode postings = answer.path("postings");
        if (!postings.isArray()) {
            Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
            throw new PermanentFailure(ReasonCode.INVALID_PAYLOAD, "Account " + account.id()
                    + ": Ozon's /v4/posting/fbs/list answer has no 'postings' list");
        }
        List<JsonNode> records = new ArrayList<>();
        postings.forEach(records::add);
        // has_next with an empty page would loop for ever: an empty page ends the run
        boolean hasNext = answer.path("has_next").asBoolean(false) && !records.isEmpty();
        exchange.getIn().setBody(new OrderSource.Page(records, answer.path("cursor").asText(""), hasNext));
    }
}
