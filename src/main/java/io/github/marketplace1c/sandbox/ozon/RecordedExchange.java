package io.github.marketplace1c.sandbox.ozon;

import java.util.Map;

/**
 * One request the emulator saw and what it answered, for contract tests. {@code status} is 0 and
 * {@code responseBody} empty when the answer was deliberately lost (LOSE_REPLY).
 */
public record RecordedExchange(String method, String path, Map<String, String> requestHeaders, String requestBody,
                               int status, String responseBody, java.time.Instant at) {

    /** An exchange whose time does not matter (hand-made ones in tests). */
    public RecordedExchange(String method, String path, Map<String, String> requestHeaders, String requestBody,
                               int status, String responseBody) {
        this(method, path, requestHeaders, requestBody, status, responseBody, java.time.Instant.EPOCH);
    }
}
