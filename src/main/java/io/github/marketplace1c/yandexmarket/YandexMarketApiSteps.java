package io.github.marketplace1c.yandexmarket;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.ApiCallSteps;
import io.github.marketplace1c.http.RouteCall;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The steps around every Yandex Market Partner API call a route makes (bean {@code yandexMarketApi}): the account's
 * {@code Api-Key} header, pacing, and the answer classified right after the call ({@link YandexMarketAnswers},
 * shared with {@link YandexMarketClient}). The key header lives only until {@link #classify} or
 * {@link #unreachable}: nothing logs it, and they take it off again.
 */
public class YandexMarketApiSteps extends ApiCallSteps {

    static final String API_KEY = "Api-Key";

    private final YandexMarketAnswers answers;

    public YandexMarketApiSteps(YandexMarketAnswers answers) {
        super(answers.throttle(), API_KEY);
        this.answers = answers;
    }

    @Override
    protected Map<String, String> credentialHeaders(Account account) {
        return Map.of(API_KEY, account.credential("apiKey"));
    }

    /** Body: the answer as the call left it. A 200 becomes its JSON; anything else the failure it means. */
    public void classify(Exchange exchange) {
        forgetCredentials(exchange);
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

    @Override
    protected RuntimeException unreachable(Exchange exchange, Account account, Throwable cause) {
        return answers.unreachable(where(exchange, account), cause);
    }

    /** Market's messages name the path only ("Yandex Market /v1/businesses/1/orders"), as the client's do. */
    private static String where(Exchange exchange, Account account) {
        String call = RouteCall.name(exchange);
        return "Account " + account.id() + ": Yandex Market " + call.substring(call.indexOf(' ') + 1);
    }
}
