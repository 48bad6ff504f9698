package io.github.marketplace1c.ozon;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.ApiCallSteps;
import io.github.marketplace1c.http.RouteCall;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The steps around every Ozon Seller API call a route makes (bean {@code ozonApi}): the account's Client-Id and
 * Api-Key headers, pacing, and Ozon's answer classified right after the call ({@link OzonAnswers}, shared with
 * {@link OzonSellerClient}). The credential headers live only until {@link #classify} or {@link #unreachable}:
 * nothing logs them, and they take them off again.
 */
public class OzonApiSteps extends ApiCallSteps {

    static final String CLIENT_ID = "Client-Id";
    static final String API_KEY = "Api-Key";

    private final OzonAnswers answers;

    public OzonApiSteps(OzonAnswers answers, AccountThrottle throttle) {
        super(throttle, CLIENT_ID, API_KEY);
        this.answers = answers;
    }

    @Override
    protected Map<String, String> credentialHeaders(Account account) {
        return Map.of(CLIENT_ID, account.credential("clientId"), API_KEY, account.credential("apiKey"));
    }

    /** Body: the answer as the call left it. A 200 becomes its JSON; anything else the failure it means. */
    public void classify(Exchange exchange) {
        forgetCredentials(exchange);
        Account account = account(exchange);
        String path = path(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getIn().getBody(String.class);
        if (status != 200) {
            throw answers.failure(account, path, status, body, exchange.getIn().getHeader("Retry-After", String.class));
        }
        exchange.getIn().setBody(answers.ok(account, path, body));
    }

    @Override
    protected RuntimeException unreachable(Exchange exchange, Account account, Throwable cause) {
        return answers.unreachable(account, path(exchange), cause);
    }

    /** Ozon's messages name the path only ("Ozon /v4/posting/fbs/list"), as the client's do. */
    private static String path(Exchange exchange) {
        String call = RouteCall.name(exchange);
        return call.substring(call.indexOf(' ') + 1);
    }
}
