package io.github.marketplace1c.deadletter;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Sends dead letters back through their flow's per-record entry point. A record that goes through marks its dead
 * letter {@code replayed}; one that fails again updates the same dead letter (attempts + 1, the new reason).
 */
public class DeadLetterReplayer {

    public record Result(long id, String outcome, String reason, String message) {
    }

    private final DeadLetters deadLetters;
    private final AccountRegistry accounts;
    private final ProducerTemplate producer;

    public DeadLetterReplayer(DeadLetters deadLetters, AccountRegistry accounts, ProducerTemplate producer) {
        this.deadLetters = deadLetters;
        this.accounts = accounts;
        this.producer = producer;
    }

    public Result replay(long id, String actor) {
        DeadLetter letter = deadLetters.find(id)
                .orElseThrow(() -> new IllegalArgumentException("No dead letter #" + id));
        if (!DeadLetter.NEW.equals(letter.status())) {
            return new Result(id, "NOT_REPLAYED", letter.reason(), "dead letter #" + id + " is " + letter.status()
                    + ", only new ones are replayed");
        }
        String endpoint = ReplayTargets.endpoint(letter.replayTarget())
                .orElseThrow(() -> new IllegalStateException("Dead letter #" + id + " names an unknown replay target '"
                        + letter.replayTarget() + "'"));
        Account account = accounts.get(letter.accountId());
        Exchange exchange = new DefaultExchange(producer.getCamelContext());
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.TRIGGER, "replay");
        exchange.setProperty(FlowProperties.REPLAY_OF, id);
        exchange.getIn().setBody(letter.replayTarget().endsWith("-account") ? account : letter.payload());
        Exchange done = producer.send(endpoint, exchange);
        String outcome = done.getProperty(FlowProperties.OUTCOME, String.class);
        if (done.getException() != null) {
            return new Result(id, "FAILED", "UNEXPECTED_ERROR", done.getException().getMessage());
        }
        DeadLetter again = deadLetters.find(id).orElse(letter);
        if (Journal.Outcome.DEAD_LETTER.name().equals(outcome)
                || DeadLetter.NEW.equals(again.status()) && again.attempts() > letter.attempts()) {
            // failed again: the same dead letter was updated (attempts + 1, the new reason)
            return new Result(id, Journal.Outcome.DEAD_LETTER.name(), again.reason(), again.message());
        }
        if (!DeadLetter.NEW.equals(again.status())) {
            return new Result(id, outcome == null ? "DONE" : outcome, null, null);
        }
        // A poll replay or a skipped record has no DONE record that resolves the letter: mark it here.
        deadLetters.markReplayed(id, actor);
        return new Result(id, outcome == null ? "DONE" : outcome, null,
                done.getProperty(FlowProperties.SKIP_REASON, String.class));
    }

    public List<Result> replayAll(DeadLetterFilter filter, String actor) {
        List<Result> results = new ArrayList<>();
        for (DeadLetter letter : deadLetters.list(filter)) {
            results.add(replay(letter.id(), actor));
        }
        return results;
    }

    /** After a product mapping was added: replays every dead letter parked for that product. */
    public List<Result> replayParkedForProduct(String marketplace, String accountId, String productKey, String actor) {
        List<Result> results = new ArrayList<>();
        for (DeadLetter letter : deadLetters.parkedForProduct(marketplace, accountId, productKey)) {
            results.add(replay(letter.id(), actor));
        }
        return results;
    }

    /** After a service mapping was added: replays every report parked for that service kind. */
    public List<Result> replayParkedForService(String marketplace, String accountId, String serviceKey, String actor) {
        List<Result> results = new ArrayList<>();
        for (DeadLetter letter : deadLetters.parkedForService(marketplace, accountId, serviceKey)) {
            results.add(replay(letter.id(), actor));
        }
        return results;
    }

    public List<Result> replayParkedForWarehouse(String marketplace, String accountId, String actor) {
        List<Result> results = new ArrayList<>();
        for (DeadLetter letter : deadLetters.parkedForWarehouse(marketplace, accountId)) {
            results.add(replay(letter.id(), actor));
        }
        return results;
    }
}
