package io.github.marketplace1c.deadletter;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Sends dead letters back through their flow's per-record entry point. A record that goes through marks its dead
 * letter {@code replayed}; one that fails again updates the same dead letter (attempts + 1, the new reason).
 * A replay first claims its letter, so that parallel replays of one letter (two clicks, two nodes) send it once:
 * the others answer NOT_REPLAYED with the reason why.
 */
public class DeadLetterReplayer {

    /** What became of one dead letter's replay. */
    public enum Outcome {
        /** replayed: the record went through */
        DONE,
        /** replayed: the flow had nothing to do (e.g. the order is already in 1C); the letter is over */
        SKIPPED,
        /** replayed and failed again: the same letter waits, with the new reason */
        DEAD_LETTER,
        /** not replayed: the letter is over or another replay holds it (the reason says which) */
        NOT_REPLAYED,
        /** the replay itself broke (an unexpected error) */
        FAILED
    }

    /** Why a letter was not replayed. */
    public enum NotReplayed { ALREADY_REPLAYED, ALREADY_RESOLVED, DISCARDED, REPLAY_IN_PROGRESS }

    public record Result(long id, String outcome, String reason, String message) {
    }

    /** A bulk replay's answer: each outcome counted, so that the counts add up to the letters it looked at. */
    public record Summary(int letters, int replayed, int failedAgain, int notReplayed,
                          Map<String, Integer> notReplayedBecause, int failed, List<Result> results) {

        public static Summary of(List<Result> results) {
            Map<String, Integer> because = new TreeMap<>();
            int replayed = 0;
            int failedAgain = 0;
            int notReplayed = 0;
            int failed = 0;
            for (Result r : results) {
                switch (r.outcome()) {
                    case "DONE", "SKIPPED" -> replayed++;
                    case "DEAD_LETTER" -> failedAgain++;
                    case "NOT_REPLAYED" -> {
                        notReplayed++;
                        because.merge(r.reason(), 1, Integer::sum);
                    }
                    default -> failed++;
                }
            }
            return new Summary(results.size(), replayed, failedAgain, notReplayed, because, failed, results);
        }
    }

    /** A claim older than this is a replay that died with its node; another may take the letter over. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(30);

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
            return notReplayed(letter);
        }
        String endpoint = ReplayTargets.endpoint(letter.replayTarget())
                .orElseThrow(() -> new IllegalStateException("Dead letter #" + id + " names an unknown replay target '"
                        + letter.replayTarget() + "'"));
        if (!deadLetters.claimForReplay(id, CLAIM_TIMEOUT)) {
            // another replay holds it, or it was resolved between the read and the claim
            DeadLetter now = deadLetters.find(id).orElse(letter);
            return DeadLetter.NEW.equals(now.status())
                    ? new Result(id, Outcome.NOT_REPLAYED.name(), NotReplayed.REPLAY_IN_PROGRESS.name(),
                            "dead letter #" + id + " is being replayed by another request; its outcome is in the journal")
                    : notReplayed(now);
        }
        try {
            // read again under the claim: the attempts a failed-again replay is told apart by
            return send(deadLetters.find(id).orElse(letter), endpoint, actor);
        } finally {
            deadLetters.releaseReplayClaim(id);
        }
    }

    private Result send(DeadLetter letter, String endpoint, String actor) {
        long id = letter.id();
        Account account = accounts.get(letter.accountId());
        Exchange exchange = new DefaultExchange(producer.getCamelContext());
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.TRIGGER, "replay");
        exchange.setProperty(FlowProperties.REPLAY_OF, id);
        exchange.getIn().setBody(letter.replayTarget().endsWith("-account") ? account : letter.payload());
        Exchange done = producer.send(endpoint, exchange);
        String outcome = done.getProperty(FlowProperties.OUTCOME, String.class);
        if (done.getException() != null) {
            return new Result(id, Outcome.FAILED.name(), "UNEXPECTED_ERROR", done.getException().getMessage());
        }
        DeadLetter again = deadLetters.find(id).orElse(letter);
        if (Journal.Outcome.DEAD_LETTER.name().equals(outcome)
                || DeadLetter.NEW.equals(again.status()) && again.attempts() > letter.attempts()) {
            // failed again: the same dead letter was updated (attempts + 1, the new reason)
            return new Result(id, Outcome.DEAD_LETTER.name(), again.reason(), again.message());
        }
        if (!DeadLetter.NEW.equals(again.status())) {
            return new Result(id, outcome == null ? Outcome.DONE.name() : outcome, null, null);
        }
        // A poll replay or a skipped record has no DONE record that resolves the letter: mark it here.
        deadLetters.markReplayed(id, actor);
        return new Result(id, outcome == null ? Outcome.DONE.name() : outcome, null,
                done.getProperty(FlowProperties.SKIP_REASON, String.class));
    }

    private static Result notReplayed(DeadLetter letter) {
        NotReplayed why = switch (letter.status()) {
            case DeadLetter.REPLAYED -> NotReplayed.ALREADY_REPLAYED;
            case DeadLetter.DISCARDED -> NotReplayed.DISCARDED;
            default -> NotReplayed.ALREADY_RESOLVED;
        };
        return new Result(letter.id(), Outcome.NOT_REPLAYED.name(), why.name(), "dead letter #" + letter.id() + " is "
                + letter.status() + (letter.actor() == null ? "" : " (by " + letter.actor() + ")")
                + ", only new ones are replayed");
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
