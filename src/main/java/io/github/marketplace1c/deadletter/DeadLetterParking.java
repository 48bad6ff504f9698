package io.github.marketplace1c.deadletter;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.FlowFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.journal.RecordClaims;
import io.github.marketplace1c.mapping.UnmappedProductException;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every failure path ({@code direct:dead-letter}): the record becomes a dead letter with its reason and
 * the other side's own message, the journal counts it (as new, or as still waiting when the record's dead letter was
 * already open: the same unmapped product seen again by the next poll), its idempotency claim is released so it can be replayed,
 * and a failed poll closes its run as FAILED.
 */
public class DeadLetterParking {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterParking.class);

    private final DeadLetters deadLetters;
    private final Journal journal;
    private final RecordClaims claims;

    public DeadLetterParking(DeadLetters deadLetters, Journal journal, RecordClaims claims) {
        this.deadLetters = deadLetters;
        this.journal = journal;
        this.claims = claims;
    }

    public void park(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ReasonCode reason = reason(failure);
        String message = message(failure);
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        String accountId = account == null ? "?" : account.id();
        String marketplace = exchange.getProperty(FlowProperties.MARKETPLACE, "?", String.class);
        String flow = exchange.getProperty(FlowProperties.FLOW, "?", String.class);
        String recordKey = exchange.getProperty(FlowProperties.RECORD_KEY, "?", String.class);
        String claimKey = exchange.getProperty(FlowProperties.CLAIM_KEY, String.class);
        if (claimKey != null && account != null) {
            claims.release(flow, accountId, claimKey);
        }
        List<String> productKeys = failure instanceof UnmappedProductException u ? u.productKeys()
                : failure instanceof io.github.marketplace1c.report.UnmappedServiceException s ? s.serviceKeys() : List.of();
        DeadLetters.Parked parked = deadLetters.parkRecord(marketplace, flow, accountId, recordKey, reason.name(),
                message, exchange.getProperty(FlowProperties.PAYLOAD, String.class),
                exchange.getProperty(FlowProperties.REPLAY_TARGET, "none", String.class), productKeys);
        long id = parked.id();
        Long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        boolean poll = FlowProperties.STAGE_POLL.equals(exchange.getProperty(FlowProperties.STAGE, String.class));
        if (parked.stillWaiting()) {
            LOG.info("Dead letter #{} still waiting ({}) — {} {} {}", id, reason, marketplace, flow, recordKey);
        } else {
            LOG.warn("Dead letter #{} {} — {} {} {}: {}", id, reason, marketplace, flow, recordKey, message);
        }
        if (poll) {
            if (runId != null) {
                // the poll's dead letter is counted in its run (dead letters 1), what it never tried as not attempted
                journal.failRun(runId, reason + ": " + message, parked.stillWaiting());
            }
        } else if (exchange.getProperty(FlowProperties.ITEM_COUNT) != null) {
            // a batch of a bulk flow: every item in it failed with it
            if (runId != null) {
                int items = exchange.getProperty(FlowProperties.ITEM_COUNT, Integer.class);
                journal.bulk(runId, 0, 0, items, parked.stillWaiting() ? items : 0);
            }
        } else {
            journal.record(runId, marketplace, flow, accountId, recordKey, Journal.Outcome.DEAD_LETTER, reason.name(),
                    message, null, null, parked.stillWaiting());
        }
        exchange.setProperty(FlowProperties.OUTCOME, Journal.Outcome.DEAD_LETTER.name());
        exchange.setProperty("mp1cDeadLetterId", id);
    }

    static ReasonCode reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FlowFailure f) {
                return f.reason();
            }
        }
        return ReasonCode.UNEXPECTED_ERROR;
    }

    static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FlowFailure f) {
                return f.getMessage();
            }
        }
        if (failure == null) {
            return "unknown failure";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
