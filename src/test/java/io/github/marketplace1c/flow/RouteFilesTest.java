package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrator's lint: every file under routes/ loads, the application starts with all of them, and every route
 * a file declares is running. An edit that breaks a route file fails here, not in production.
 */
class RouteFilesTest {

    @TempDir
    Path temp;

    @Test
    void everyRouteFileLoadsAndEveryDeclaredRouteRuns() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("routes"))) {
            files = walk.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertThat(files).extracting(Path::toString)
                .contains("routes/ozon/orders.camel.yaml", "routes/shared/errors.camel.yaml");
        List<String> declared = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path file : files) {
            JsonNode document = yaml.readTree(file.toFile());
            assertThat(document.isArray()).as("%s is a list of definitions", file).isTrue();
            for (JsonNode definition : document) {
                JsonNode route = definition.path("route");
                if (!route.isMissingNode()) {
                    assertThat(route.path("id").asText()).as("every route in %s has an id", file).isNotBlank();
                    declared.add(route.path("id").asText());
                }
                JsonNode templated = definition.path("templatedRoute");
                if (!templated.isMissingNode()) {
                    assertThat(templated.path("routeId").asText()).as("every templated route in %s has an id", file)
                            .isNotBlank();
                    declared.add(templated.path("routeId").asText());
                }
            }
        }

        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            CamelContext context = world.start().context();
            for (String id : declared) {
                assertThat(context.getRoute(id)).as("route %s", id).isNotNull();
                boolean scheduled = id.endsWith("-schedule");
                assertThat(context.getRouteController().getRouteStatus(id).isStarted())
                        .as("route %s started", id).isEqualTo(!scheduled); // schedules are off in tests
            }
            assertThat(world.app().flows().flowNames()).contains("ozon-orders");
        }
    }
}
