package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A minimal Yandex Market caller for tests: real HTTP/1.1 to the emulator on loopback. */
final class YmHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body, String text, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String errorCode() {
            return body.path("errors").path(0).path("code").asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build(); // no h2c upgrade dance with the emulators
    private final String baseUrl;

    YmHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code POST /v1/businesses/{businessId}/orders?<query>} with the given key (null = no Api-Key header). */
    Reply orders(long businessId, String query, String apiKey, String body) throws Exception {
        return reply(client.send(request(businessId, query, apiKey, body), HttpResponse.BodyHandlers.ofString()));
    }

    CompletableFuture<Reply> ordersAsync(long businessId, String query, String apiKey, String body) {
        return client.sendAsync(request(businessId, query, apiKey, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(YmHttp::reply);
    }

    /** Any method and path (e.g. {@code PUT /v2/campaigns/1/offers/stocks}) with the given key (null = none). */
    Reply send(String method, String path, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Api-Key", apiKey);
        }
        return reply(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> raw(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(long businessId, String query, String apiKey, String body) {
        String uri = baseUrl + "/v1/businesses/" + businessId + "/orders" + (query == null || query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Api-Key", apiKey);
        }
        return request.build();
    }

    private static Reply reply(HttpResponse<String> response) {
        try {
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }
}
