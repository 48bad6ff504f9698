package io.github.marketplace1c.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.deadletter.DeadLetter;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.journal.PollState;
import io.github.marketplace1c.journal.RecordClaims;
import io.github.marketplace1c.order.StatusMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The steps of one marketplace's orders flow, as its route file calls them (routes/<marketplace>/orders.camel.yaml):
 * open a run for an account, take each page the route read, name each record, close the run.
 *
 * <p>Which orders: those whose status changed since the last successful run of the account (the watermark, minus an
 * overlap for clock skew), among orders created since the go-live date minus a look-back; on the first run, every
 * order in that window. Orders created before the go-live date are fetched and skipped with that reason, so a late
 * cancellation of an old order is visible in the journal rather than silently absent. A record whose state is
 * already in 1C is not taken again: marketplaces that cannot filter by change time (Wildberries) return the same
 * orders on every run, and the journal would drown in them.
 */
public class OrderFlow {

    public static final String FLOW = "orders";
    private static final String SEEN = "mp1cSeenRecordKeys";

    private final OrderSource source;
    private final Journal journal;
    private final PollState pollState;
    private final RecordClaims claims;
    private final StatusMap statusMap;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration lookBack;
    private final Duration overlap;
    private final DeadLetters deadLetters;

    public OrderFlow(OrderSource source, Journal journal, PollState pollState, RecordClaims claims, StatusMap statusMap,
                     ObjectMapper json, Clock clock, ZoneId zone, Duration lookBack, Duration overlap,
                     DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.source = source;
        this.journal = journal;
        this.pollState = pollState;
        this.claims = claims;
        this.statusMap = statusMap;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.lookBack = lookBack;
        this.overlap = overlap;
    }

    /**
     * What runs before each scheduled run of an account: the poll's own replay of its transient dead letters
     * (docs/dead-letters.md). An interface of this package, so that flow does not depend on who implements it.
     */
    public interface BeforeRun {
        void before(String marketplace, String flow, Account account);
    }

    /** null: none. */
    private volatile BeforeRun retries;

    public void retries(BeforeRun retries) {
        this.retries = retries;
    }

    public OrderSource source() {
        return source;
    }

    /** Body: the account. Opens a journal run and fixes the window for every page of this run. */
    public void startRun(Exchange exchange) {
        Account account = exchange.getIn().getBody(Account.class);
        if (retries != null && !"replay".equals(exchange.getProperty(FlowProperties.TRIGGER, String.class))) {
            retries.before(source.marketplace(), FLOW, account); // records that failed for a while, before the poll
        }
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, source.marketplace());
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_POLL);
        exchange.setProperty(FlowProperties.RECORD_KEY, "poll");
        exchange.setProperty(FlowProperties.REPLAY_TARGET, source.marketplace() + "-orders-account");
        exchange.setProperty(FlowProperties.PAYLOAD, "{\"account\":\"" + account.id() + "\"}");
        String trigger = exchange.getProperty(FlowProperties.TRIGGER, "schedule", String.class);
        exchange.setProperty(FlowProperties.RUN_ID, journal.startRun(source.marketplace(), FLOW, account.id(), trigger));
        Instant now = clock.instant();
        Instant watermark = pollState.watermark(runKey(), account.id()).orElse(null);
        Instant start = account.goLiveDate() == null ? now.minus(lookBack)
                : account.goLiveDate().atStartOfDay(zone).toInstant().minus(lookBack);
        exchange.setProperty(FlowProperties.WINDOW, new OrderSource.Window(start, now,
                watermark == null ? null : watermark.minus(overlap)));
        exchange.setProperty(FlowProperties.CURSOR, "");
        exchange.setProperty(FlowProperties.HAS_NEXT, true);
    }

    /**
     * Body: a page the route read ({@link OrderSource.Page}). Counts what is new in it, keeps where the next page
     * starts, and leaves in the body the records to load: those not seen earlier in this run and not in 1C already.
     */
    public void takePage(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        OrderSource.Page page = exchange.getIn().getBody(OrderSource.Page.class);
        @SuppressWarnings("unchecked")
        Set<String> seen = exchange.getProperty(SEEN, Set.class);
        if (seen == null) {
            seen = new HashSet<>();
            exchange.setProperty(SEEN, seen);
        }
        List<JsonNode> fresh = new ArrayList<>();
        for (JsonNode record : page.records()) {
            // a marketplace may list an order twice in one run (Wildberries: new orders, then the period's orders)
            if (seen.add(source.recordKey(record)) && !alreadyLoaded(account, record)) {
                fresh.add(record);
            }
        }
        journal.fetched(exchange.getProperty(FlowProperties.RUN_ID, Long.class), fresh.size());
        exchange.setProperty(FlowProperties.CURSOR, page.cursor());
        exchange.setProperty(FlowProperties.HAS_NEXT, page.hasNext());
        exchange.getIn().setBody(fresh);
    }

    private boolean alreadyLoaded(Account account, JsonNode record) {
        StatusMap.Action action = statusMap.action(source.marketplace(), source.status(record));
        if (action == StatusMap.Action.SKIP) {
            return false; // counted and skipped with its reason
        }
        return claims.isDone(FLOW, account.id(), OrderIntake.claimKey(source.recordKey(record), action));
    }

    /** Body: one record. Names it and keeps it as it came, for the journal and dead letters. */
    public void beginRecord(Exchange exchange) throws Exception {
        JsonNode record = exchange.getIn().getBody(JsonNode.class);
        if (record == null) {
            record = json.readTree(exchange.getIn().getBody(String.class));
        }
        exchange.getIn().setBody(record);
        exchange.setProperty(FlowProperties.MARKETPLACE, source.marketplace());
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_RECORD);
        exchange.setProperty(FlowProperties.RECORD_KEY, source.recordKey(record));
        exchange.setProperty(FlowProperties.PAYLOAD, json.writeValueAsString(record));
        exchange.setProperty(FlowProperties.REPLAY_TARGET, source.marketplace() + "-orders-record");
        exchange.removeProperty(FlowProperties.SKIP_REASON);
        exchange.removeProperty(FlowProperties.CLAIM_KEY);
        exchange.removeProperty(FlowProperties.OUTCOME);
    }

    /** Closes the run; the watermark moves only when every page was read. */
    public Journal.RunSummary finishRun(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        OrderSource.Window window = exchange.getProperty(FlowProperties.WINDOW, OrderSource.Window.class);
        pollState.advance(runKey(), account.id(), window.to());
        // a poll that failed before has now been read in full
        deadLetters.resolveOpen(FLOW, account.id(), "poll", DeadLetter.RESOLVED, "poll");
        Journal.RunSummary summary = journal.finishRun(exchange.getProperty(FlowProperties.RUN_ID, Long.class), null);
        exchange.getIn().setBody(summary);
        return summary;
    }

    private static String runKey() {
        return FLOW;
    }
}
