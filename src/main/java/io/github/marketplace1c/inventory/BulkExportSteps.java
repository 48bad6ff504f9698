package io.github.marketplace1c.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.deadletter.DeadLetter;
import io.github.marketplace1c.deadletter.DeadLetterFilter;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * What the stock and the price exports share, as route steps: a run per account, a batch's dead-letter identity
 * (so a batch that fails for good replays its items' current values), refused items as dead letters
 * MARKETPLACE_REJECTED, open dead letters resolved when their item goes through, the run's counts.
 */
abstract class BulkExportSteps {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkExportSteps.class);

    protected final Journal journal;
    protected final DeadLetters deadLetters;
    protected final AccountRegistry accounts;
    protected final ObjectMapper json;
    private final String flow;
    private final String openLettersProperty;

    BulkExportSteps(String flow, Journal journal, DeadLetters deadLetters, AccountRegistry accounts, ObjectMapper json) {
        this.flow = flow;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.accounts = accounts;
        this.json = json;
        this.openLettersProperty = "mp1cOpen-" + flow;
    }

    public abstract String marketplace();

    /** Body: the account. Opens the run. */
    public void startRun(Exchange exchange) {
        Account account = exchange.getIn().getBody(Account.class);
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, marketplace());
        exchange.setProperty(FlowProperties.FLOW, flow);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_POLL);
        exchange.setProperty(FlowProperties.RECORD_KEY, "export");
        exchange.setProperty(FlowProperties.REPLAY_TARGET, marketplace() + "-" + flow + "-account");
        exchange.setProperty(FlowProperties.PAYLOAD, "{\"account\":\"" + account.id() + "\"}");
        exchange.setProperty(FlowProperties.RUN_ID, journal.startRun(marketplace(), flow, account.id(),
                exchange.getProperty(FlowProperties.TRIGGER, "schedule", String.class)));
    }

    /** Counts what the run will send and notes the account's open dead letters of this flow. */
    protected void planned(Exchange exchange, Account account, int lines) {
        journal.fetched(exchange.getProperty(FlowProperties.RUN_ID, Long.class), lines);
        exchange.setProperty(openLettersProperty, openLetters(account));
    }

    /**
     * The lines the marketplace takes now: those whose item it accepted less than {@code minInterval} ago wait for a
     * later run (Ozon: a stock pair once in 30 s, a product's prices 10 times an hour) and count as skipped.
     *
     * @param key a line's "target/item" key in export_state
     */
    protected <L> List<L> due(Exchange exchange, Account account, List<L> lines, java.util.function.Function<L, String> key,
                              String kind, InventoryTables tables, java.time.Duration minInterval) {
        if (minInterval.isZero() || lines.isEmpty()) {
            return lines;
        }
        java.time.Instant now = tables.now();
        java.util.Map<String, java.time.Instant> sentAt = tables.sentAt(kind, account.id());
        List<L> due = lines.stream().filter(l -> {
            java.time.Instant last = sentAt.get(key.apply(l));
            return last == null || !now.isBefore(last.plus(minInterval));
        }).toList();
        if (due.size() < lines.size()) {
            Long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
            if (runId != null) {
                journal.bulk(runId, 0, lines.size() - due.size(), 0);
            }
            LOG.info("{} {}, account {}: {} items wait for a later run ({} takes an item's {} once in {} s)",
                    marketplace(), flow, account.id(), lines.size() - due.size(), marketplace(), flow,
                    minInterval.toSeconds());
        }
        return due;
    }

    /** Gives a batch the identity of its dead letter, should it fail as a whole. */
    protected void batchIdentity(Exchange exchange, String recordKey, String payload, int items) {
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_RECORD);
        exchange.setProperty(FlowProperties.RECORD_KEY, recordKey);
        exchange.setProperty(FlowProperties.PAYLOAD, payload);
        exchange.setProperty(FlowProperties.REPLAY_TARGET, marketplace() + "-" + flow + "-items");
        exchange.setProperty(FlowProperties.ITEM_COUNT, items);
    }

    /** An item the marketplace refused: a dead letter whose replay sends the item's current value. */
    protected void refused(Exchange exchange, Account account, String recordKey, String productKey, String message,
                           String payload) {
        Long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        boolean waiting = deadLetters.parkRecord(marketplace(), flow, account.id(), recordKey,
                ReasonCode.MARKETPLACE_REJECTED.name(), message, payload, marketplace() + "-" + flow + "-items",
                List.of(productKey)).stillWaiting();
        if (runId != null) {
            journal.record(runId, marketplace(), flow, account.id(), recordKey, Journal.Outcome.DEAD_LETTER,
                    ReasonCode.MARKETPLACE_REJECTED.name(), message, null, null, waiting);
        }
    }

    /** An item went through: its open dead letter, if any, is resolved. */
    protected void wentThrough(Exchange exchange, Account account, String recordKey) {
        if (openLetters(exchange, account).contains(recordKey)) {
            deadLetters.resolveOpen(flow, account.id(), recordKey,
                    exchange.getProperty(FlowProperties.REPLAY_OF) != null ? DeadLetter.REPLAYED : DeadLetter.RESOLVED,
                    "export");
        }
    }

    /** Counts a batch's accepted items and says how it ended. */
    protected void batchDone(Exchange exchange, int accepted, boolean anyRefused) {
        Long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        if (runId != null) {
            journal.bulk(runId, accepted, 0, 0);
        }
        exchange.setProperty(FlowProperties.OUTCOME, anyRefused ? Journal.Outcome.DEAD_LETTER.name()
                : Journal.Outcome.DONE.name());
    }

    public Journal.RunSummary finishRun(Exchange exchange) {
        Journal.RunSummary summary = journal.finishRun(exchange.getProperty(FlowProperties.RUN_ID, Long.class), null);
        exchange.getIn().setBody(summary);
        return summary;
    }

    /** Sets up a replay's exchange: body {"account", ...}; returns the account. */
    protected Account replayAccount(Exchange exchange, com.fasterxml.jackson.databind.JsonNode request) {
        Account account = accounts.get(request.path("account").asText());
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, marketplace());
        exchange.setProperty(FlowProperties.FLOW, flow);
        return account;
    }

    private Set<String> openLetters(Account account) {
        Set<String> keys = new HashSet<>();
        deadLetters.list(new DeadLetterFilter(null, account.id(), flow, DeadLetter.NEW, null, null, 100_000))
                .forEach(l -> keys.add(l.recordKey()));
        return keys;
    }

    @SuppressWarnings("unchecked")
    private Set<String> openLetters(Exchange exchange, Account account) {
        Set<String> keys = exchange.getProperty(openLettersProperty, Set.class);
        if (keys == null) {
            keys = openLetters(account);
            exchange.setProperty(openLettersProperty, keys);
        }
        return keys;
    }
}
