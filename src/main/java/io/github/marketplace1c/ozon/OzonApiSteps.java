package io.github.marketplace1c.ozon;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import org.apache.camel.Exchange;

/**
 * The steps around every Ozon Seller API call a route makes (bean {@code ozonApi}): the account's credentials as
 * headers, the account's pacing, and Ozon's answer classified right after the call. The credential headers live
 * only between {@link #credentials} and {@link #classify}: nothing logs them, and classify takes them off again.
 */
public class OzonApiSteps {

    static final String CLIENT_ID = "Client-Id";
    static final String API_KEY = "Api-Key";

    private final OzonAnswers answers;
    private final AccountThrottle throttle;

    public OzonApiSteps(OzonAnswers answers, AccountThrottle throttle) {
        this.answers = answers;
        this.throttle = throttle;
    }

    /**
     * Starts the request's headers afresh (an earlier answer's headers must not travel as request headers; Camel's own stay) with
     * the account's Client-Id and Api-Key and a JSON content type; the body is the request already.
     */
    public void credentials(Exchange exchange) {
        Account account = account(exchange);
        // Camel's own headers stay: the error handler counts redeliveries in them
        exchange.getIn().removeHeaders("*", "Camel*");
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getIn().setHeader("Accept", "application/json");
        exchange.getIn().setHeader(CLIENT_ID, account.credential("clientId"));
        exchange.getIn().setHeader(API_KEY, account.credential("apiKey"));
    }

    /** Waits for the account's turn under Ozon's limits; other accounts wait in their own threads. */
    public void pace(Exchange exchange) {
        throttle.acquire(account(exchange).id());
    }

    /** Body: the answer as the call left it. A 200 becomes its JSON; anything else the failure it means. */
    public void classify(Exchange exchange) {
        exchange.getIn().removeHeader(CLIENT_ID);
        exchange.getIn().removeHeader(API_KEY);
        Account account = account(exchange);
        String path = path(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getIn().getBody(String.class);
        if (status != 200) {
            throw answers.failure(account, path, status, body, exchange.getIn().getHeader("Retry-After", String.class));
        }
        exchange.getIn().setBody(answers.ok(account, path, body));
    }

    /** In a route's doCatch of an I/O failure of the call: Ozon did not answer; transient, so retried. */
    public void unreachable(Exchange exchange) {
        exchange.getIn().removeHeader(CLIENT_ID);
        exchange.getIn().removeHeader(API_KEY);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw answers.unreachable(account(exchange), path(exchange), cause == null ? new java.io.IOException() : cause);
    }

    private static Account account(Exchange exchange) {
        return exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
    }

    /** The path the call went to, for messages (the endpoint's URI without the base URL and query). */
    private static String path(Exchange exchange) {
        String uri = exchange.getProperty(Exchange.TO_ENDPOINT, "", String.class);
        if (uri.isEmpty()) {
            uri = exchange.getProperty(Exchange.FAILURE_ENDPOINT, "", String.class);
        }
        int scheme = uri.indexOf("://");
        int start = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        int query = uri.indexOf('?');
        return start < 0 ? uri : uri.substring(start, query < 0 ? uri.length() : query);
    }
}
