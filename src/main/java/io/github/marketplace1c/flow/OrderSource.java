package io.github.marketplace1c.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.order.Order;
import java.time.Instant;
import java.util.List;

/**
 * What a marketplace adapter tells the orders flow of its raw order records: their key, their status, and each
 * as a canonical {@link Order}. The pages are read by the marketplace's route file (routes/<marketplace>/
 * orders.camel.yaml, its calls as camel-http endpoints); everything else — runs, splitting, mapping, 1C, dead
 * letters — is the same for every marketplace ({@link OrderFlow}, routes/shared/orders.camel.yaml).
 */
public interface OrderSource {

    /** {@code ozon}, {@code wildberries}, {@code yandex-market}: the prefix of the flow's routes and beans. */
    String marketplace();

    /**
     * The period one run reads.
     *
     * @param since       orders created (processed) from this instant
     * @param to          the run's "now"
     * @param changedFrom orders whose status changed since then (the last run, minus an overlap); null on a first run
     */
    record Window(Instant since, Instant to, Instant changedFrom) {
    }

    /** One page of raw records, as a route read it, and where the next one starts; an empty cursor on the first. */
    record Page(List<JsonNode> records, String cursor, boolean hasNext) {
    }

    /** The record's key in the journal and dead letters (the marketplace's order number), even for a broken record. */
    String recordKey(JsonNode record);

    /** The marketplace status of a raw record, as the status map names it. */
    String status(JsonNode record);

    /** The record as a canonical order; a field that cannot be read is an INVALID_PAYLOAD naming it. */
    Order toOrder(Account account, JsonNode record);
}
