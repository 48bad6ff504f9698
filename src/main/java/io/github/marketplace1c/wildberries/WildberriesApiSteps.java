package io.github.marketplace1c.wildberries;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.http.RouteCall;
import org.apache.camel.Exchange;

/**
 * The steps around every Wildberries API call a route makes (bean {@code wildberriesApi}): the account's token as
 * the {@code Authorization} header, the account's pacing, and the answer classified right after the call
 * ({@link WildberriesAnswers}, shared with {@link WildberriesClient}). The token header lives only between
 * {@link #credentials} and {@link #classify} (or {@link #unreachable}): nothing logs it, and they take it off again.
 */
public class WildberriesApiSteps {

    static final String AUTHORIZATION = "Authorization";

    private final WildberriesAnswers answers;

    public WildberriesApiSteps(WildberriesAnswers answers) {
        this.answers = answers;
    }

    /**
     * Starts the request's headers afresh (an earlier answer's headers must not travel as request headers; Camel's own stay) with the
     * account's token; a JSON content type when the body is a request (a GET has none).
     */
    public void credentials(Exchange exchange) {
        // Camel's own headers stay: the error handler counts redeliveries in them
        exchange.getIn().removeHeaders("*", "Camel*");
        exchange.getIn().setHeader("Accept", "application/json");
        if (exchange.getIn().getBody() != null) {
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        exchange.getIn().setHeader(AUTHORIZATION, account(exchange).credential("token"));
    }

    /** Waits for the account's turn under Wildberries' limits; other accounts wait in their own threads. */
    public void pace(Exchange exchange) {
        answers.throttle().acquire(account(exchange).id());
    }

    /** Body: the answer as the call left it. A 200 (204) becomes its JSON (an empty list); else the failure it means. */
    public void classify(Exchange exchange) {
        exchange.getIn().removeHeader(AUTHORIZATION);
        Account account = account(exchange);
        String where = where(exchange, account);
        RouteCall.forget(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        exchange.getIn().setBody(answers.answer(account, where, status, exchange.getIn().getBody(String.class), 0,
                exchange.getIn().getHeader("X-Ratelimit-Retry", String.class),
                exchange.getIn().getHeader("X-Ratelimit-Reset", String.class)));
    }

    /** In a route's doCatch of an I/O failure of the call: Wildberries did not answer; transient, so retried. */
    public void unreachable(Exchange exchange) {
        exchange.getIn().removeHeader(AUTHORIZATION);
        String where = where(exchange, account(exchange));
        RouteCall.forget(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw answers.unreachable(where, cause == null ? new java.io.IOException() : cause);
    }

    private static String where(Exchange exchange, Account account) {
        return "Account " + account.id() + ": Wildberries " + RouteCall.name(exchange);
    }

    private static Account account(Exchange exchange) {
        return exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
    }
}
