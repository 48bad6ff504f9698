package io.github.marketplace1c.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP with the JDK client: one call = one request and its decoded answer, so a retry of the call
 * repeats the request itself. Headers given here (credentials among them) are never logged.
 */
public final class HttpJson {

    public record Response(int status, String body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** Hears of every call, for the metrics: never its headers or body. {@code status} -1: no answer. */
    public interface CallObserver {
        void called(String method, URI uri, int status, long nanos);
    }

    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;
    private volatile CallObserver observer = (method, uri, status, nanos) -> { };

    public HttpJson(ObjectMapper json, Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.json = json;
        this.timeout = timeout;
    }

    public ObjectMapper json() {
        return json;
    }

    public void observeCalls(CallObserver observer) {
        this.observer = observer;
    }

    private void observed(String method, String url, int status, long started) {
        try {
            observer.called(method, URI.create(url), status, System.nanoTime() - started);
        } catch (RuntimeException e) {
            // a metric must never fail a call
        }
    }

    /** Sends and waits; IO problems and timeouts come back as IOException for the caller to classify. */
    public Response send(String method, String url, Map<String, String> headers, Object body) throws IOException {
        long started = System.nanoTime();
        int status = -1;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json");
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : json.writeValueAsString(body);
                request.header("Content-Type", "application/json; charset=utf-8");
                request.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            return new Response(response.statusCode(), response.body(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            observed(method, url, status, started);
        }
    }

    /** An answer whose body is read as it arrives (large reports); the caller closes {@code body}. */
    public record Streamed(int status, java.io.InputStream body, HttpResponse<java.io.InputStream> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The whole body as text (for an error answer, which is small). */
        public String text() throws IOException {
            try (java.io.InputStream in = body) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Like {@link #send}, but the body is not read: a page of 100,000 report rows is parsed as it streams in. */
    public Streamed stream(String method, String url, Map<String, String> headers, Object body) throws IOException {
        long started = System.nanoTime();
        int status = -1;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json");
            headers.forEach(request::header);
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            if (text == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json; charset=utf-8");
                request.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
            HttpResponse<java.io.InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            return new Streamed(response.statusCode(), response.body(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            observed(method, url, status, started); // until the answer's headers: the body streams on
        }
    }

    public JsonNode parse(String body) throws IOException {
        return json.readTree(body == null || body.isBlank() ? "{}" : body);
    }
}
