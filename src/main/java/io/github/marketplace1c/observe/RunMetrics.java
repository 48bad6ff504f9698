package io.github.marketplace1c.observe;

import io.github.marketplace1c.journal.Journal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Counts each finished run's outcomes, as the journal closed it: records fetched, done, skipped and sent to dead
 * letters per marketplace, flow and account, and runs per status (OK, INCOMPLETE, FAILED).
 */
final class RunMetrics {

    private final MeterRegistry registry;

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(Journal.RunSummary run) {
        Tags tags = Tags.of("marketplace", run.marketplace(), "flow", run.flow(), "account", run.accountId());
        count("mp1c.records.fetched", "Records read from the marketplace (or 1C) by the runs", tags, run.fetched());
        count("mp1c.records.done", "Records that reached their target", tags, run.done());
        count("mp1c.records.skipped", "Records skipped with a reason (before go-live, a status not loaded)", tags,
                run.skipped());
        count("mp1c.records.dead.letters", "Records that became dead letters", tags, run.deadLetters());
        count("mp1c.runs", "Finished runs by status", tags.and("status", run.status()), 1);
    }

    private void count(String name, String help, Tags tags, double amount) {
        Counter.builder(name).description(help).tags(tags).register(registry).increment(amount);
    }
}
