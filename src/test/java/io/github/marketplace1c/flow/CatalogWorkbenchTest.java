package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.contract.OzonContract;
import io.github.marketplace1c.contract.WildberriesContract;
import io.github.marketplace1c.contract.YandexMarketContract;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.wildberries.WildberriesCards;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCOrders;
import io.github.marketplace1c.wildberries.WildberriesCatalog;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping workbench end to end, as an integrator uses it through the admin API: a catalog pull with its progress,
 * the suggestions and their evidence, accepting one (the parked orders replay into 1C), rejecting one (remembered),
 * accepting every exact one, the unmapped inbox; the catalog flows of the three marketplaces against the emulators,
 * paging included, every request and answer checked against the specs.
 */
class CatalogWorkbenchTest {

    @TempDir
    Path temp;

    /** Starts a pull through the API and waits for it; answers the finished pull. */
    private static JsonNode pull(FlowWorld world, String query) throws Exception {
        HttpResponse<String> started = world.admin("POST", "/api/catalog/pull?" + query, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).path("id").asLong();
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
            done[0] = world.adminJson("GET", "/api/catalog/pulls/" + id, null);
            return !done[0].path("status").asText().equals("running");
        });
        return done[0];
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<JsonNode> suggestionsOf(JsonNode suggestions, String productKey) {
        return list(suggestions).stream().filter(s -> s.at("/product/key").asText().equals(productKey)).toList();
    }

    @Test
    void acceptingTheSuggestionOfAnUnmappedProductReplaysItsOrdersInto1C() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.runOrders();
            JsonNode finished = pull(world, "marketplace=ozon");
            assertThat(finished.path("status").asText()).isEqualTo("done");
            assertThat(finished.path("percent").asInt()).isEqualTo(100);
            assertThat(finished.path("accounts")).hasSize(2);
            JsonNode romashka = finished.path("accounts").get(0);
            assertThat(romashka.path("stage").asText()).isEqualTo("done");
            assertThat(romashka.path("marketplaceProducts").asInt())
                    .isEqualTo(SandboxData.OZON_OFFERS.size() + SandboxData.CATALOG_OFFERS.size());
            assertThat(romashka.path("onecItems").asInt()).isEqualTo(SandboxData.barcodedItems().size());

            // the inbox counts what waits: the open UNMAPPED_PRODUCT dead letters naming each product
            JsonNode letters = world.adminJson("GET",
                    "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new&account=ozon-romashka", null);
            assertThat(letters).isNotEmpty();
            Map<String, Integer> waiting = new HashMap<>();
            for (JsonNode letter : letters) {
                for (String key : letter.path("productKeys").asText().split(",")) {
                    if (!key.isBlank()) {
                        waiting.merge(key, 1, Integer::sum);
                    }
                }
            }
            JsonNode inbox = world.adminJson("GET", "/api/unmapped?account=ozon-romashka", null);
            List<JsonNode> fromOrders = list(inbox).stream().filter(u -> u.path("waiting").asInt() > 0).toList();
            assertThat(fromOrders).extracting(u -> u.path("productKey").asText())
                    .containsExactlyInAnyOrderElementsOf(waiting.keySet());
            for (JsonNode item : fromOrders) {
                assertThat(item.path("waiting").asInt()).isEqualTo(waiting.get(item.path("productKey").asText()));
                assertThat(item.path("seenIn").toString()).contains("orders").contains("catalog");
            }
            // catalog-only products without a mapping are in the inbox too, with nothing waiting
            JsonNode lamp = list(inbox).stream().filter(u -> u.path("productKey").asText().equals("LAMP-LED-99"))
                    .findFirst().orElseThrow();
            assertThat(lamp.path("waiting").asInt()).isZero();
            assertThat(lamp.path("bestSuggestion").isNull()).isTrue();
            assertThat(list(inbox)).noneMatch(u -> u.path("productKey").asText().equals("RM-TEA-001"));

            JsonNode product = fromOrders.get(0);
            String key = product.path("productKey").asText();
            SandboxData.Item item = SandboxData.OZON_OFFERS.stream().filter(o -> o.offerId().equals(key))
                    .findFirst().orElseThrow().item();
            JsonNode best = product.path("bestSuggestion");
            assertThat(best.path("evidence").asText()).isEqualTo("barcode");
            assertThat(best.path("exact").asBoolean()).isTrue();
            assertThat(best.at("/onec/nomenclatureRef").asText()).isEqualTo(item.nomenclatureRef());
            assertThat(best.path("details").asText()).contains(item.barcode());

            JsonNode accepted = world.adminJson("POST", "/api/suggestions/" + best.path("id").asLong() + "/accept", null);

            assertThat(accepted.at("/suggestion/status").asText()).isEqualTo("accepted");
            assertThat(accepted.at("/mapping/accountId").asText()).isEqualTo("ozon-romashka");
            assertThat(accepted.path("replayed")).hasSize(waiting.get(key));
            assertThat(list(accepted.path("replayed"))).allMatch(r -> r.path("outcome").asText().equals("DONE"));
            OneCOrders orders = new OneCOrders(world.onec);
            for (JsonNode letter : letters) {
                if (!letter.path("productKeys").asText().contains("," + key + ",")) {
                    continue;
                }
                ObjectNode document = orders.one(letter.path("recordKey").asText()).orElseThrow();
                assertThat(StreamSupport.stream(document.path(orders.rowsField()).spliterator(), false)
                        .map(orders::nomenclature)).contains(item.nomenclatureRef());
                assertThat(world.adminJson("GET", "/api/dead-letters/" + letter.path("id").asLong(), null)
                        .path("status").asText()).isEqualTo("replayed");
            }
            assertThat(world.adminJson("GET", "/api/mappings/products?marketplace=ozon&account=ozon-romashka&search="
                    + key, null).get(0).path("ref").asText()).isEqualTo(item.nomenclatureRef());
            assertThat(list(world.adminJson("GET", "/api/unmapped?account=ozon-romashka", null)))
                    .noneMatch(u -> u.path("productKey").asText().equals(key));
            HttpResponse<String> again = world.admin("POST", "/api/suggestions/" + best.path("id").asLong() + "/accept", null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(world.admin("POST", "/api/suggestions/999999/accept", null).statusCode()).isEqualTo(404);
            assertThat(world.admin("GET", "/api/suggestions", null, "wrong-token-0123456789").statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void evidenceIsExactOnlyForOneItemRejectionsAreRememberedAndExactOnesAcceptInBulk() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            List<Journal.RunSummary> runs = world.runFlow("ozon-catalog");
            assertThat(runs).extracting(Journal.RunSummary::status).containsOnly("OK");
            assertThat(runs).extracting(Journal.RunSummary::fetched).containsOnly(22);
            JsonNode all = world.adminJson("GET", "/api/suggestions?account=ozon-vasilkov&status=new", null);

            // mapped offers get no suggestions; the unmatched lamp neither
            assertThat(suggestionsOf(all, "RM-TEA-001")).isEmpty();
            assertThat(suggestionsOf(all, "LAMP-LED-99")).isEmpty();
            // barcodes: exact
            for (String key : List.of("RM-SOP-008", "RM-NTB-009", "RM-PLD-011", "RM-SHP-012", "VAZA-GZHEL-25")) {
                List<JsonNode> found = suggestionsOf(all, key);
                assertThat(found).as(key).hasSize(1);
                assertThat(found.get(0).path("evidence").asText()).isEqualTo("barcode");
                assertThat(found.get(0).path("exact").asBoolean()).isTrue();
                assertThat(found.get(0).path("confidence").asDouble()).isEqualTo(1.0);
            }
            // articles typed otherwise: Latin for Cyrillic look-alikes, underscores, dots, lower case
            JsonNode towel = suggestionsOf(all, "KT_015").get(0);
            assertThat(towel.at("/onec/article").asText()).isEqualTo("КТ-015");
            assertThat(towel.path("evidence").asText()).isEqualTo("article");
            assertThat(towel.path("exact").asBoolean()).isTrue();
            assertThat(suggestionsOf(all, "rm.salt.016").get(0).at("/onec/article").asText()).isEqualTo("RM-SALT-016");
            // no false exact: two items' barcodes on one card, one article on two items
            assertThat(suggestionsOf(all, "PEN-SET-2")).hasSize(2).noneMatch(s -> s.path("exact").asBoolean());
            List<JsonNode> cups = suggestionsOf(all, "RM-CUP-021");
            assertThat(cups).hasSize(2).noneMatch(s -> s.path("exact").asBoolean());
            assertThat(cups.get(0).path("details").asText()).contains("not exact");
            // names: low confidence, never exact
            JsonNode bag = suggestionsOf(all, "SHOPPER-LES").get(0);
            assertThat(bag.path("evidence").asText()).isEqualTo("name");
            assertThat(bag.path("exact").asBoolean()).isFalse();
            assertThat(bag.path("confidence").asDouble()).isLessThan(0.9);
            // filters
            assertThat(list(world.adminJson("GET", "/api/suggestions?account=ozon-vasilkov&evidence=article&exact=true",
                    null))).extracting(s -> s.at("/product/key").asText()).containsExactlyInAnyOrder("KT_015", "rm.salt.016");
            assertThat(world.adminJson("GET", "/api/suggestions?account=ozon-vasilkov&search=петушки", null)).hasSize(1);
            assertThat(world.adminJson("GET", "/api/suggestions?account=ozon-vasilkov&confidence=0.95", null))
                    .hasSize(5);
            assertThat(world.admin("GET", "/api/suggestions?evidence=smell", null).statusCode()).isEqualTo(400);

            // a rejected pair is remembered: the next pull does not suggest it again
            long rejected = cups.get(0).path("id").asLong();
            String rejectedRef = cups.get(0).at("/onec/nomenclatureRef").asText();
            assertThat(world.adminJson("POST", "/api/suggestions/" + rejected + "/reject", null).path("status").asText())
                    .isEqualTo("rejected");
            world.runFlow("ozon-catalog");
            JsonNode afterPull = world.adminJson("GET", "/api/suggestions?account=ozon-vasilkov&search=RM-CUP-021", null);
            assertThat(list(afterPull)).filteredOn(s -> s.at("/onec/nomenclatureRef").asText().equals(rejectedRef))
                    .singleElement().satisfies(s -> assertThat(s.path("status").asText()).isEqualTo("rejected"));
            assertThat(list(afterPull)).filteredOn(s -> s.path("status").asText().equals("new")).hasSize(1);

            // bulk: every exact barcode suggestion of the account, nothing else
            JsonNode bulk = world.adminJson("POST", "/api/suggestions/accept?account=ozon-vasilkov&evidence=barcode", null);
            assertThat(bulk.path("accepted").asInt()).isEqualTo(5);
            assertThat(list(bulk.path("results"))).extracting(r -> r.at("/mapping/key").asText())
                    .containsExactlyInAnyOrder("RM-SOP-008", "RM-NTB-009", "RM-PLD-011", "RM-SHP-012", "VAZA-GZHEL-25");
            assertThat(world.adminJson("GET", "/api/mappings/products?marketplace=ozon&account=ozon-vasilkov&search="
                    + "RM-PLD-011", null).get(0).path("ref").asText()).isEqualTo(SandboxData.CATALOG_ITEMS.get(0)
                    .nomenclatureRef());
            assertThat(world.adminJson("GET", "/api/mappings/products?marketplace=ozon&account=ozon-vasilkov&search="
                    + "PEN-SET-2", null)).isEmpty();
            assertThat(world.adminJson("POST", "/api/suggestions/accept?account=ozon-vasilkov", null).path("accepted")
                    .asInt()).isZero();
            // the other account's suggestions were left alone
            assertThat(world.adminJson("GET", "/api/suggestions?account=ozon-romashka&status=new&evidence=barcode",
                    null)).hasSize(7);
            OzonContract.assertConforms(world.ozon.recorded());
        }
    }

    @Test
    void wildberriesAndMarketCatalogsArePagedAndTheChrtIdLookupServesThePriceExport() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UNF, temp, Map.of())) {
            for (int i = 0; i < 230; i++) {
                world.wildberries.cards().add(220_000_000L + i, "BULK-" + i, "Товар " + i, List.of(
                        new WildberriesCards.Size(320_000_000L + i, "0", List.of("2000000" + (100_000 + i)))));
            }
            world.start();

            List<Journal.RunSummary> wb = world.runFlow("wildberries-catalog");
            assertThat(wb).extracting(Journal.RunSummary::fetched).containsOnly(22 + 230);
            assertThat(wb).extracting(Journal.RunSummary::status).containsOnly("OK");
            // the sandbox's WB cabinets are keyed by chrtId: the shirt's sizes are three products
            JsonNode products = world.adminJson("GET", "/api/catalog/products?account=wb-romashka", null);
            JsonNode sizeL = list(products).stream().filter(p -> p.path("key").asText().equals("310000005")).findFirst()
                    .orElseThrow();
            assertThat(sizeL.path("article").asText()).isEqualTo("RM-TSH-005");
            assertThat(sizeL.path("marketplaceIds").asText()).isEqualTo("nmID 210000004, chrtID 310000005");
            // УНФ's barcode register (every field a dimension) gives the same exact suggestions
            JsonNode exact = world.adminJson("GET",
                    "/api/suggestions?account=wb-romashka&status=new&exact=true&evidence=barcode", null);
            assertThat(list(exact)).extracting(s -> s.at("/product/key").asText()).containsExactlyInAnyOrder(
                    "310000009", "310000010", String.valueOf(WildberriesCards.FIRST_CATALOG_CHRT_ID),
                    String.valueOf(WildberriesCards.FIRST_CATALOG_CHRT_ID + 1),
                    String.valueOf(WildberriesCards.FIRST_CATALOG_CHRT_ID + 2));

            WildberriesCatalog cards = world.app().bean("wildberriesCards", WildberriesCatalog.class);
            var account = world.app().bean("accounts", AccountRegistry.class).get("wb-romashka");
            int requests = world.wildberries.recorded().size();
            Map<Long, Long> nmIds = cards.nmIdsByChrtId(account);
            assertThat(world.wildberries.recorded()).hasSize(requests); // read with the cards: no request more
            assertThat(nmIds).containsEntry(310_000_004L, 210_000_004L).containsEntry(310_000_006L, 210_000_004L)
                    .containsEntry(320_000_229L, 220_000_229L).hasSize(12 + 10 + 230);
            WildberriesContract.assertConforms(world.wildberries.recorded());

            List<Journal.RunSummary> ym = world.runFlow("yandex-market-catalog");
            assertThat(ym).extracting(Journal.RunSummary::fetched).containsOnly(22);
            List<String> pages = new ArrayList<>();
            world.yandexMarket.recorded().stream().filter(e -> e.path().endsWith("/offer-mappings"))
                    .forEach(e -> pages.add(e.query().toString()));
            assertThat(pages).isNotEmpty();
            JsonNode ymExact = world.adminJson("GET", "/api/suggestions?account=ym-vasilkov&exact=true", null);
            assertThat(ymExact).hasSize(7);
            YandexMarketContract.assertConforms(world.yandexMarket.recorded());
        }
    }

    @Test
    void aPullThat1CKeepsRefusingIsADeadLetterOfTheAccountAndItsReplayPullsAgain() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "Catalog_Номенклатура");

            JsonNode failed = pull(world, "account=ym-romashka");

            assertThat(failed.path("status").asText()).isEqualTo("failed");
            JsonNode progress = failed.path("accounts").get(0);
            assertThat(progress.path("stage").asText()).isEqualTo("failed");
            assertThat(progress.path("marketplaceProducts").asInt()).isEqualTo(22);
            assertThat(progress.path("message").asText()).contains("1C");
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?flow=catalog&status=new", null);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("reason").asText()).isEqualTo("ONEC_UNAVAILABLE");
            assertThat(letters.get(0).path("accountId").asText()).isEqualTo("ym-romashka");
            assertThat(world.adminJson("GET", "/api/journal?flow=catalog", null).get(0).path("status").asText())
                    .isEqualTo("FAILED");
            assertThat(world.adminJson("GET", "/api/suggestions?account=ym-romashka", null)).isEmpty();

            world.onec.faults().clear();
            JsonNode replay = world.adminJson("POST", "/api/dead-letters/" + letters.get(0).path("id").asLong()
                    + "/replay", null);

            assertThat(replay.path("outcome").asText()).isEqualTo("DONE");
            assertThat(world.adminJson("GET", "/api/suggestions?account=ym-romashka&exact=true", null)).hasSize(7);
            assertThat(world.adminJson("GET", "/api/dead-letters?flow=catalog&status=new", null)).isEmpty();
            assertThat(world.admin("POST", "/api/catalog/pull?account=nobody", null).statusCode()).isEqualTo(404);
        }
    }
}
