package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.onec.OneCStockSeed;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.StockTargets;
import io.github.marketplace1c.testing.StockTargets.Target;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stock export end to end: 1C emulator registers -> application -> marketplace emulators, over HTTP. */
class StockExportTest {

    @TempDir
    Path temp;

    private static String flow(String marketplace) {
        return marketplace + "-stocks";
    }

    @ParameterizedTest
    @ValueSource(strings = {"ozon", "wildberries", "yandex-market"})
    void theMarketplaceGetsTheFreeStockThePreviewShowedAndAnUnchangedSecondRunSendsNothing(String marketplace)
            throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            List<Target> targets = StockTargets.of(marketplace);
            JsonNode preview = world.adminJson("GET", "/api/preview/stocks?changedOnly=true", null);
            long previewed = 0;
            for (JsonNode line : preview) {
                Target target = targets.stream().filter(t -> t.warehouseKey().equals(line.path("warehouseKey").asText())
                        && t.productKey().equals(line.path("productKey").asText())).findFirst().orElse(null);
                if (target != null) {
                    assertThat(line.path("value").asLong()).as("preview of %s", target).isEqualTo(target.free());
                    assertThat(line.path("previous").isNull()).isTrue();
                    previewed++;
                }
            }
            assertThat(previewed).isEqualTo(targets.size());

            List<Journal.RunSummary> runs = world.runFlow(flow(marketplace));

            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
            assertThat(runs.stream().mapToInt(Journal.RunSummary::done).sum()).isEqualTo(targets.size());
            for (Target target : targets) {
                assertThat(StockTargets.received(world, marketplace, target)).as("%s", target)
                        .isEqualTo(OptionalLong.of(target.free()));
            }
            assertThat(targets).anyMatch(t -> t.free() == 0).anyMatch(t -> t.free() > 0);

            List<Journal.RunSummary> second = world.runFlow(flow(marketplace));
            assertThat(second).allSatisfy(r -> assertThat(r.fetched()).isZero());
            List<String> accounts = targets.stream().map(Target::accountId).distinct().toList();
            for (JsonNode line : world.adminJson("GET", "/api/preview/stocks?changedOnly=true", null)) {
                assertThat(accounts).as("nothing left to send for %s", line).doesNotContain(line.path("accountId").asText());
            }
        }
    }

    @Test
    void severalOneCWarehousesFeedOneOzonWarehouseThroughTheStockRules() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            String podolsk = "1020000000001";
            // the integrator's way: through the admin API
            world.adminJson("PUT", "/api/stock/sources", """
                    {"account":"ozon-romashka","warehouse":"%s","onecWarehouses":["%s","%s"]}
                    """.formatted(podolsk, SandboxData.MAIN_WAREHOUSE.ref(), SandboxData.KAZAN_WAREHOUSE.ref()));
            world.adminJson("PUT", "/api/stock/rules",
                    "{\"account\":\"ozon-romashka\",\"scope\":\"account\",\"percent\":50,\"safetyStock\":1}");
            // the product rule goes to the product with the most stock in the two warehouses
            SandboxData.OzonOffer richest = SandboxData.OZON_OFFERS.stream().filter(SandboxData.OzonOffer::mapped)
                    .max(java.util.Comparator.comparingLong(o -> free(SandboxData.ITEMS.indexOf(o.item()), 0)
                            + free(SandboxData.ITEMS.indexOf(o.item()), 1))).orElseThrow();
            world.adminJson("PUT", "/api/stock/rules", "{\"account\":\"ozon-romashka\",\"scope\":\"product\","
                    + "\"product\":\"" + richest.offerId() + "\",\"percent\":100,\"safetyStock\":3}");
            assertThat(world.adminJson("GET", "/api/stock/sources?account=ozon-romashka", null)
                    .findValuesAsText("warehouseKey")).containsOnly(podolsk);
            assertThat(world.adminJson("GET", "/api/stock/rules?account=ozon-romashka", null)).hasSize(2);
            assertThat(world.admin("PUT", "/api/stock/rules",
                    "{\"account\":\"ozon-romashka\",\"scope\":\"account\",\"percent\":150,\"safetyStock\":0}")
                    .statusCode()).isEqualTo(400);

            world.runFlow("ozon-stocks");

            for (SandboxData.OzonOffer offer : SandboxData.OZON_OFFERS.stream().filter(SandboxData.OzonOffer::mapped).toList()) {
                int item = SandboxData.ITEMS.indexOf(offer.item());
                long free = free(item, 0) + free(item, 1); // Основной склад + Склад Казань
                long expected = offer.offerId().equals(richest.offerId()) ? Math.max(0, free - 3)
                        : Math.max(0, Math.min(free / 2, free - 1)); // floor(free × 50 %), at most free − 1
                if (offer.offerId().equals(richest.offerId())) {
                    assertThat(free).as("the product rule is exercised").isGreaterThan(3);
                }
                assertThat(world.ozon.stocks().current("100001", offer.offerId(), Long.parseLong(podolsk)))
                        .as("%s: %d free in two 1C warehouses", offer.offerId(), free).isEqualTo(OptionalLong.of(expected));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UT", "UNF"})
    void aRuleIsChosenAsUtDoesItProductThenCategoryThenKindThenAccount(OneCEmulator.Configuration configuration)
            throws Exception {
        try (FlowWorld world = new FlowWorld(configuration, temp, Map.of())) {
            world.start();
            String account = "ozon-romashka";
            // the account keeps 2 back; tea and honey show half; УТ's kind "Товары" (every seeded item) shows 80 %
            // (УНФ has no kinds: the account's rule); the shirt in size L has a rule of its own
            world.adminJson("PUT", "/api/stock/rules", "{\"account\":\"%s\",\"scope\":\"account\",\"percent\":100,"
                    .formatted(account) + "\"safetyStock\":2}");
            world.adminJson("PUT", "/api/stock/rules", "{\"account\":\"%s\",\"scope\":\"category\",\"category\":\"%s\","
                    .formatted(account, SandboxData.FOOD.ref()) + "\"percent\":50,\"safetyStock\":0}");
            world.adminJson("PUT", "/api/stock/rules", "{\"account\":\"%s\",\"scope\":\"kind\",\"kind\":\"%s\","
                    .formatted(account, SandboxData.GOODS_KIND.ref()) + "\"percent\":80,\"safetyStock\":0}");
            String shirtL = SandboxData.OZON_OFFERS.stream().filter(o -> "Размер L".equals(o.item().characteristicName()))
                    .findFirst().orElseThrow().offerId();
            world.adminJson("PUT", "/api/stock/rules", "{\"account\":\"%s\",\"scope\":\"product\",\"product\":\"%s\","
                    .formatted(account, shirtL) + "\"percent\":100,\"safetyStock\":5}");
            assertThat(world.admin("PUT", "/api/stock/rules", "{\"account\":\"%s\",\"scope\":\"category\","
                    .formatted(account) + "\"category\":\"Чай\",\"percent\":50,\"safetyStock\":0}").statusCode())
                    .as("a category is named by its 1C GUID").isEqualTo(400);

            world.runFlow("ozon-stocks");

            boolean ut = configuration == OneCEmulator.Configuration.UT;
            int checked = 0;
            for (Target target : StockTargets.of("ozon")) {
                if (!target.accountId().equals(account)) {
                    continue;
                }
                SandboxData.Item item = SandboxData.ITEMS.get(target.itemIndex());
                long free = ut ? target.free()
                        : Math.max(0, OneCStockSeed.quantity(target.itemIndex(), target.warehouseIndex())); // no reserves
                long expected;
                if (target.productKey().equals(shirtL)) {
                    expected = Math.max(0, free - 5);
                } else if (SandboxData.categoryOf(item) == SandboxData.FOOD) {
                    expected = free / 2;
                } else if (ut) {
                    expected = free * 80 / 100;
                } else {
                    expected = Math.max(0, free - 2); // УНФ has no kind of nomenclature: the account's rule
                }
                assertThat(StockTargets.received(world, "ozon", target)).as("%s at %s: %d free", target.productKey(),
                        target.warehouseKey(), free).isEqualTo(OptionalLong.of(expected));
                checked++;
            }
            assertThat(checked).isGreaterThan(10);
            // the preview names the rule that applied
            JsonNode preview = world.adminJson("GET", "/api/preview/stocks?account=" + account, null);
            List<String> rules = new java.util.ArrayList<>();
            preview.forEach(l -> rules.add(l.path("rule").asText()));
            assertThat(rules).anyMatch(r -> r.startsWith("товарная категория " + SandboxData.FOOD.ref()))
                    .anyMatch(r -> r.startsWith("товар " + shirtL));
        }
    }

    @Test
    void aYandexMarketAccountFedToTwoWarehousesFailsClearlyAndSendsNothing() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            // one Market account is one campaign: a second "warehouse" would overwrite the first one's stock
            for (String warehouse : List.of("ym-romashka-fbs", "ym-romashka-fbs-2")) {
                world.adminJson("PUT", "/api/stock/sources", """
                        {"account":"ym-romashka","warehouse":"%s","onecWarehouses":["%s"]}
                        """.formatted(warehouse, SandboxData.MAIN_WAREHOUSE.ref()));
            }

            List<Journal.RunSummary> runs = world.runFlow("yandex-market-stocks");

            Journal.RunSummary romashka = runs.stream().filter(r -> r.accountId().equals("ym-romashka")).findFirst()
                    .orElseThrow();
            assertThat(romashka.status()).isEqualTo("FAILED");
            assertThat(romashka.message()).startsWith("CONFIGURATION").contains("one campaign")
                    .contains("ym-romashka-fbs-2");
            long campaign = SandboxData.YM_ROMASHKA.campaignId();
            assertThat(world.yandexMarket.stocks().received()).noneMatch(s -> s.campaignId() == campaign);
            assertThat(runs.stream().filter(r -> r.accountId().equals("ym-vasilkov")))
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anItemArchivedIn1CIsNotExportedOrIsSentZeroAsTheSettingSays(boolean zeroUnmapped) throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.stocks.zeroUnmapped", String.valueOf(zeroUnmapped)))) {
            world.start();
            // Market, whose stock takes a new value at once (Ozon's 30 seconds per pair are a test of their own)
            world.runFlow("yandex-market-stocks");
            Target target = StockTargets.of("yandex-market").stream().filter(t -> t.free() > 0).findFirst().orElseThrow();
            SandboxData.Item item = SandboxData.ITEMS.get(target.itemIndex());
            assertThat(StockTargets.received(world, "yandex-market", target)).isEqualTo(OptionalLong.of(target.free()));

            // the integrator's colleague marks the nomenclature for deletion in 1C (it keeps its stock)
            java.net.http.HttpResponse<String> marked = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(world.onec.baseUrl()
                                    + "/odata/standard.odata/Catalog_%D0%9D%D0%BE%D0%BC%D0%B5%D0%BD%D0%BA%D0%BB%D0%B0"
                                    + "%D1%82%D1%83%D1%80%D0%B0(guid'" + item.nomenclatureRef() + "')?$format=json"))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    "odata:sandbox-1c-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/json")
                            .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"DeletionMark\":true}"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);

            JsonNode preview = world.adminJson("GET", "/api/preview/stocks?account=" + target.accountId(), null);
            List<JsonNode> lines = new java.util.ArrayList<>();
            preview.forEach(l -> {
                if (l.path("productKey").asText().equals(target.productKey())
                        && l.path("warehouseKey").asText().equals(target.warehouseKey())) {
                    lines.add(l);
                }
            });
            List<Journal.RunSummary> runs = world.runFlow("yandex-market-stocks");

            if (zeroUnmapped) {
                assertThat(lines).singleElement().satisfies(l -> {
                    assertThat(l.path("value").asLong()).isZero();
                    assertThat(l.path("rule").asText()).contains("помечен на удаление");
                });
                assertThat(StockTargets.received(world, "yandex-market", target)).isEqualTo(OptionalLong.of(0));
            } else {
                assertThat(lines).as("not in the preview").isEmpty();
                assertThat(StockTargets.received(world, "yandex-market", target)).as("left as it was")
                        .isEqualTo(OptionalLong.of(target.free()));
            }
            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
        }
    }

    @Test
    void anOzonPairChangedWithin30SecondsOfItsLastUpdateWaitsForALaterRunInsteadOfBeingRefused() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.runFlow("ozon-stocks");
            Target target = StockTargets.of("ozon").stream()
                    .filter(t -> SandboxData.ITEMS.get(t.itemIndex()).characteristicRef() == null).findFirst().orElseThrow();
            SandboxData.Item item = SandboxData.ITEMS.get(target.itemIndex());
            world.onec.putBalance("AccumulationRegister_ЗапасыИПотребности", Map.of("Номенклатура_Key",
                    item.nomenclatureRef(), "Склад", SandboxData.WAREHOUSES.get(target.warehouseIndex()).ref(),
                    "Склад_Type", "StandardODATA.Catalog_Склады", "ВНаличии", 42));

            List<Journal.RunSummary> soon = world.runFlow("ozon-stocks");

            Journal.RunSummary run = soon.stream().filter(r -> r.accountId().equals(target.accountId())).findFirst()
                    .orElseThrow();
            assertThat(run.fetched()).isEqualTo(1);
            assertThat(run.skipped()).as("held back: Ozon takes a pair once in 30 s").isEqualTo(1);
            assertThat(run.deadLetters()).isZero();
            assertThat(StockTargets.received(world, "ozon", target)).isEqualTo(OptionalLong.of(target.free()));
            assertThat(world.adminJson("GET", "/api/dead-letters", null).size()).isZero();
        }
    }

    private static long free(int item, int warehouse) {
        return Math.max(0, OneCStockSeed.quantity(item, warehouse) - OneCStockSeed.reserve(item, warehouse));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ozon", "wildberries"})
    void anItemTheMarketplaceRefusesIsADeadLetterTheRestIsSentAndReplaySendsItsCurrentValue(String marketplace)
            throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            Target armed = StockTargets.of(marketplace).get(0);
            if (marketplace.equals("ozon")) {
                world.ozon.stocks().rejectNext(armed.productKey(), "PRODUCT_HAS_NOT_BEEN_TAGGED_YET", "not tagged yet");
            } else {
                world.wildberries.stocks().rejectNext(Long.parseLong(armed.productKey()), "NotFound", "size not found");
            }

            List<Journal.RunSummary> runs = world.runFlow(flow(marketplace));

            assertThat(runs.stream().mapToInt(Journal.RunSummary::deadLetters).sum()).isEqualTo(1);
            assertThat(runs).allSatisfy(r -> assertThat(r.fetched()).isEqualTo(r.done() + r.deadLetters()));
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=MARKETPLACE_REJECTED", null);
            assertThat(letters.size()).isEqualTo(1);
            // the refusal is armed per product; batches go in parallel, so it lands on whichever warehouse comes first
            String[] where = letters.get(0).path("recordKey").asText().split("/", 2);
            Target refused = StockTargets.of(marketplace).stream()
                    .filter(t -> t.warehouseKey().equals(where[0]) && t.productKey().equals(where[1])).findFirst()
                    .orElseThrow();
            assertThat(refused.productKey()).isEqualTo(armed.productKey());
            assertThat(StockTargets.accepted(world, marketplace, refused)).isFalse();
            for (Target other : StockTargets.of(marketplace)) {
                if (!other.equals(refused)) {
                    assertThat(StockTargets.received(world, marketplace, other)).isEqualTo(OptionalLong.of(other.free()));
                }
            }
            assertThat(letters.get(0).path("message").asText())
                    .contains(marketplace.equals("ozon") ? "PRODUCT_HAS_NOT_BEEN_TAGGED_YET" : "NotFound")
                    .contains(refused.productKey());

            JsonNode replay = world.adminJson("POST", "/api/dead-letters/" + letters.get(0).path("id").asText()
                    + "/replay", null);

            assertThat(replay.path("outcome").asText()).isEqualTo("DONE");
            assertThat(StockTargets.received(world, marketplace, refused)).isEqualTo(OptionalLong.of(refused.free()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ozon", "wildberries", "yandex-market"})
    void aRateLimitMidRunIsWaitedOutAndNothingIsLost(String key) throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            Faults faults = switch (key) {
                case "ozon" -> world.ozon.faults();
                case "wildberries" -> world.wildberries.faults();
                default -> world.yandexMarket.faults();
            };
            faults.arm(Faults.Kind.RATE_LIMITED, 1, key.equals("ozon") ? "/v2/products/stocks"
                    : key.equals("wildberries") ? "PUT /api/v3/stocks" : "/offers/stocks");

            List<Journal.RunSummary> runs = world.runFlow(flow(key));

            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
            for (Target target : StockTargets.of(key)) {
                assertThat(StockTargets.received(world, key, target)).isEqualTo(OptionalLong.of(target.free()));
            }
        }
    }

    @Test
    void when1CCannotBeReadNothingIsSentAndTheRunFailsClearly() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                "mp1c.retry.maxRedeliveries", "2", "mp1c.retry.initialDelayMs", "10", "mp1c.retry.maxDelayMs", "20"))) {
            world.start();
            world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/odata/");

            List<Journal.RunSummary> runs = world.runFlow("ozon-stocks");

            assertThat(runs).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("FAILED");
                assertThat(r.message()).startsWith("ONEC_UNAVAILABLE").contains("503");
            });
            assertThat(world.ozon.stocks().received()).isEmpty();
        }
    }
}
