package io.github.marketplace1c.yandexmarket;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.http.RouteCall;
import org.apache.camel.Exchange;

/**
 * The steps around every Yandex Market Partner API call a route makes (bean {@code yandexMarketApi}): the account's
 * {@code Api-Key} header, the account's pacing, and the answer classified right after the call
 * ({@link YandexMarketAnswers}, shared with {@link YandexMarketClient}). The key header lives only between
 * {@link #credentials} and {@link #classify} (or {@link #unreachable}): nothing logs it, and they take it off again.
 */
public class YandexMarketApiSteps {

    static final String API_KEY = "Api-Key";

    private final YandexMarketAnswers answers;

    public YandexMarketApiSteps(YandexMarketAnswers answers) {
        this.answers = answers;
    }

    /**
     * Starts the request's headers afresh (an earlier answer's headers must not travel as request headers; Camel's own stay) with the
     * account's Api-Key and a JSON content type; the body is the request already.
     */
    public void credentials(Exchange exchange) {
        // Camel's own headers stay: the error handler counts redeliveries in them
        exchange.getIn().removeHeaders("*", "Camel*");
        exchange.getIn().setHeader("Accept", "application/json");
        if (exchange.getIn().getBody() != null) {
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        exchange.getIn().setHeader(API_KEY, account(exchange).credential("apiKey"));
    }

    /** Waits for the account's turn under Market's limits; other accounts wait in their own threads. */
    public void pace(Exchange exchange) {
        answers.throttle().acquire(account(exchange).id());
    }

    /** Body: the answer as the call left it. A 200 becomes its JSON; anything else the failure it means. */
    public void classify(Exchange exchange) {
        exchange.getIn().removeHeader(API_KEY);
        Account account = account(exchange);
        String where = where(exchange, account);
        RouteCall.forget(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getIn().getBody(String.class);
        if (status != 200) {
            throw answers.failure(account, where, status, body,
                    exchange.getIn().getHeader("X-RateLimit-Resource-Until", String.class));
        }
        exchange.getIn().setBody(answers.ok(where, body));
    }

    /** In a route's doCatch of an I/O failure of the call: Market did not answer; transient, so retried. */
    public void unreachable(Exchange exchange) {
        exchange.getIn().removeHeader(API_KEY);
        String where = where(exchange, account(exchange));
        RouteCall.forget(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw answers.unreachable(where, cause == null ? new java.io.IOException() : cause);
    }

    /** Market's messages name the path only ("Yandex Market /v1/businesses/1/orders"), as the client's do. */
    private static String where(Exchange exchange, Account account) {
        String call = RouteCall.name(exchange);
        return "Account " + account.id() + ": Yandex Market " + call.substring(call.indexOf(' ') + 1);
    }

    private static Account account(Exchange exchange) {
        return exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
    }
}
