package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The emulator's {@code pageToken}: an opaque string to clients (base64url of {@code {"after":<orderId>}}), a
 * keyset for the emulator. A keyset rather than an offset, so an order that arrives while a client pages through
 * does not shift the pages and nothing is seen twice or skipped.
 */
final class PageToken {

    private PageToken() {
    }

    static String after(long orderId) {
        String json = YmJson.object().put("after", orderId).toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The orderId the page starts after; a token the emulator did not mint is a 400, as at Market. */
    static long decode(String token) {
        try {
            JsonNode json = YmJson.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
            if (json == null || !json.path("after").canConvertToLong()) {
                throw invalid();
            }
            return json.get("after").asLong();
        } catch (YmApiException e) {
            throw e;
        } catch (Exception e) {
            throw invalid();
        }
    }

    private static YmApiException invalid() {
        return YmApiException.badRequest("Invalid pageToken: pass the nextPageToken of the previous answer");
    }
}
