package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain java.net.http client for the emulator, percent-encoding Cyrillic paths the way real clients must. */
final class ODataTestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build(); // no h2c upgrade dance with the emulators
    private final String root;
    private String authorization;

    ODataTestClient(String baseUrl) {
        this.root = baseUrl + "/odata/standard.odata/";
        credentials(OneCEmulator.DEFAULT_USER, OneCEmulator.DEFAULT_PASSWORD);
    }

    ODataTestClient credentials(String user, String password) {
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Encodes each path segment's non-ASCII characters, keeping OData punctuation ( ) ' = , / as is. */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c < 128 && c != ' ') {
                out.append(c);
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return out.toString();
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Response get(String resource, String... queryParts) throws IOException, InterruptedException {
        return send("GET", resource, null, queryParts);
    }

    Response post(String resource, Object body, String... queryParts) throws IOException, InterruptedException {
        return send("POST", resource, body, queryParts);
    }

    Response patch(String resource, Object body) throws IOException, InterruptedException {
        return send("PATCH", resource, body);
    }

    Response delete(String resource) throws IOException, InterruptedException {
        return send("DELETE", resource, null);
    }

    /** Sends with $format=json appended; a String body is sent as is (to test malformed JSON). */
    Response send(String method, String resource, Object body, String... queryParts)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("$format=json");
        for (String part : queryParts) {
            query.append('&').append(part);
        }
        return raw(method, root + encodePath(resource) + "?" + query, body);
    }

    Response raw(String method, String url, Object body) throws IOException, InterruptedException {
        byte[] bytes = body == null ? new byte[0]
                : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : MAPPER.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response);
    }

    record Response(HttpResponse<String> http) {
        int status() {
            return http.statusCode();
        }

        String text() {
            return http.body();
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(http.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + http.body(), e);
            }
        }

        String errorCode() {
            return json().path("odata.error").path("code").asText(null);
        }

        String errorText() {
            return json().path("odata.error").path("message").path("value").asText();
        }

        String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }
    }
}
