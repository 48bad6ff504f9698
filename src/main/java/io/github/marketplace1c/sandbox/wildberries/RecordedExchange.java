package io.github.marketplace1c.sandbox.wildberries;

import java.util.Map;

/**
 * One request the emulator saw and what it answered, for contract tests. Unlike Ozon's (all POST bodies), WB reads
 * take their parameters from the query string, so the query is kept, and so are the answer's headers (the rate
 * limit ones). {@code status} is 0 and {@code responseBody} empty when the answer was deliberately lost.
 *

 * @param at when the emulator answered, on its own clock
 * @param query the raw query string without {@code ?}, empty when none
 */
public record RecordedExchange(String method, String path, String query, Map<String, String> requestHeaders,
                               String requestBody, int status, Map<String, String> responseHeaders,
                               String responseBody, java.time.Instant at) {

    /** An exchange whose time does not matter (hand-made ones in tests). */
    public RecordedExchange(String method, String path, String query, Map<String, String> requestHeaders,
                               String requestBody, int status, Map<String, String> responseHeaders,
                               String responseBody) {
        this(method, path, query, requestHeaders, requestBody, status, responseHeaders, responseBody, java.time.Instant.EPOCH);
    }
}
