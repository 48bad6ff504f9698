package io.github.marketplace1c.admin;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The admin API's header filter on platform-http ({@code headerFilterStrategy} in admin-api.camel.yaml). Camel keeps
 * request headers and query parameters as message headers and would copy them all back into the answer
 * ({@code ?Set-Cookie=...}, an echoed {@code X-Forwarded-For}); an answer carries only the headers on this list,
 * which the API sets itself. Those names are also dropped when they come in, so a caller cannot choose them either
 * (Content-Type stays: the CSV import reads it, and every answer sets its own).
 */
public class ResponseHeaders extends HttpHeaderFilterStrategy {

    static final Set<String> ANSWER_HEADERS = Set.of("content-type", "content-disposition", "cache-control");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || !ANSWER_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))
                || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        String name = headerName == null ? "" : headerName.toLowerCase(Locale.ROOT);
        return !"content-type".equals(name) && ANSWER_HEADERS.contains(name)
                || super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
