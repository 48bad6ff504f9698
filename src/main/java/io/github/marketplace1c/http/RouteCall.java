package io.github.marketplace1c.http;

import org.apache.camel.Exchange;

/**
 * Names the marketplace call a route just made ("GET /api/v3/orders"), for the messages of its failures: the
 * request step of a {@code toD} call (whose endpoint is only the host) names it in {@link #CALL}; otherwise the
 * method and path are read from the endpoint the exchange was last sent to.
 */
public final class RouteCall {

    /** Exchange property: the call's method and path, set by the request step of a call with a dynamic path. */
    public static final String CALL = "mp1cCall";

    private RouteCall() {
    }

    /** Keeps the call's name for {@link #name}. */
    public static void name(Exchange exchange, String method, String path) {
        exchange.setProperty(CALL, method + " " + path);
    }

    /** The call's method and path, without the base URL and query. */
    public static String name(Exchange exchange) {
        String named = exchange.getProperty(CALL, String.class);
        if (named != null) {
            return named;
        }
        String uri = exchange.getProperty(Exchange.TO_ENDPOINT, "", String.class);
        if (uri.isEmpty()) {
            uri = exchange.getProperty(Exchange.FAILURE_ENDPOINT, "", String.class);
        }
        int scheme = uri.indexOf("://");
        int start = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        int query = uri.indexOf('?');
        String path = start < 0 || (query >= 0 && query < start) ? "/" : uri.substring(start, query < 0 ? uri.length() : query);
        String method = "POST";
        int at = uri.indexOf("httpMethod=");
        if (at >= 0) {
            int end = uri.indexOf('&', at);
            method = uri.substring(at + "httpMethod=".length(), end < 0 ? uri.length() : end);
        }
        return method + " " + path;
    }

    /** Forgets the name, once the call's answer is read (the next call names its own). */
    public static void forget(Exchange exchange) {
        exchange.removeProperty(CALL);
    }
}
