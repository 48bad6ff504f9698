package io.github.marketplace1c.failure;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Called by the dead letter channel each time a failure occurs, before it computes the next redelivery
 * delay (hence {@code onExceptionOccurredRef}, not {@code onRedeliveryRef}): when the failure carries the
 * wait the remote side asked for (Retry-After, a rate-limit reset), that wait replaces the exponential
 * back-off delay for this attempt; otherwise the policy's back-off applies.
 */
public class RetryHints implements Processor {

    @Override
    public void process(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught == null) {
            caught = exchange.getException();
        }
        TransientFailure failure = find(caught);
        if (failure != null) {
            if (failure.retryAfter().isPresent()) {
                exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, failure.retryAfter().get().toMillis());
                return;
            }
        }
        exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
    }

    private static TransientFailure find(Throwable t) {
        while (t != null) {
            if (t instanceof TransientFailure tf) {
                return tf;
            }
            t = t.getCause();
        }
        return null;
    }
}
