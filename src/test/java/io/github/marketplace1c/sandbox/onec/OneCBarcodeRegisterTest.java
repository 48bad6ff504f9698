package io.github.marketplace1c.sandbox.onec;

import static io.github.marketplace1c.sandbox.onec.ODataTestClient.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator.Configuration;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The barcode register ({@code InformationRegister_ШтрихкодыНоменклатуры}) read as records over real HTTP, as the
 * catalog flow reads it: every seeded barcode with its nomenclature and characteristic, $top/$skip paging, $filter.
 */
class OneCBarcodeRegisterTest {

    private static final String REGISTER = "InformationRegister_ШтрихкодыНоменклатуры";
    private static Vertx vertx;
    private OneCEmulator emulator;
    private ODataTestClient client;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private void start(Configuration configuration) {
        emulator = new OneCEmulator(vertx, configuration, true).start("127.0.0.1", 0);
        client = new ODataTestClient(emulator.baseUrl());
    }

    private static List<JsonNode> rows(ODataTestClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return StreamSupport.stream(response.json().path("value").spliterator(), false).toList();
    }

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void everySeededBarcodeNamesItsItem(Configuration configuration) throws Exception {
        start(configuration);
        List<JsonNode> rows = new ArrayList<>();
        for (int skip = 0; ; skip += 5) {
            List<JsonNode> page = rows(client.get(REGISTER, query("$format", "json"), query("$top", "5"),
                    query("$skip", String.valueOf(skip))));
            rows.addAll(page);
            if (page.size() < 5) {
                break;
            }
        }
        assertThat(rows).hasSize(SandboxData.barcodedItems().size());
        SandboxData.Item shirtL = SandboxData.ITEMS.get(5);
        JsonNode row = rows.stream().filter(r -> r.path("Штрихкод").asText().equals(shirtL.barcode())).findFirst()
                .orElseThrow();
        assertThat(row.path("Номенклатура_Key").asText()).isEqualTo(shirtL.nomenclatureRef());
        assertThat(row.path("Характеристика_Key").asText()).isEqualTo(shirtL.characteristicRef());
        SandboxData.Item honey = SandboxData.ITEMS.get(2);
        JsonNode filtered = rows(client.get(REGISTER, query("$format", "json"),
                query("$filter", "Штрихкод eq '" + honey.barcode() + "'"))).get(0);
        assertThat(filtered.path("Номенклатура_Key").asText()).isEqualTo(honey.nomenclatureRef());
        assertThat(filtered.path("Характеристика_Key").asText()).isEqualTo(Property.EMPTY_REF);
    }

    @Test
    void catalogItemsAreInTheNomenclatureWithTheirArticles() throws Exception {
        start(Configuration.UT);
        List<JsonNode> items = rows(client.get("Catalog_Номенклатура", query("$format", "json"),
                query("$filter", "Артикул eq 'КТ-015'")));
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("Description").asText()).isEqualTo("Полотенце кухонное льняное «Петушки»");
        assertThat(rows(client.get("Catalog_Номенклатура", query("$format", "json"),
                query("$filter", "Артикул eq 'RM-CUP-021'")))).hasSize(2);
    }

    @Test
    void otherRecordSetsAreStillNotEmulated() throws Exception {
        start(Configuration.UT);
        assertThat(client.get("InformationRegister_ЦеныНоменклатуры", query("$format", "json")).status())
                .isEqualTo(501);
    }
}
