package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingMessage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route file is valid Camel 4.18 YAML DSL as the DSL's own JSON schema ({@code schema/camelYamlDsl.json} in
 * the camel-yaml-dsl jar) defines it — typed values included: a number or a boolean written as a quoted property
 * placeholder ({@code maximumRedeliveries: "{{...}}"}) loads in Camel but is not what the schema, and so Kaoto's
 * editor, accepts. And each file holds only the entities Kaoto draws.
 */
class RouteSchemaTest {

    /** What Kaoto draws as a flow or a configuration entity (routeTemplate and templatedRoute it does not). */
    private static final Set<String> KAOTO_ENTITIES = Set.of("route", "routeConfiguration", "rest", "restConfiguration", "beans",
            "intercept", "interceptFrom", "interceptSendToEndpoint", "onCompletion", "onException", "errorHandler");

    /**
     * Files still made of route templates, until the routes redesign (issue 11) rewrites them as plain routes.
     * The list may only shrink: a file leaving it must then pass the Kaoto check like every other.
     */
    private static final Set<String> NOT_YET_PLAIN_ROUTES = Set.of(
            "routes/shared/catalog.camel.yaml", "routes/shared/flows.camel.yaml",
            "routes/shared/prices.camel.yaml", "routes/shared/sales-report.camel.yaml",
            "routes/shared/services.camel.yaml", "routes/shared/stocks.camel.yaml",
            "routes/ozon/catalog.camel.yaml", "routes/ozon/prices.camel.yaml",
            "routes/ozon/sales-report.camel.yaml", "routes/ozon/services.camel.yaml", "routes/ozon/stocks.camel.yaml",
            "routes/wildberries/catalog.camel.yaml",
            "routes/wildberries/prices.camel.yaml", "routes/wildberries/sales-report.camel.yaml",
            "routes/wildberries/services.camel.yaml", "routes/wildberries/stocks.camel.yaml",
            "routes/yandex-market/catalog.camel.yaml",
            "routes/yandex-market/prices.camel.yaml", "routes/yandex-market/sales-report.camel.yaml",
            "routes/yandex-market/services.camel.yaml", "routes/yandex-market/stocks.camel.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader.class
                .getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(in).as("camelYamlDsl.json in the camel-yaml-dsl jar").isNotNull();
            JsonNode node = new ObjectMapper().readTree(in);
            schema = JsonSchemaFactory.byDefault().getJsonSchema(node);
        }
    }

    @Test
    void everyRouteFileIsValidAgainstTheCamelYamlDslSchema() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path file : routeFiles()) {
            ProcessingReport report = schema.validate(YAML.readTree(file.toFile()), true);
            if (!report.isSuccess()) {
                for (ProcessingMessage message : report) {
                    if (message.getLogLevel().compareTo(LogLevel.ERROR) < 0) {
                        continue; // "unknown keyword deprecated" and the like: the schema's, not the file's
                    }
                    problems.add(file + ": " + describe(message.asJson()));
                }
            }
        }
        assertThat(problems).as("route files against camelYamlDsl.json").isEmpty();
    }

    @Test
    void theSchemaRefusesAQuotedPlaceholderWhereANumberBelongs() throws Exception {
        JsonNode typed = YAML.readTree("""
                - routeConfiguration:
                    id: typed
                    errorHandler:
                      deadLetterChannel:
                        deadLetterUri: direct:dead-letter
                        redeliveryPolicy:
                          maximumRedeliveries: 3
                """);
        JsonNode quoted = YAML.readTree("""
                - routeConfiguration:
                    id: quoted
                    errorHandler:
                      deadLetterChannel:
                        deadLetterUri: direct:dead-letter
                        redeliveryPolicy:
                          maximumRedeliveries: "{{mp1c.retry.maxRedeliveries}}"
                """);
        assertThat(schema.validate(typed, true).isSuccess()).isTrue();
        assertThat(schema.validate(quoted, true).isSuccess()).isFalse();
    }

    @Test
    void everyRedesignedFileHoldsOnlyEntitiesKaotoDraws() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path file : routeFiles()) {
            if (NOT_YET_PLAIN_ROUTES.contains(file.toString())) {
                continue;
            }
            for (JsonNode definition : YAML.readTree(file.toFile())) {
                Iterator<String> names = definition.fieldNames();
                while (names.hasNext()) {
                    String entity = names.next();
                    if (!KAOTO_ENTITIES.contains(entity)) {
                        problems.add(file + ": " + entity);
                    }
                }
            }
        }
        assertThat(problems).as("entities Kaoto does not draw").isEmpty();
    }

    @Test
    void theListOfFilesStillMadeOfTemplatesNamesOnlyFilesThatAre() throws Exception {
        List<String> stale = new ArrayList<>();
        for (String name : NOT_YET_PLAIN_ROUTES) {
            Path file = Path.of(name);
            if (!Files.exists(file) || !hasTemplates(file)) {
                stale.add(name);
            }
        }
        assertThat(stale).as("files that are plain routes now: take them off NOT_YET_PLAIN_ROUTES").isEmpty();
    }

    private static boolean hasTemplates(Path file) throws Exception {
        for (JsonNode definition : YAML.readTree(file.toFile())) {
            if (definition.has("routeTemplate") || definition.has("templatedRoute")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> routeFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(Path.of("routes"))) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
            assertThat(files).isNotEmpty();
            return files;
        }
    }

    private static String describe(JsonNode message) {
        return message.path("instance").path("pointer").asText("/") + " " + message.path("message").asText()
                + (message.has("reports") ? " " + abbreviate(message.path("reports").toString()) : "");
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
