package io.github.marketplace1c.observe;

import io.github.marketplace1c.deadletter.DeadLetters;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges read at scrape time from the database and the outside: open dead letters (counted in SQL), the last
 * successful run of each marketplace, flow and account, the days left on the accounts' tokens, whether the database
 * and 1C answer. A part that cannot be read is left out of the scrape and its {@code _up} gauge says 0.
 */
final class StoreGauges implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(StoreGauges.class);

    private final DeadLetters deadLetters;
    private final RunStates runs;
    private final TokenLifetimes tokens;
    private final OneCProbe onec;

    StoreGauges(DeadLetters deadLetters, RunStates runs, TokenLifetimes tokens, OneCProbe onec) {
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.tokens = tokens;
        this.onec = onec;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        boolean database = true;
        try {
            GaugeSnapshot.Builder open = GaugeSnapshot.builder().name("mp1c_dead_letters_open")
                    .help("Open dead letters (status new), by marketplace, flow, account and reason");
            for (DeadLetters.OpenCount count : deadLetters.countOpenByReason()) {
                open.dataPoint(point(count.count(), "marketplace", count.marketplace(), "flow", count.flow(),
                        "account", count.accountId(), "reason", count.reason()));
            }
            GaugeSnapshot.Builder success = GaugeSnapshot.builder().name("mp1c_last_success_timestamp_seconds")
                    .help("When the last run whose counts add up (status OK) finished, seconds since 1970");
            for (RunStates.LastRun run : runs.lastSuccesses()) {
                if (run.finishedAt() != null) {
                    success.dataPoint(point(run.finishedAt().toEpochMilli() / 1000.0, "marketplace",
                            run.marketplace(), "flow", run.flow(), "account", run.accountId()));
                }
            }
            snapshots.add(open.build());
            snapshots.add(success.build());
        } catch (RuntimeException e) {
            database = false;
            LOG.warn("Metrics: the database did not answer ({})", e.getClass().getSimpleName());
        }
        snapshots.add(GaugeSnapshot.builder().name("mp1c_database_up").help("1 when the database answers")
                .dataPoint(point(database ? 1 : 0)).build());
        snapshots.add(GaugeSnapshot.builder().name("mp1c_onec_up").help("1 when 1C answers the smallest read")
                .dataPoint(point(onec.check().up() ? 1 : 0)).build());
        GaugeSnapshot.Builder days = GaugeSnapshot.builder().name("mp1c_token_days_left")
                .help("Days until the account's token expires (Wildberries: the JWT's exp); negative once expired");
        for (TokenLifetimes.Lifetime lifetime : tokens.all()) {
            days.dataPoint(point(lifetime.daysLeft(), "marketplace", lifetime.marketplace(), "account",
                    lifetime.accountId()));
        }
        snapshots.add(days.build());
        return new MetricSnapshots(snapshots);
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of("mp1c_dead_letters_open", "mp1c_last_success_timestamp_seconds", "mp1c_database_up",
                "mp1c_onec_up", "mp1c_token_days_left");
    }

    private static GaugeDataPointSnapshot point(double value, String... labels) {
        for (int i = 1; i < labels.length; i += 2) {
            labels[i] = labels[i] == null ? "" : labels[i];
        }
        return GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
    }
}
