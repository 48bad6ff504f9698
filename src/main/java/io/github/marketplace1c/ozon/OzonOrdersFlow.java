package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.journal.PollState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.camel.Exchange;

/**
 * The Ozon side of the orders flow, as steps of {@code routes/ozon/orders.camel.yaml}: open a run for an account,
 * read its postings page by page, and turn each posting into a canonical order.
 *
 * <p>Which postings: everything whose status changed since the last successful run (the watermark, minus an
 * overlap for clock skew), among postings processed since the go-live date minus a look-back; on the first run,
 * every posting in that window. Postings created before the go-live date are fetched and skipped with that
 * reason, so a cancellation of an old posting is visible in the journal rather than silently absent.
 */
public class OzonOrdersFlow {

    public static final String FLOW = "orders";

    /** The period one run reads. */
    public record Window(Instant since, Instant to, Instant changedFrom) {
    }

    private final OzonSellerClient client;
    private final OzonPostingTranslator translator;
    private final Journal journal;
    private final PollState pollState;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration lookBack;
    private final Duration overlap;
    private final int pageSize;

    public OzonOrdersFlow(OzonSellerClient client, OzonPostingTranslator translator, Journal journal,
                          PollState pollState, ObjectMapper json, Clock clock, ZoneId zone, Duration lookBack,
                          Duration overlap, int pageSize) {
        this.client = client;
        this.translator = translator;
        this.journal = journal;
        this.pollState = pollState;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.lookBack = lookBack;
        this.overlap = overlap;
        this.pageSize = pageSize;
    }

    /** Body: the account. Opens a journal run and fixes the window for every page of this run. */
    public void startRun(Exchange exchange) {
        Account account = exchange.getIn().getBody(Account.class);
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, OzonPostingTranslator.MARKETPLACE);
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_POLL);
        exchange.setProperty(FlowProperties.RECORD_KEY, "poll");
        exchange.setProperty(FlowProperties.REPLAY_TARGET, "ozon-orders-account");
        exchange.setProperty(FlowProperties.PAYLOAD, "{\"account\":\"" + account.id() + "\"}");
        String trigger = exchange.getProperty(FlowProperties.TRIGGER, "schedule", String.class);
        exchange.setProperty(FlowProperties.RUN_ID,
                journal.startRun(OzonPostingTranslator.MARKETPLACE, FLOW, account.id(), trigger));
        Instant now = clock.instant();
        Instant watermark = pollState.watermark(FLOW, account.id()).orElse(null);
        Instant start = account.goLiveDate() == null ? now.minus(lookBack)
                : account.goLiveDate().atStartOfDay(zone).toInstant().minus(lookBack);
        // Ozon accepts a period of at most one year
        Instant oneYearAgo = now.minus(Duration.ofDays(364));
        Instant since = start.isBefore(oneYearAgo) ? oneYearAgo : start;
        exchange.setProperty(FlowProperties.WINDOW, new Window(since, now,
                watermark == null ? null : watermark.minus(overlap)));
        exchange.setProperty(FlowProperties.CURSOR, "");
        exchange.setProperty(FlowProperties.HAS_NEXT, true);
    }

    /** Reads the next page; body becomes the list of postings. */
    public void fetchPage(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        Window window = exchange.getProperty(FlowProperties.WINDOW, Window.class);
        OzonSellerClient.Page page = client.postings(account, window.since(), window.to(), window.changedFrom(),
                exchange.getProperty(FlowProperties.CURSOR, String.class), pageSize);
        journal.fetched(exchange.getProperty(FlowProperties.RUN_ID, Long.class), page.postings().size());
        exchange.setProperty(FlowProperties.CURSOR, page.cursor());
        exchange.setProperty(FlowProperties.HAS_NEXT, page.hasNext() && !page.postings().isEmpty());
        exchange.getIn().setBody(page.postings());
    }

    /** Body: one posting. Names the record and keeps it as it came, for the journal and dead letters. */
    public void beginRecord(Exchange exchange) throws Exception {
        JsonNode posting = exchange.getIn().getBody(JsonNode.class);
        if (posting == null) {
            posting = json.readTree(exchange.getIn().getBody(String.class));
        }
        exchange.getIn().setBody(posting);
        exchange.setProperty(FlowProperties.MARKETPLACE, OzonPostingTranslator.MARKETPLACE);
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_RECORD);
        exchange.setProperty(FlowProperties.RECORD_KEY, translator.recordKey(posting));
        exchange.setProperty(FlowProperties.PAYLOAD, json.writeValueAsString(posting));
        exchange.setProperty(FlowProperties.REPLAY_TARGET, "ozon-orders-record");
        exchange.removeProperty(FlowProperties.SKIP_REASON);
        exchange.removeProperty(FlowProperties.CLAIM_KEY);
        exchange.removeProperty(FlowProperties.OUTCOME);
    }

    public void translate(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        exchange.setProperty(FlowProperties.ORDER, translator.toOrder(account.id(), exchange.getIn().getBody(JsonNode.class)));
    }

    /** Closes the run; the watermark moves only when every page was read. */
    public Journal.RunSummary finishRun(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        Window window = exchange.getProperty(FlowProperties.WINDOW, Window.class);
        pollState.advance(FLOW, account.id(), window.to());
        Journal.RunSummary summary = journal.finishRun(exchange.getProperty(FlowProperties.RUN_ID, Long.class), null);
        exchange.getIn().setBody(summary);
        return summary;
    }
}
