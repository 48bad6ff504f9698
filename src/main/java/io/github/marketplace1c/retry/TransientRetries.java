package io.github.marketplace1c.retry;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.deadletter.DeadLetter;
import io.github.marketplace1c.deadletter.DeadLetterFilter;
import io.github.marketplace1c.deadletter.DeadLetterReplayer;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.failure.ReasonCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll retries what failed only for a while (1C or the marketplace away, a claim of an instance that was
 * still going): at the start of an account's orders run its open transient dead letters of single records are
 * replayed, each after a backoff that doubles with its attempts, so once 1C is back nothing needs a person
 * (docs/dead-letters.md, "Retried by the poll"). A letter past {@code maxAttempts} waits for a person.
 * The poll would not meet these records again by itself: its window moves on past them.
 */
public class TransientRetries {

    private static final Logger LOG = LoggerFactory.getLogger(TransientRetries.class);

    /** Failures that pass by themselves; every other reason needs a fix first (a mapping, a setting). */
    public static final Set<String> TRANSIENT = Set.of(ReasonCode.ONEC_UNAVAILABLE.name(),
            ReasonCode.MARKETPLACE_UNAVAILABLE.name(), ReasonCode.CLAIMED_ELSEWHERE.name());

    /** The most letters one run replays before its own poll, so a long outage does not hold the poll up. */
    private static final int PER_RUN = 50;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final DeadLetters deadLetters;
    private final DeadLetterReplayer replayer;
    private final Clock clock;
    private final Duration firstWait;
    private final int maxAttempts;

    public TransientRetries(DeadLetters deadLetters, DeadLetterReplayer replayer, Clock clock, Duration firstWait,
                            int maxAttempts) {
        this.deadLetters = deadLetters;
        this.replayer = replayer;
        this.clock = clock;
        this.firstWait = firstWait;
        this.maxAttempts = maxAttempts;
    }

    /** Replays the account's due transient dead letters of the flow's single records; never fails the run. */
    public List<DeadLetterReplayer.Result> retry(String marketplace, String flow, Account account) {
        try {
            List<DeadLetter> due = deadLetters.list(new DeadLetterFilter(null, account.id(), flow, DeadLetter.NEW,
                    null, null, 1000)).stream()
                    .filter(letter -> marketplace.equals(letter.marketplace()))
                    // a failed poll is done again by the poll itself; only records are replayed here
                    .filter(letter -> letter.replayTarget().equals(marketplace + "-" + flow + "-record"))
                    .filter(letter -> TRANSIENT.contains(letter.reason()))
                    .filter(this::due)
                    .limit(PER_RUN)
                    .toList();
            List<DeadLetterReplayer.Result> results = due.stream()
                    .map(letter -> replayer.replay(letter.id(), "poll retry")).toList();
            if (!results.isEmpty()) {
                LOG.info("Account {}, {} {}: {} failed records retried, {} done", account.id(), marketplace, flow,
                        results.size(), results.stream().filter(r -> !"DEAD_LETTER".equals(r.outcome())).count());
            }
            return results;
        } catch (RuntimeException e) {
            LOG.warn("Account {}, {} {}: failed records not retried this run: {}", account.id(), marketplace, flow,
                    e.getMessage());
            return List.of();
        }
    }

    /** Due after {@code firstWait × 2^(attempts-1)} (at most an hour) since the letter last failed. */
    boolean due(DeadLetter letter) {
        if (letter.attempts() >= maxAttempts) {
            return false;
        }
        Duration wait = firstWait.multipliedBy(1L << Math.min(20, Math.max(0, letter.attempts() - 1)));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        Instant last = letter.updatedAt() != null ? letter.updatedAt() : letter.createdAt();
        return !last.plus(wait).isAfter(clock.instant());
    }
}
