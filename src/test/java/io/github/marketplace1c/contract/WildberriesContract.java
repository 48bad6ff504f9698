package io.github.marketplace1c.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.sandbox.wildberries.RecordedExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * The official WB specs (unchanged copies under src/test/resources/contracts/wildberries) as a test oracle:
 * "Заказы FBS" (03-orders-fbs.yaml) for the orders, "Работа с товарами" (02-items.yaml) for stocks and prices.
 * Validates what the Wildberries emulator was asked and what it answered against the file that declares the path.
 * Each is loaded once per JVM.
 */
public final class WildberriesContract {

    public static final String SPEC = "src/test/resources/contracts/wildberries/03-orders-fbs.yaml";
    public static final String ITEMS_SPEC = "src/test/resources/contracts/wildberries/02-items.yaml";

    private static final String UNKNOWN_STATUS = "validation.response.status.unknown";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WildberriesContract() {
    }

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = load(SPEC);
    }

    private static final class ItemsHolder {
        static final OpenApiInteractionValidator VALIDATOR = load(ITEMS_SPEC);
    }

        /**
         * Handed over inline from a plain path (a relative file: URL fails to load, as with Ozon's spec). Every path
         * declares its own servers ({@code https://marketplace-api.wildberries.ru} and the sandbox host, no base
         * path); overriding the base path with "/" matches the spec's paths to the emulator's one to one.
         */
    private static OpenApiInteractionValidator load(String file) {
        Path spec = Path.of(file);
        if (!Files.isRegularFile(spec)) {
            throw new IllegalStateException("run the tests from the project root: " + file + " not found");
        }
        try {
            return OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(spec))
                    .withBasePathOverride("/").build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public static OpenApiInteractionValidator validator() {
        return Holder.VALIDATOR;
    }

    public static OpenApiInteractionValidator itemsValidator() {
        return ItemsHolder.VALIDATOR;
    }

    /**
     * Stocks ({@code /api/v3/stocks/…}), prices ({@code /api/v2/…}) and cards ({@code /content/…}) are 02-items';
     * the rest 03-orders-fbs'.
     */
    public static OpenApiInteractionValidator validatorFor(String path) {
        return path.startsWith("/api/v3/stocks/") || path.startsWith("/api/v2/") || path.startsWith("/content/")
                ? itemsValidator() : validator();
    }

    public static ValidationReport validateRequest(RecordedExchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()),
                exchange.path());
        exchange.requestHeaders().forEach(builder::withHeader);
        queryParams(exchange.query()).forEach(builder::withQueryParam);
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            builder.withBody(exchange.requestBody());
            // without a content type the validator skips the body; WB reads any body as JSON
            if (header(exchange.requestHeaders(), "Content-Type") == null) {
                builder.withContentType("application/json");
            }
        }
        return validatorFor(exchange.path()).validateRequest(builder.build());
    }

    public static ValidationReport validateResponse(RecordedExchange exchange) {
        String contentType = header(exchange.responseHeaders(), "Content-Type");
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (!exchange.responseBody().isEmpty()) {
            response.withContentType(contentType == null ? "application/json" : contentType)
                    .withBody(exchange.responseBody());
        }
        return validatorFor(exchange.path()).validateResponse(exchange.path(),
                Request.Method.valueOf(exchange.method()), response.build());
    }

    /**
     * Every exchange must conform: a request the emulator accepted (2xx) must be spec-valid; every answer with a
     * status the operation declares must match its schema; answers with statuses it does not declare (404 for an
     * unknown path, 5xx; /orders/new declares no 400) must still be WB's gateway problem body or its Marketplace
     * error body. Lost replies (status 0) have no answer to check. Fails listing every violation.
     */
    public static void assertConforms(List<RecordedExchange> exchanges) {
        List<String> violations = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            String where = exchange.method() + " " + exchange.path()
                    + (exchange.query().isEmpty() ? "" : "?" + exchange.query()) + " -> " + exchange.status()
                    + (exchange.requestBody().isEmpty() ? "" : " (request " + exchange.requestBody() + ")");
            ValidationReport request = validateRequest(exchange);
            if (exchange.status() == 204 && exchange.method().equals("PUT")
                    && exchange.path().startsWith("/api/v3/stocks/")) {
                // "Названия параметров запроса не валидируются. При отправке некорректных названий вы получите
                // успешный ответ (204), но остатки не обновятся": misspelt keys are WB's documented 204
                request = withoutMessages(request, "validation.request.body.schema.additionalProperties");
            }
            if (request.hasErrors() && exchange.status() >= 200 && exchange.status() < 300) {
                violations.add(where + ": accepted a request the spec rejects: " + messages(request));
            }
            if (exchange.status() == 204 && !exchange.responseBody().isEmpty()) {
                violations.add(where + ": a 204 with a body");
            }
            if (exchange.status() == 0) {
                continue;
            }
            ValidationReport response = validateResponse(exchange);
            boolean undeclared = response.getMessages().stream().anyMatch(m -> m.getKey().equals(UNKNOWN_STATUS))
                    || response.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing"));
            if (undeclared) {
                String problem = errorBodyProblem(exchange.responseBody());
                if (problem != null) {
                    violations.add(where + ": " + problem);
                }
            } else if (response.hasErrors()) {
                violations.add(where + ": answer breaks the spec: " + messages(response));
            }
            if (exchange.status() != 429 && exchange.responseHeaders().containsKey("X-Ratelimit-Retry")) {
                violations.add(where + ": X-Ratelimit-Retry on an answer that is not a 429");
            }
        }
        if (!violations.isEmpty()) {
            fail(violations.size() + " contract violation(s):\n" + String.join("\n", violations));
        }
    }

    /**
     * The hand check for statuses the spec does not declare: either the gateway's problem body (title, detail,
     * requestId, status number, timestamp...) or the Marketplace error body (code, message, data).
     */
    public static String errorBodyProblem(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.path("title").isTextual() && json.path("detail").isTextual()
                    && json.path("code").isTextual() && json.path("requestId").isTextual()
                    && json.path("origin").isTextual() && json.path("status").isNumber()
                    && json.path("statusText").isTextual() && json.path("timestamp").isTextual()) {
                return null;
            }
            if (json != null && json.path("code").isTextual() && json.path("message").isTextual()
                    && json.has("data")) {
                return null;
            }
            return "neither WB's problem body {title,detail,code,requestId,origin,status,statusText,timestamp}"
                    + " nor its error body {code,message,data}: " + body;
        } catch (Exception e) {
            return "not JSON: " + body;
        }
    }

    private static Map<String, List<String>> queryParams(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static ValidationReport withoutMessages(ValidationReport report, String key) {
        return ValidationReport.from(report.getMessages().stream().filter(m -> !m.getKey().equals(key)).toList());
    }

        private static String messages(ValidationReport report) {
        List<String> lines = new ArrayList<>();
        report.getMessages().forEach(m -> lines.add(m.getKey() + " " + m.getMessage()));
        return String.join("; ", lines);
    }
}
