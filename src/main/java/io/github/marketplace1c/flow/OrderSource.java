package io.github.marketplace1c.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.order.Order;
import java.time.Instant;
import java.util.List;

/**
 * What a marketplace adapter gives the orders flow: pages of raw order records for an account and a period, and
 * each record as a canonical {@link Order}. Everything else — runs, splitting, mapping, 1C, dead letters — is the
 * same for every marketplace ({@link OrderFlow}, routes/shared/orders.camel.yaml).
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

    /** One page of raw records and where the next one starts; an empty cursor on the first call. */
    record Page(List<JsonNode> records, String cursor, boolean hasNext) {
    }

    /**
     * Reads one page. A marketplace whose orders route makes the call itself (Ozon: routes/ozon/orders.camel.yaml)
     * does not implement it; the others do until their routes are written the same way.
     */
    default Page fetch(Account account, Window window, String cursor) {
        throw new UnsupportedOperationException(marketplace() + " order pages are read by its route file");
    }

    /** The record's key in the journal and dead letters (the marketplace's order number), even for a broken record. */
    String recordKey(JsonNode record);

    /** The marketplace status of a raw record, as the status map names it. */
    String status(JsonNode record);

    /** The record as a canonical order; a field that cannot be read is an INVALID_PAYLOAD naming it. */
    Order toOrder(Account account, JsonNode record);
}
