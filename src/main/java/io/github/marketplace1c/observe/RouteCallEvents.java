package io.github.marketplace1c.observe;

import io.github.marketplace1c.http.HttpJson;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * The marketplace calls the route files make with camel-http, timed as the Java clients' calls are: each exchange
 * sent to an http(s) endpoint is one call, its status the answer's code, -1 when none came.
 */
final class RouteCallEvents extends EventNotifierSupport {

    private final HttpJson.CallObserver observer;

    RouteCallEvents(HttpJson.CallObserver observer) {
        this.observer = observer;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSentEvent sent && sent.getEndpoint() instanceof HttpEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeSentEvent sent)) {
            return;
        }
        try {
            Endpoint endpoint = sent.getEndpoint();
            Exchange exchange = sent.getExchange();
            Integer status = exchange.getException() != null ? null
                    : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            String method = endpoint instanceof HttpEndpoint http && http.getHttpMethod() != null
                    ? http.getHttpMethod().name() : exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "GET", String.class);
            observer.called(method, URI.create(((HttpEndpoint) endpoint).getHttpUri().toString()),
                    status == null ? -1 : status, TimeUnit.MILLISECONDS.toNanos(sent.getTimeTaken()));
        } catch (RuntimeException e) {
            // a metric must never fail a call
        }
    }
}
