package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal Ozon caller for tests: real HTTP to the emulator on loopback. */
final class OzonHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body, String text) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build(); // no h2c upgrade dance with the emulators
    private final String baseUrl;

    OzonHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply post(String path, String clientId, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (clientId != null) {
            request.header("Client-Id", clientId);
        }
        if (apiKey != null) {
            request.header("Api-Key", apiKey);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), json, response.body());
    }

    HttpResponse<String> raw(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
