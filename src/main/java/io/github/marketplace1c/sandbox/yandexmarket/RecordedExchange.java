package io.github.marketplace1c.sandbox.yandexmarket;

import java.util.Map;

/**
 * One request the emulator saw and what it answered, for contract tests. Unlike the Ozon one it keeps the query
 * string (Market pages with {@code ?pageToken=&limit=}) and the answer's headers (the X-RateLimit-Resource-* ones).
 * {@code status} is 0 and {@code responseBody} empty when the answer was deliberately lost (LOSE_REPLY).
 */
public record RecordedExchange(String method, String path, Map<String, String> query,
                               Map<String, String> requestHeaders, String requestBody,
                               int status, Map<String, String> responseHeaders, String responseBody, java.time.Instant at) {

    /** An exchange whose time does not matter (hand-made ones in tests). */
    public RecordedExchange(String method, String path, Map<String, String> query,
                               Map<String, String> requestHeaders, String requestBody,
                               int status, Map<String, String> responseHeaders, String responseBody) {
        this(method, path, query, requestHeaders, requestBody, status, responseHeaders, responseBody, java.time.Instant.EPOCH);
    }
}
