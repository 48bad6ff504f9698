package io.github.marketplace1c.flow;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.http.RouteCall;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * What the steps around every marketplace call a route makes share (beans {@code ozonApi}, {@code wildberriesApi},
 * {@code yandexMarketApi}): the request's headers set afresh with the account's credentials, the account's pacing,
 * and the credentials taken off again once the answer is in or none came. A marketplace says how it signs a request
 * ({@link #credentialHeaders}) and how it says "no" (its {@code classify} and {@link #unreachable}).
 */
public abstract class ApiCallSteps {

    private final AccountThrottle throttle;
    private final List<String> credentialNames;

    /** @param credentialNames the request headers that carry the account's secrets, taken off after the call */
    protected ApiCallSteps(AccountThrottle throttle, String... credentialNames) {
        this.throttle = throttle;
        this.credentialNames = List.of(credentialNames);
    }

    /** The account's credentials as request headers (names as given to the constructor). */
    protected abstract Map<String, String> credentialHeaders(Account account);

    /** The failure "no answer at all" means for this marketplace (transient, so retried). */
    protected abstract RuntimeException unreachable(Exchange exchange, Account account, Throwable cause);

    /**
     * Starts the request's headers afresh (an earlier answer's headers must not travel as request headers; Camel's
     * own stay: the error handler counts redeliveries in them) with the account's credentials, and a JSON content
     * type when the body is a request (a GET has none).
     */
    public void credentials(Exchange exchange) {
        exchange.getIn().removeHeaders("*", "Camel*");
        exchange.getIn().setHeader("Accept", "application/json");
        if (exchange.getIn().getBody() != null) {
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        credentialHeaders(account(exchange)).forEach(exchange.getIn()::setHeader);
    }

    /** Waits for the account's turn under the marketplace's limits; other accounts wait in their own threads. */
    public void pace(Exchange exchange) {
        throttle.acquire(account(exchange).id());
    }

    /** In a route's doCatch of an I/O failure of the call: the marketplace did not answer; transient, so retried. */
    public void unreachable(Exchange exchange) {
        forgetCredentials(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        RuntimeException failure = unreachable(exchange, account(exchange),
                cause == null ? new java.io.IOException() : cause);
        RouteCall.forget(exchange);
        throw failure;
    }

    /** Takes the credential headers off: the first thing every classify does, so that nothing after it holds them. */
    protected void forgetCredentials(Exchange exchange) {
        credentialNames.forEach(exchange.getIn()::removeHeader);
    }

    protected static Account account(Exchange exchange) {
        return exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
    }
}
