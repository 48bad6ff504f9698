package io.github.marketplace1c.observe;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.FlowProperties;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;

/**
 * Puts the run's account, marketplace, flow, run id and record key into the log context (MDC) of every step.
 * The flows already carry them as exchange properties from the step that opens the run ({@code startRun}) and the
 * one that begins a record ({@code beginRecord}); taking them from there before each step keeps them right on
 * whatever thread the step runs (accounts in parallel, batches on a pool) and needs no code in the flows.
 */
public final class LogContext implements InterceptStrategy {

    public static final String ACCOUNT = "account";
    public static final String MARKETPLACE = "marketplace";
    public static final String FLOW = "flow";
    public static final String RUN = "run";
    public static final String RECORD = "record";
    /** The others in a few words, for the plain log line: "ozon-romashka orders run 12 record 0123-1". */
    public static final String SUMMARY = "context";

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(AsyncProcessorConverterHelper.convert(target)) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                apply(exchange);
                return super.process(exchange, callback);
            }
        };
    }

    /** Sets (or clears) each key from the exchange: a step of another run on this thread leaves nothing behind. */
    static void apply(Exchange exchange) {
        Object account = exchange.getProperty(FlowProperties.ACCOUNT);
        put(ACCOUNT, account instanceof Account a ? a.id() : null);
        put(MARKETPLACE, account instanceof Account a ? a.marketplace()
                : exchange.getProperty(FlowProperties.MARKETPLACE, String.class));
        put(FLOW, exchange.getProperty(FlowProperties.FLOW, String.class));
        Object run = exchange.getProperty(FlowProperties.RUN_ID);
        put(RUN, run == null ? null : run.toString());
        boolean record = FlowProperties.STAGE_RECORD.equals(exchange.getProperty(FlowProperties.STAGE, String.class));
        put(RECORD, record ? exchange.getProperty(FlowProperties.RECORD_KEY, String.class) : null);
        StringBuilder summary = new StringBuilder();
        append(summary, "", MDC.get(ACCOUNT));
        append(summary, "", MDC.get(FLOW));
        append(summary, "run ", MDC.get(RUN));
        append(summary, "record ", MDC.get(RECORD));
        put(SUMMARY, summary.toString());
    }

    private static void append(StringBuilder summary, String label, String value) {
        if (value != null) {
            summary.append(summary.length() == 0 ? "" : " ").append(label).append(value);
        }
    }

    private static void put(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
