package io.github.marketplace1c.app;

import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.support.DefaultExchange;

/**
 * Runs flows on demand (--once, the admin API): a flow is a route in group {@code flows} starting from
 * {@code direct:<route id>}, e.g. {@code ozon-orders}. Returns what the journal recorded for the runs it caused.
 */
public class FlowRunner implements io.github.marketplace1c.admin.Flows {

    private final CamelContext context;
    private final ProducerTemplate producer;
    private final Journal journal;

    public FlowRunner(CamelContext context, ProducerTemplate producer, Journal journal) {
        this.context = context;
        this.producer = producer;
        this.journal = journal;
    }

    @Override
    public List<String> flowNames() {
        return context.getRoutes().stream().filter(r -> "flows".equals(r.getGroup())).map(Route::getRouteId)
                .sorted().toList();
    }

    @Override
    public synchronized List<Journal.RunSummary> run(List<String> flows, String trigger) {
        long before = journal.lastRunId();
        for (String flow : flows) {
            Exchange exchange = new DefaultExchange(context);
            exchange.setProperty(FlowProperties.TRIGGER, trigger);
            Exchange done = producer.send("direct:" + flow, exchange);
            if (done.getException() != null) {
                throw new IllegalStateException("Flow " + flow + " failed: " + done.getException().getMessage(),
                        done.getException());
            }
        }
        // accounts run in parallel: order the answer as the flows were asked for, then by account
        return journal.runsAfter(before).stream()
                .sorted(java.util.Comparator.comparingInt((Journal.RunSummary r) -> flows.indexOf(r.marketplace() + "-"
                        + r.flow())).thenComparing(Journal.RunSummary::accountId))
                .toList();
    }
}
