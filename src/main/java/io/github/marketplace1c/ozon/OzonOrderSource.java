package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.order.Order;
import java.time.Duration;
import java.time.Instant;

/**
 * Ozon FBS postings for the orders flow: {@code POST /v4/posting/fbs/list}, postings processed since the window's
 * start and changed since the last run, cursor paging.
 */
public class OzonOrderSource implements OrderSource {

    private final OzonSellerClient client;
    private final OzonPostingTranslator translator;
    private final int pageSize;

    public OzonOrderSource(OzonSellerClient client, OzonPostingTranslator translator, int pageSize) {
        this.client = client;
        this.translator = translator;
        this.pageSize = pageSize;
    }

    @Override
    public String marketplace() {
        return OzonPostingTranslator.MARKETPLACE;
    }

    @Override
    public Page fetch(Account account, Window window, String cursor) {
        // Ozon accepts a period of at most one year
        Instant oneYearAgo = window.to().minus(Duration.ofDays(364));
        Instant since = window.since().isBefore(oneYearAgo) ? oneYearAgo : window.since();
        OzonSellerClient.Page page = client.postings(account, since, window.to(), window.changedFrom(), cursor, pageSize);
        // has_next with an empty page would loop for ever: an empty page ends the run
        return new Page(page.postings(), page.cursor(), page.hasNext() && !page.postings().isEmpty());
    }

    @Override
    public String recordKey(JsonNode record) {
        return translator.recordKey(record);
    }

    @Override
    public String status(JsonNode record) {
        return record.path("status").asText("");
    }

    @Override
    public Order toOrder(Account account, JsonNode record) {
        return translator.toOrder(account.id(), record);
    }
}
