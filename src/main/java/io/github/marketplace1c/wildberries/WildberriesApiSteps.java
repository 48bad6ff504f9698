package io.github.marketplace1c.wildberries;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.ApiCallSteps;
import io.github.marketplace1c.http.RouteCall;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The steps around every Wildberries API call a route makes (bean {@code wildberriesApi}): the account's token as
 * the {@code Authorization} header, pacing, and the answer classified right after the call ({@link WildberriesAnswers},
 * shared with {@link WildberriesClient}). The token header lives only until {@link #classify} or
 * {@link #unreachable}: nothing logs it, and they take it off again.
 */
public class WildberriesApiSteps extends ApiCallSteps {

    static final String AUTHORIZATION = "Authorization";

    private final WildberriesAnswers answers;

    public WildberriesApiSteps(WildberriesAnswers answers) {
        super(answers.throttle(), AUTHORIZATION);
        this.answers = answers;
    }

    @Override
    protected Map<String, String> credentialHeaders(Account account) {
        return Map.of(AUTHORIZATION, account.credential("token"));
    }

    /** Body: the answer as the call left it. A 200 (204) becomes its JSON (an empty list); else the failure it means. */
    public void classify(Exchange exchange) {
        forgetCredentials(exchange);
        Account account = account(exchange);
        String where = where(exchange, account);
        RouteCall.forget(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        exchange.getIn().setBody(answers.answer(account, where, status, exchange.getIn().getBody(String.class), 0,
                exchange.getIn().getHeader("X-Ratelimit-Retry", String.class),
                exchange.getIn().getHeader("X-Ratelimit-Reset", String.class)));
    }

    @Override
    protected RuntimeException unreachable(Exchange exchange, Account account, Throwable cause) {
        return answers.unreachable(where(exchange, account), cause);
    }

    private static String where(Exchange exchange, Account account) {
        return "Account " + account.id() + ": Wildberries " + RouteCall.name(exchange);
    }
}
