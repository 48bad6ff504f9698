package io.github.marketplace1c.flow;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.deadletter.DeadLetter;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.journal.RecordClaims;
import io.github.marketplace1c.mapping.OrderResolver;
import io.github.marketplace1c.onec.OrderDocuments;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.order.StatusMap;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The marketplace-independent steps of an order record, after the marketplace adapter has made an {@link Order}:
 * screen (go-live date, already loaded), load into 1C (create, or cancel), and record the outcome.
 */
public class OrderIntake {

    private static final String ACTION = "mp1cStatusAction";

    private final StatusMap statusMap;
    private final OrderResolver resolver;
    private final OrderDocuments documents;
    private final RecordClaims claims;
    private final Journal journal;
    private final DeadLetters deadLetters;
    private final ZoneId zone;

    public OrderIntake(StatusMap statusMap, OrderResolver resolver, OrderDocuments documents, RecordClaims claims,
                       Journal journal, DeadLetters deadLetters, ZoneId zone) {
        this.statusMap = statusMap;
        this.resolver = resolver;
        this.documents = documents;
        this.claims = claims;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.zone = zone;
    }

    /**
     * The idempotency key of a record in a state: an order is created once and cancelled once, whatever the
     * number of times the marketplace shows it.
     */
    public static String claimKey(String recordKey, StatusMap.Action action) {
        return recordKey + (action == StatusMap.Action.CANCEL ? "#cancelled" : "#order");
    }

    /** Decides whether the order is loaded at all; sets {@link FlowProperties#SKIP_REASON} when it is not. */
    public void screen(Exchange exchange) {
        Order order = exchange.getProperty(FlowProperties.ORDER, Order.class);
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        StatusMap.Action action = statusMap.action(order.marketplace(), order.marketplaceStatus());
        exchange.setProperty(ACTION, action);
        if (action == StatusMap.Action.SKIP) {
            skip(exchange, "status " + order.marketplaceStatus() + " is not loaded (config/status-map.yaml)");
            return;
        }
        if (account.goLiveDate() != null
                && order.createdAt().isBefore(account.goLiveDate().atStartOfDay(zone).toInstant())) {
            skip(exchange, "created " + order.createdAt().atZone(zone).toLocalDate()
                    + ", before the account's go-live date " + account.goLiveDate());
            return;
        }
        String recordKey = exchange.getProperty(FlowProperties.RECORD_KEY, String.class);
        if (action == StatusMap.Action.CREATE
                && claims.isDone(flow(exchange), account.id(), claimKey(recordKey, StatusMap.Action.CANCEL))) {
            // a stale copy (a replay of an old dead letter): the marketplace has cancelled this order since
            skip(exchange, "cancelled on the marketplace since this copy of the order was taken");
            return;
        }
        String claimKey = claimKey(recordKey, action);
        exchange.setProperty(FlowProperties.CLAIM_KEY, claimKey);
        switch (claims.claim(flow(exchange), account.id(), claimKey)) {
            case CLAIMED -> exchange.removeProperty(FlowProperties.SKIP_REASON);
            case ALREADY_DONE -> {
                exchange.removeProperty(FlowProperties.CLAIM_KEY);
                skip(exchange, action == StatusMap.Action.CANCEL ? "cancellation already applied"
                        : "already loaded into 1C");
            }
            case BUSY_ELSEWHERE -> {
                // another run holds it; if that run died, its claim expires: retry, then park it for a replay
                exchange.removeProperty(FlowProperties.CLAIM_KEY);
                throw new TransientFailure(ReasonCode.CLAIMED_ELSEWHERE, "Account " + account.id() + ", "
                        + order.marketplace() + " order " + order.externalNumber() + " is being loaded by another "
                        + "run (or one that stopped: its claim is released within a minute of its instance going); "
                        + "the next run retries it, or replay it");
            }
        }
    }

    /** Creates the 1C order (or finds the one 1C has), or applies a cancellation to it. */
    public void load(Exchange exchange) {
        Order order = exchange.getProperty(FlowProperties.ORDER, Order.class);
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        if (exchange.getProperty(ACTION, StatusMap.Action.class) == StatusMap.Action.CANCEL) {
            Optional<OrderDocuments.Outcome> outcome = documents.cancel(order, account);
            if (outcome.isEmpty()) {
                skip(exchange, "cancelled on the marketplace before it reached 1C");
            } else {
                exchange.setProperty(FlowProperties.ONEC_OUTCOME, outcome.get());
            }
            return;
        }
        exchange.setProperty(FlowProperties.ONEC_OUTCOME, documents.createIfAbsent(resolver.resolve(order, account)));
    }

    public void done(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        String recordKey = exchange.getProperty(FlowProperties.RECORD_KEY, String.class);
        OrderDocuments.Outcome outcome = exchange.getProperty(FlowProperties.ONEC_OUTCOME, OrderDocuments.Outcome.class);
        claims.done(flow(exchange), account.id(), exchange.getProperty(FlowProperties.CLAIM_KEY, String.class),
                outcome.ref());
        String message = switch (outcome.action()) {
            case CREATED -> "order created in 1C" + (outcome.posted() ? " and posted" : "");
            case FOUND -> "1C already had this order" + (outcome.posted() ? " (posted)" : "");
            case CANCELLED -> "order cancelled in 1C";
            case ALREADY_CANCELLED -> "order was already cancelled in 1C";
        };
        journal.record(runId(exchange), marketplace(exchange), flow(exchange), account.id(), recordKey,
                Journal.Outcome.DONE, outcome.action().name(), message, outcome.ref(), outcome.number());
        deadLetters.resolveOpen(flow(exchange), account.id(), recordKey,
                exchange.getProperty(FlowProperties.REPLAY_OF) != null ? DeadLetter.REPLAYED : DeadLetter.RESOLVED,
                exchange.getProperty(FlowProperties.REPLAY_OF) != null ? "replay" : "poll");
        exchange.setProperty(FlowProperties.OUTCOME, Journal.Outcome.DONE.name());
    }

    /** Records the skip decided by {@link #screen} or {@link #load}. */
    public void skipped(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        String claimKey = exchange.getProperty(FlowProperties.CLAIM_KEY, String.class);
        if (claimKey != null) {
            claims.done(flow(exchange), account.id(), claimKey, null);
        }
        String recordKey = exchange.getProperty(FlowProperties.RECORD_KEY, String.class);
        journal.record(runId(exchange), marketplace(exchange), flow(exchange), account.id(), recordKey,
                Journal.Outcome.SKIPPED, "SKIPPED", exchange.getProperty(FlowProperties.SKIP_REASON, String.class),
                null, null);
        // an open dead letter of this record has nothing left to do
        deadLetters.resolveOpen(flow(exchange), account.id(), recordKey, DeadLetter.RESOLVED, "skipped: "
                + exchange.getProperty(FlowProperties.SKIP_REASON, String.class));
        exchange.setProperty(FlowProperties.OUTCOME, Journal.Outcome.SKIPPED.name());
    }

    private static void skip(Exchange exchange, String reason) {
        exchange.setProperty(FlowProperties.SKIP_REASON, reason);
    }

    static Long runId(Exchange exchange) {
        return exchange.getProperty(FlowProperties.RUN_ID, Long.class);
    }

    static String flow(Exchange exchange) {
        return exchange.getProperty(FlowProperties.FLOW, String.class);
    }

    static String marketplace(Exchange exchange) {
        return exchange.getProperty(FlowProperties.MARKETPLACE, String.class);
    }
}
