package io.github.marketplace1c.observe;

import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.onec.ODataClient;
import io.github.marketplace1c.ratelimit.RateLimitWaits;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * What operators see (docs/operations.md): the Prometheus registry that Camel's {@code /observe/metrics} serves
 * (Camel's own route metrics, the JVM's, and ours), the checks of {@code /observe/health}, the log context of every
 * step. Camel's management server serves both, on its own host and port ({@code mp1c.observe.*}), without a
 * token: nothing in them is a secret.
 */
public final class Observability {

    /** The parts of the application the metrics and checks read. */
    public record Sources(DataSource dataSource, Journal journal, DeadLetters deadLetters, AccountRegistry accounts,
                          ODataClient odata, HttpJson marketplaceHttp, HttpJson onecHttp,
                          Map<String, String> marketplaceUrls, Clock clock) {
    }

    private Observability() {
    }

    public static TokenLifetimes install(CamelContext context, Sources sources) {
        Registry registry = context.getRegistry();
        // Camel's metrics (camel.metrics.enabled) take the registry bound under this name, or bind theirs there:
        // one registry, one scrape
        PrometheusMeterRegistry meters = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                PrometheusMeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        }
        new JvmMemoryMetrics().bindTo(meters);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);

        RunMetrics runMetrics = new RunMetrics(meters);
        sources.journal().onRunFinished(runMetrics::finished);
        CallMetrics calls = new CallMetrics(meters);
        HttpJson.CallObserver marketplaceCalls = calls.marketplaces(byHost(sources.marketplaceUrls()));
        sources.marketplaceHttp().observeCalls(marketplaceCalls);
        context.getManagementStrategy().addEventNotifier(new RouteCallEvents(marketplaceCalls));
        sources.onecHttp().observeCalls(calls.onec());
        RateLimitWaits.listen(new WaitMetrics(meters)::waited);

        TokenLifetimes tokens = new TokenLifetimes(sources.accounts(), sources.clock());
        RunStates runs = new RunStates(sources.dataSource());
        OneCProbe onec = new OneCProbe(sources.odata(), Duration.ofSeconds(5), Duration.ofSeconds(10));
        meters.getPrometheusRegistry().register(new StoreGauges(sources.deadLetters(), runs, tokens, onec));

        registry.bind("databaseHealth", new HealthChecks.Database(sources.dataSource()));
        registry.bind("onecHealth", new HealthChecks.OneC(onec));
        registry.bind("accountsHealth", new HealthChecks.Accounts(runs, tokens));
        registry.bind("tokenLifetimes", tokens);

        context.getCamelContextExtension().addInterceptStrategy(new LogContext());
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                RateLimitWaits.listen(null);
                gc.close();
                onec.close();
                registry.unbind(MicrometerConstants.METRICS_REGISTRY_NAME);
            }
        });
        return tokens;
    }

    /** host:port of each marketplace's base URLs -> the marketplace (the sandbox serves all of WB on one host). */
    static Map<String, String> byHost(Map<String, String> marketplaceUrls) {
        Map<String, String> byHost = new HashMap<>();
        marketplaceUrls.forEach((url, marketplace) -> {
            if (url != null && !url.isBlank()) {
                byHost.putIfAbsent(CallMetrics.hostKey(URI.create(url.trim())), marketplace);
            }
        });
        return byHost;
    }
}
