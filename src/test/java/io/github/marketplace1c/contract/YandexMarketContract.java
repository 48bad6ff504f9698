package io.github.marketplace1c.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.sandbox.yandexmarket.RecordedExchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.fail;

/**
 * The official Yandex Market Partner API spec (split YAML under src/test/resources/contracts/yandex-market/openapi,
 * unchanged) as a test oracle: validates what the emulator was asked and what it answered. Loaded once per JVM.
 */
public final class YandexMarketContract {

    public static final String SPEC = "src/test/resources/contracts/yandex-market/openapi/openapi.yaml";

    /** Statuses the spec declares for {@code POST v1/businesses/{businessId}/orders}; others get a body-shape check. */
    private static final Set<Integer> DECLARED = Set.of(200, 400, 401, 403, 404, 420, 500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private YandexMarketContract() {
    }

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = load();

        /**
         * From a plain path to the entry file (a relative file: URL fails to load); the parser resolves the
         * {@code $ref}s into components/ and paths/ relative to it. The only server,
         * https://api.partner.market.yandex.ru, has no path, so the spec's paths are the emulator's paths.
         * Market's error bodies are nested {@code allOf}s (ApiClientDataErrorResponse → ApiErrorResponse →
         * ApiResponse + errors); the validator rejects unknown properties by default, which, per sub-schema, would
         * reject every error body, so the combinators are merged first ({@code withResolveCombinators}) and unknown
         * properties are still caught.
         */
        private static OpenApiInteractionValidator load() {
            if (!Files.isRegularFile(Path.of(SPEC))) {
                throw new IllegalStateException("run the tests from the project root: " + SPEC + " not found");
            }
            return OpenApiInteractionValidator.createForSpecificationUrl(SPEC).withResolveCombinators(true)
                    .withBasePathOverride("/").build();
        }
    }

    public static OpenApiInteractionValidator validator() {
        return Holder.VALIDATOR;
    }

    public static ValidationReport validateRequest(RecordedExchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()),
                exchange.path());
        exchange.query().forEach(builder::withQueryParam);
        for (Map.Entry<String, String> header : exchange.requestHeaders().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            builder.withBody(exchange.requestBody());
        }
        return validator().validateRequest(builder.build());
    }

    public static ValidationReport validateResponse(RecordedExchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status())
                .withContentType("application/json")
                .withBody(exchange.responseBody());
        exchange.responseHeaders().forEach(builder::withHeader);
        return validator().validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()), builder.build());
    }

    /**
     * Every exchange must conform: a request the emulator accepted (200) must be spec-valid; every answer with a
     * status the spec declares must match its schema; answers with other statuses (a 503 fault) must still be
     * Market's error body. Lost replies (status 0) have no answer to check. Fails listing every violation.
     * <p>
     * One request rule is read the way Market applies it: {@code limit} is {@code PageLimit50Truncate}
     * ({@code x-transform: truncateLimit}), so a limit above the schema's maximum of 50 is cut to 50 and answered,
     * not rejected; the schema's {@code maximum} is not held against an accepted request.
     */
    public static void assertConforms(List<RecordedExchange> exchanges) {
        List<String> violations = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            String where = exchange.method() + " " + exchange.path() + exchange.query() + " -> " + exchange.status()
                    + " (request " + exchange.requestBody() + ")";
            List<String> requestErrors = requestErrors(validateRequest(exchange));
            if (!requestErrors.isEmpty() && exchange.status() == 200) {
                violations.add(where + ": accepted a request the spec rejects: " + String.join("; ", requestErrors));
            }
            if (exchange.status() == 0) {
                continue;
            }
            if (DECLARED.contains(exchange.status())) {
                ValidationReport response = validateResponse(exchange);
                if (response.hasErrors()) {
                    violations.add(where + ": answer breaks the spec: " + messages(response));
                }
            } else {
                String problem = errorBodyProblem(exchange.responseBody());
                if (problem != null) {
                    violations.add(where + ": " + problem);
                }
            }
        }
        if (!violations.isEmpty()) {
            fail(violations.size() + " contract violation(s):\n" + String.join("\n", violations));
        }
    }

    /** The request's errors, less the truncated-limit one (see {@link #assertConforms}). */
    static List<String> requestErrors(ValidationReport report) {
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            boolean truncatedLimit = m.getKey().equals("validation.request.parameter.schema.maximum")
                    && m.getContext().flatMap(c -> c.getParameter()).map(p -> "limit".equals(p.getName())).orElse(false);
            if (!truncatedLimit) {
                errors.add(m.getKey() + " " + m.getMessage());
            }
        }
        return errors;
    }

    /** The hand check for undeclared statuses: {status:"ERROR", errors:[{code:string, message:string}]}. */
    public static String errorBodyProblem(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !"ERROR".equals(json.path("status").asText()) || !json.path("errors").isArray()
                    || json.path("errors").isEmpty() || !json.path("errors").path(0).path("code").isTextual()) {
                return "not Market's error body {status:ERROR, errors:[{code, message}]}: " + body;
            }
            return null;
        } catch (Exception e) {
            return "not JSON: " + body;
        }
    }

    private static String messages(ValidationReport report) {
        List<String> lines = new ArrayList<>();
        report.getMessages().forEach(m -> lines.add(m.getKey() + " " + m.getMessage()));
        return String.join("; ", lines);
    }
}
