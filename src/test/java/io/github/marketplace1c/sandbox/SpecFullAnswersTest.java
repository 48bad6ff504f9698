package io.github.marketplace1c.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.contract.OzonContract;
import io.github.marketplace1c.contract.WildberriesContract;
import io.github.marketplace1c.contract.YandexMarketContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Full answers: what the completer adds is what the official spec accepts, money we ignore is non-zero and money we
 * read is zero, and nothing the emulator sent is changed.
 */
class SpecFullAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMAS = read();

    private static JsonNode read() {
        try {
            return JSON.readTree(Files.readString(Path.of("src/main/resources/sandbox/full-answers.json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An answer with one empty record in every array of records: what the completer then fills field by field. */
    private static JsonNode skeleton(JsonNode schema) {
        if (schema.path("type").asText().equals("array")) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            if (schema.path("items").path("type").asText().matches("object|array")) {
                array.add(skeleton(schema.get("items")));
            }
            return array;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("type").asText().equals("array")
                    && p.getValue().path("items").path("type").asText().equals("object")) {
                object.set(p.getKey(), skeleton(p.getValue()));
            } else if (p.getValue().path("type").asText().equals("object")) {
                object.set(p.getKey(), skeleton(p.getValue()));
            }
        });
        return object;
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "1");
    }

    @Test
    void offAnswersPassUntouched() {
        SpecFullAnswers answers = SpecFullAnswers.of("wildberries").switchOn(false);
        assertThat(answers.fill("GET", "/api/v3/orders/new", 200, "{\"orders\":[{}]}")).isEqualTo("{\"orders\":[{}]}");
        SpecFullAnswers on = SpecFullAnswers.of("wildberries").switchOn(true);
        assertThat(on.fill("GET", "/api/v3/orders/new", 429, "{\"title\":\"too many\"}"))
                .as("error answers are not completed").isEqualTo("{\"title\":\"too many\"}");
        assertThat(on.fill("GET", "/__sandbox/faults", 200, "{}")).as("an operation the spec does not know").isEqualTo("{}");
    }

    @Test
    void everyCompletedAnswerIsOneTheSpecAccepts() throws Exception {
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> system : (Iterable<Map.Entry<String, JsonNode>>) SCHEMAS::fields) {
            SpecFullAnswers answers = SpecFullAnswers.of(system.getKey()).switchOn(true);
            for (Map.Entry<String, JsonNode> op : (Iterable<Map.Entry<String, JsonNode>>) system.getValue()::fields) {
                String[] key = op.getKey().split(" ", 2);
                String path = concrete(key[1]);
                String filled = answers.fill(key[0], path, 200, skeleton(op.getValue()).toString());
                OpenApiInteractionValidator validator = switch (system.getKey()) {
                    case "ozon" -> OzonContract.validator();
                    case "wildberries" -> WildberriesContract.validatorFor(path);
                    default -> YandexMarketContract.validator();
                };
                ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(key[0]),
                        SimpleResponse.Builder.status(200).withContentType("application/json").withBody(filled).build());
                report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .forEach(m -> problems.add(op.getKey() + ": " + m.getMessage()));
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(20);
        assertThat(problems).as("completed answers the spec rejects").isEmpty();
    }

    @Test
    void moneyWeIgnoreIsNonZeroMoneyWeReadIsZeroAndWhatTheEmulatorSentStays() throws Exception {
        SpecFullAnswers answers = SpecFullAnswers.of("wildberries").switchOn(true);
        JsonNode order = JSON.readTree(answers.fill("GET", "/api/v3/orders/new", 200,
                "{\"orders\":[{\"id\":7,\"price\":150000,\"convertedPrice\":150000}]}")).path("orders").path(0);
        assertThat(order.path("price").asLong()).isEqualTo(150000);
        assertThat(order.path("convertedPrice").asLong()).isEqualTo(150000);
        assertThat(order.path("finalPrice").asLong()).as("ignored on purpose: non-zero").isEqualTo(12345);
        assertThat(order.path("salePrice").asLong()).isEqualTo(12345);
        assertThat(order.path("currencyCode").asInt()).as("the rouble where the spec allows it").isEqualTo(643);
        assertThat(order.path("skus").isArray()).isTrue();

        JsonNode row = JSON.readTree(answers.fill("POST", "/api/finance/v1/sales-reports/detailed/42", 200,
                "[{\"rrdId\":1,\"retailAmount\":\"100.00\"}]")).path(0);
        assertThat(row.path("retailAmount").asText()).isEqualTo("100.00");
        assertThat(row.path("forPay").asText()).as("read: zero, the seed's sums stay").isEqualTo("0");
        assertThat(row.path("cashbackAmount").asText()).as("read since the WB finance rows fix: zero").isEqualTo("0");
        assertThat(row.path("installmentCofinancingAmount").asText()).as("ignored on purpose: non-zero")
                .isEqualTo("123.45");

        JsonNode postings = JSON.readTree(SpecFullAnswers.of("ozon").switchOn(true).fill("POST", "/v4/posting/fbs/list",
                200, "{\"postings\":[]}"));
        assertThat(postings.path("postings").size()).as("no phantom records").isZero();
        assertThat(postings.has("cursor")).as("no invented next page").isFalse();
        JsonNode lastPage = JSON.readTree(SpecFullAnswers.of("yandex-market").switchOn(true).fill("POST",
                "/v1/businesses/7/orders", 200, "{\"orders\":[]}"));
        assertThat(lastPage.has("paging")).isFalse();
    }
}
