package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping tables through the admin API, as an integrator uses them with a spreadsheet. */
class MappingApiTest {

    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv; charset=utf-8");

    @TempDir
    Path temp;

    @Test
    void warehouseCsvWithABadRowIsRejectedWholeThenAGoodOneImportsAndExports() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            String kazan = SandboxData.KAZAN_WAREHOUSE.ref();
            String bad = "marketplace;account;warehouse_key;onec_warehouse_ref;name;note\n"
                    + "ozon;ozon-romashka;900001;" + kazan + ";Склад Казань;\n"
                    + "ozon;ozon-romashka;900002;Склад Казань;;\n";

            HttpResponse<String> rejected = world.admin("POST", "/api/mappings/warehouses/import", bad,
                    FlowWorld.ADMIN_TOKEN, CSV);

            assertThat(rejected.statusCode()).isEqualTo(422);
            JsonNode report = new ObjectMapper().readTree(rejected.body());
            assertThat(report.path("imported").asInt()).isZero();
            assertThat(report.path("rejected").get(0).path("line").asInt()).isEqualTo(3);
            assertThat(report.path("rejected").get(0).path("error").asText())
                    .contains("onec_warehouse_ref 'Склад Казань' is not a 1C reference");
            assertThat(world.adminJson("GET", "/api/mappings/warehouses?search=9000", null)).isEmpty();

            HttpResponse<String> good = world.admin("POST", "/api/mappings/warehouses/import", bad.lines().limit(2)
                    .reduce("", (a, b) -> a + b + "\n"), FlowWorld.ADMIN_TOKEN, CSV);

            assertThat(good.statusCode()).isEqualTo(200);
            JsonNode imported = new ObjectMapper().readTree(good.body());
            assertThat(imported.path("imported").asInt()).isEqualTo(1);
            JsonNode rows = world.adminJson("GET", "/api/mappings/warehouses?search=900001", null);
            assertThat(rows.get(0).path("ref").asText()).isEqualTo(kazan);
            assertThat(rows.get(0).path("accountId").asText()).isEqualTo("ozon-romashka");
            HttpResponse<String> export = world.admin("GET", "/api/mappings/warehouses/export?marketplace=ozon", null);
            assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(export.body()).startsWith("\uFEFFmarketplace;account;warehouse_key;onec_warehouse_ref;name;note")
                    .contains("ozon;ozon-romashka;900001;" + kazan + ";Склад Казань;");
        }
    }

    @Test
    void aProductMappingCanBeReadChangedAndDeleted() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            SandboxData.Item shirt = SandboxData.ITEMS.get(4);

            world.adminJson("PUT", "/api/mappings/products", """
                    {"marketplace":"ozon","account":"ozon-vasilkov","key":"RM-TSH-005-M","ref":"%s",
                     "characteristicRef":"%s","name":"своя строка кабинета"}
                    """.formatted(shirt.nomenclatureRef(), shirt.characteristicRef()));

            JsonNode rows = world.adminJson("GET", "/api/mappings/products?marketplace=ozon&search=rm-tsh-005-m", null);
            assertThat(rows).hasSize(2); // the sandbox's marketplace-wide row and the account's own
            assertThat(world.admin("PUT", "/api/mappings/products", "{\"marketplace\":\"ozon\",\"key\":\"X\",\"ref\":\"нет\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(world.admin("DELETE", "/api/mappings/products?marketplace=ozon&account=ozon-vasilkov&key=RM-TSH-005-M",
                    null).statusCode()).isEqualTo(200);
            assertThat(world.adminJson("GET", "/api/mappings/products?marketplace=ozon&search=rm-tsh-005-m", null)).hasSize(1);
            assertThat(world.admin("GET", "/api/mappings/shelves", null).statusCode()).isEqualTo(404);
        }
    }
}
