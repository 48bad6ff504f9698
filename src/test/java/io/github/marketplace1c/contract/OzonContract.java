package io.github.marketplace1c.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.ozon.RecordedExchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.fail;

/**
 * The official Ozon Seller API spec (repaired copy under src/test/resources/contracts/ozon) as a test oracle:
 * validates what the emulator was asked and what it answered. The spec loads in about 1.5 s, so once per JVM.
 */
public final class OzonContract {

    public static final String SPEC = "src/test/resources/contracts/ozon/ozon-seller-openapi.repaired.json";

    /**
     * Statuses the spec declares for the FBS posting operations. Ozon also answers 401 (headers missing) and 429
     * (rate limit) there without declaring them; for those only the rpcStatus body shape is checked, by hand.
     */
    private static final Set<Integer> DECLARED = Set.of(200, 400, 403, 404, 409, 500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private OzonContract() {
    }

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = load();

        /**
         * The spec is read from a plain path (a relative file: URL fails to load), repaired in memory for the two
         * defects below, and handed over inline. Its only server is "//api-seller.ozon.ru" (scheme-relative, no
         * path), which leaves the validator guessing a base path; overriding it with "/" makes the spec's paths
         * match the emulator's request paths one to one.
         */
        private static OpenApiInteractionValidator load() {
            Path spec = Path.of(SPEC);
            if (!Files.isRegularFile(spec)) {
                throw new IllegalStateException("run the tests from the project root: " + SPEC + " not found");
            }
            try {
                JsonNode root = JSON.readTree(spec.toFile());
                int repaired = repairInMemory(root);
                if (repaired == 0) {
                    throw new IllegalStateException("the Ozon spec no longer has the defects OzonContract repairs:"
                            + " drop repairInMemory");
                }
                return OpenApiInteractionValidator.createForInlineApiSpecification(JSON.writeValueAsString(root))
                        .withBasePathOverride("/").build();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + SPEC, e);
            }
        }
    }

    /**
     * Two defects that shared/specs/ozon/repair-ozon-spec.py leaves in the repaired file, which stays unchanged on
     * disk (contracts/README.md), so they are mended here, in memory only:
     * <ul>
     * <li>{@code "type": "array of strings"} (e.g. /v3/posting/fbs/get {@code products[].jw_uin}): not a JSON
     * Schema type, and the validator gives up on the whole response; read as an array of strings.</li>
     * <li>{@code "pattern"} values like {@code " YYYY-MM-DDThh:mm:ss.mcsZ"} (e.g. unfulfilled/list
     * {@code filter.cutoff_from}): a human note with a leading space, not a regex, that no real date matches;
     * dropped, the field's {@code format: date-time} still checks it.</li>
     * <li>a {@code required} name the schema does not declare among its {@code properties} (e.g.
     * {@code productv2ProductsStocksRequestStock} requires {@code quant_size}, a field the spec dropped from the
     * stock row and its docs no longer mention): no client can know to send it; dropped from {@code required}.</li>
     * </ul>
     * Returns how many places it mended.
     */
    static int repairInMemory(JsonNode node) {
        int repaired = accrualUpdateOfJuly2026(node);
        if (node instanceof ObjectNode object) {
            if ("array of strings".equals(object.path("type").asText(null))) {
                object.put("type", "array");
                if (!object.has("items")) {
                    object.putObject("items").put("type", "string");
                }
                repaired++;
            }
            if (object.path("pattern").isTextual() && object.get("pattern").asText().startsWith(" YYYY")) {
                object.remove("pattern");
                repaired++;
            }
            if (object.path("required").isArray() && object.path("properties").isObject()) {
                com.fasterxml.jackson.databind.node.ArrayNode required =
                        (com.fasterxml.jackson.databind.node.ArrayNode) object.get("required");
                for (int i = required.size() - 1; i >= 0; i--) {
                    if (!object.get("properties").has(required.get(i).asText())) {
                        required.remove(i);
                        repaired++;
                    }
                }
            }
        }
        for (JsonNode child : node) {
            repaired += repairInMemory(child);
        }
        return repaired;
    }

    /**
     * The spec snapshot is of June 2026; in July 2026 Ozon added {@code accruals[].container_fees} ({@code fees[]} of
     * {@code type_id} and {@code accrued}) and the category {@code CONTAINER_FEES} to {@code /v1/finance/accrual/by-day}
     * (the later snapshot in artefactby/ozon-seller-api, CHANGELOG 0.2.0 and src/generated/types.ts). Added here, in
     * memory, so the emulator's container fees are checked against that shape. Only on the root node.
     */
    private static int accrualUpdateOfJuly2026(JsonNode root) {
        JsonNode schemas = root.path("components").path("schemas");
        String accrual = "finance.v1.GetFinanceAccrualByDayResponse.Accrual";
        if (!(schemas.path(accrual).path("properties") instanceof ObjectNode properties)
                || properties.has("container_fees")) {
            return 0;
        }
        ObjectNode fee = JSON.createObjectNode().put("type", "object");
        fee.putObject("properties").putObject("accrued").put("$ref", "#/components/schemas/money.MoneyAccrued");
        ((ObjectNode) fee.get("properties")).putObject("type_id").put("type", "integer").put("format", "int32");
        ObjectNode group = properties.putObject("container_fees").put("type", "object").put("nullable", true);
        group.putObject("properties").putObject("fees").put("type", "array").set("items", fee);
        JsonNode categories = schemas.path(accrual + ".AccruedCategory.Enum").path("enum");
        if (categories instanceof com.fasterxml.jackson.databind.node.ArrayNode values) {
            values.add("CONTAINER_FEES");
        }
        return 1;
    }

    public static OpenApiInteractionValidator validator() {
        return Holder.VALIDATOR;
    }

    public static ValidationReport validateRequest(RecordedExchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()),
                exchange.path());
        for (Map.Entry<String, String> header : exchange.requestHeaders().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            builder.withBody(exchange.requestBody());
        }
        return validator().validateRequest(builder.build());
    }

    public static ValidationReport validateResponse(RecordedExchange exchange) {
        SimpleResponse response = SimpleResponse.Builder.status(exchange.status())
                .withContentType("application/json")
                .withBody(exchange.responseBody())
                .build();
        return validator().validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()), response);
    }

    /**
     * Every exchange must conform: a request the emulator accepted (200) must be spec-valid; a request the spec
     * calls invalid must not have been accepted; every answer with a status the spec declares must match its
     * schema; answers with undeclared statuses (401, 429) must still be Ozon's rpcStatus. Lost replies (status 0)
     * have no answer to check. Fails listing every violation.
     */
    public static void assertConforms(List<RecordedExchange> exchanges) {
        List<String> violations = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            String where = exchange.method() + " " + exchange.path() + " -> " + exchange.status()
                    + " (request " + exchange.requestBody() + ")";
            ValidationReport request = validateRequest(exchange);
            if (request.hasErrors() && exchange.status() == 200) {
                violations.add(where + ": accepted a request the spec rejects: " + messages(request));
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
                String problem = rpcStatusProblem(exchange.responseBody());
                if (problem != null) {
                    violations.add(where + ": " + problem);
                }
            }
        }
        if (!violations.isEmpty()) {
            fail(violations.size() + " contract violation(s):\n" + String.join("\n", violations));
        }
    }

    /** The hand check for statuses the spec does not declare: {code:int, message:string, details:array}. */
    public static String rpcStatusProblem(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.path("code").isInt() || !json.path("message").isTextual()
                    || !json.path("details").isArray()) {
                return "not an rpcStatus body {code:int, message:string, details:[]}: " + body;
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
