package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.MarketplaceUnderTest;
import io.github.marketplace1c.testing.MarketplaceUnderTest.ExpectedLine;
import io.github.marketplace1c.testing.MarketplaceUnderTest.ExpectedOrder;
import io.github.marketplace1c.testing.MarketplaceUnderTest.TestAccount;
import io.github.marketplace1c.testing.OneCOrders;
import io.github.marketplace1c.testing.OneCVat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * VAT on customer orders (Yandex Market orders through the whole flow, УТ and УНФ): every row names 1C's own rate
 * item and holds the VAT inside its sum to the kopeck, the header says whether the sale is taxed; a rate the
 * marketplace states otherwise stops the order as VAT_MISMATCH, and the replay after the fix in 1C writes it.
 *
 * <p>The sandbox base: ООО «Ромашка» on ОСН (22 %, food 10 %), ИП Васильков on УСН with 5 % (settings.vatRate). Here
 * the seller also sets two of Ромашка's ordered non-food items to 7 % and «Без НДС» in 1C before the run, so one run
 * shows 22, 10, 7, 5 % and «Без НДС».
 */
class VatOnOrdersTest {

    @TempDir
    Path temp;

    /** The rate a line must have: the organization's regime, or the item's rate in 1C (as this test set it). */
    private static SandboxData.VatItem expectedRate(TestAccount account, String nomenclatureRef,
                                                    Map<String, SandboxData.VatItem> setInTest) {
        SandboxData.VatItem regime = SandboxData.regimeOf(account.organization());
        if (regime != null) {
            return regime;
        }
        if (setInTest.containsKey(nomenclatureRef)) {
            return setInTest.get(nomenclatureRef);
        }
        SandboxData.Item item = SandboxData.ITEMS.stream().filter(i -> i.nomenclatureRef().equals(nomenclatureRef))
                .findFirst().orElseThrow();
        return SandboxData.vatOf(item);
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UT", "UNF"})
    void everyOrderLineCarries1CsRateAndTheVatInsideItsSumToTheKopeck(OneCEmulator.Configuration configuration)
            throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of("yandex-market");
        try (FlowWorld world = new FlowWorld(configuration, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            OneCVat vat = new OneCVat(world.onec);
            TestAccount romashka = marketplace.accounts().stream().filter(a -> a.id().equals("ym-romashka"))
                    .findFirst().orElseThrow();
            List<String> nonFood = marketplace.expect(world, romashka).orders().stream()
                    .flatMap(o -> o.lines().stream()).map(ExpectedLine::nomenclatureRef).distinct()
                    .filter(ref -> expectedRate(romashka, ref, Map.of()) == SandboxData.VAT_22).toList();
            assertThat(nonFood).as("Ромашка's orders have three non-food items").hasSizeGreaterThanOrEqualTo(3);
            Map<String, SandboxData.VatItem> setInTest = Map.of(nonFood.get(0), SandboxData.VAT_7,
                    nonFood.get(1), SandboxData.VAT_NONE);
            for (Map.Entry<String, SandboxData.VatItem> change : setInTest.entrySet()) {
                vat.setItemRate(change.getKey(), change.getValue());
            }

            world.runFlow(marketplace.flow());

            Set<SandboxData.VatItem> seen = new HashSet<>();
            int documents = 0;
            for (TestAccount account : marketplace.accounts()) {
                for (ExpectedOrder order : marketplace.expect(world, account).orders()) {
                    ObjectNode doc = orders.one(order.externalNumber()).orElseThrow();
                    documents++;
                    JsonNode rows = doc.path(orders.rowsField());
                    boolean anyTaxed = false;
                    for (int i = 0; i < order.lines().size(); i++) {
                        ExpectedLine line = order.lines().get(i);
                        JsonNode row = rows.get(i);
                        SandboxData.VatItem expected = expectedRate(account, line.nomenclatureRef(), setInTest);
                        assertThat(vat.rateOf(row)).as("rate of %s line %d", order.externalNumber(), i + 1)
                                .isEqualTo(expected);
                        assertThat(row.path("СуммаНДС").decimalValue()).as("VAT of %s line %d", order.externalNumber(), i + 1)
                                .isEqualByComparingTo(OneCVat.vatIn(line.sum(), expected));
                        assertThat(row.path("Сумма").decimalValue()).isEqualByComparingTo(line.sum());
                        assertThat(row.path(vat.unf() ? "Всего" : "СуммаСНДС").decimalValue())
                                .isEqualByComparingTo(line.sum());
                        anyTaxed |= expected.percent() != null;
                        seen.add(expected);
                    }
                    assertThat(doc.path(vat.unf() ? "СуммаВключаетНДС" : "ЦенаВключаетНДС").asBoolean()).isTrue();
                    assertThat(doc.path("НалогообложениеНДС").asText()).isEqualTo(vat.unf()
                            ? (anyTaxed ? "ОблагаетсяНДС" : "НеОблагаетсяНДС")
                            : (anyTaxed ? "ПродажаОблагаетсяНДС" : "ПродажаНеОблагаетсяНДС"));
                }
            }
            assertThat(seen).as("the run shows every rate").contains(SandboxData.VAT_22, SandboxData.VAT_10,
                    SandboxData.VAT_7, SandboxData.VAT_5, SandboxData.VAT_NONE);
            // the rates are read once for the run, items' rates once per document at most: never per line
            assertThat(vat.reads("Catalog_СтавкиНДС")).isEqualTo(1);
            assertThat(vat.reads("Catalog_Номенклатура")).isLessThanOrEqualTo(documents);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UT", "UNF"})
    void aRateTheMarketplaceStatesOtherwiseIsAVatMismatchNamingBothAndTheReplayAfterTheFixWritesIt(
            OneCEmulator.Configuration configuration) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of("yandex-market");
        try (FlowWorld world = new FlowWorld(configuration, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            OneCVat vat = new OneCVat(world.onec);
            TestAccount romashka = marketplace.accounts().stream().filter(a -> a.id().equals("ym-romashka"))
                    .findFirst().orElseThrow();
            // an order of Ромашка whose first item is not food (1C: 22 %); Market says 7 % for it
            ExpectedOrder order = marketplace.expect(world, romashka).orders().stream()
                    .filter(o -> SandboxData.VAT_22.equals(expectedRate(romashka, o.lines().get(0).nomenclatureRef(),
                            Map.of())))
                    .findFirst().orElseThrow();
            long orderId = Long.parseLong(order.externalNumber());
            ObjectNode marketOrder = world.yandexMarket.orders().get(orderId).orElseThrow();
            ((ObjectNode) marketOrder.path("items").get(0)).put("vat", "VAT_07");
            world.yandexMarket.orders().add(SandboxData.YM_ROMASHKA.businessId(), SandboxData.YM_ROMASHKA.campaignId(),
                    marketOrder, world.yandexMarket.orders().updatedAt(orderId).orElse(Instant.EPOCH));

            world.runFlow(marketplace.flow());

            assertThat(orders.byNumber(order.externalNumber())).isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=VAT_MISMATCH", null);
            assertThat(letters).hasSize(1);
            JsonNode letter = letters.get(0);
            assertThat(letter.path("recordKey").asText()).isEqualTo(order.externalNumber());
            assertThat(letter.path("message").asText()).contains("7 % (VAT_07)").contains("22 %")
                    .contains(SandboxData.VAT_22.ref());
            // the other orders went through
            assertThat(orders.all()).hasSize(marketplace.accounts().stream()
                    .mapToInt(a -> marketplace.expect(world, a).orders().size()).sum() - 1);

            // the seller decides Market is right: the item is 7 % in 1C now; the replay writes the order at 7 %
            String item = order.lines().get(0).nomenclatureRef();
            vat.setItemRate(item, SandboxData.VAT_7);
            JsonNode replay = world.adminJson("POST", "/api/dead-letters/" + letter.path("id").asText() + "/replay",
                    null);

            assertThat(replay.path("outcome").asText()).as(replay.toString()).isEqualTo("DONE");
            ObjectNode doc = orders.one(order.externalNumber()).orElseThrow();
            JsonNode row = doc.path(orders.rowsField()).get(0);
            assertThat(vat.rateOf(row)).isEqualTo(SandboxData.VAT_7);
            assertThat(row.path("СуммаНДС").decimalValue())
                    .isEqualByComparingTo(OneCVat.vatIn(order.lines().get(0).sum(), SandboxData.VAT_7));
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=VAT_MISMATCH&status=new", null)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UT"})
    void aStatedRateThatAgreesWith1CWritesTheOrderAndNoVatIsOnlyEqualToWithoutVat(
            OneCEmulator.Configuration configuration) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of("yandex-market");
        try (FlowWorld world = new FlowWorld(configuration, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            TestAccount vasilkov = marketplace.accounts().stream().filter(a -> a.id().equals("ym-vasilkov"))
                    .findFirst().orElseThrow();
            List<ExpectedOrder> expected = marketplace.expect(world, vasilkov).orders();
            ExpectedOrder agreeing = expected.get(0);
            ExpectedOrder exempt = expected.get(1);
            state(world, agreeing, "VAT_05");   // УСН 5 %: what 1C says too
            state(world, exempt, "NO_VAT");     // «Без НДС» is not 5 % (nor 0 %)

            world.runFlow(marketplace.flow());

            assertThat(orders.one(agreeing.externalNumber())).isPresent();
            assertThat(orders.byNumber(exempt.externalNumber())).isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=VAT_MISMATCH", null);
            assertThat(letters.findValuesAsText("recordKey")).containsExactly(exempt.externalNumber());
            assertThat(letters.get(0).path("message").asText()).contains("без НДС (NO_VAT)").contains("5 %");
        }
    }

    private static void state(FlowWorld world, ExpectedOrder order, String vat) {
        long orderId = Long.parseLong(order.externalNumber());
        ObjectNode marketOrder = world.yandexMarket.orders().get(orderId).orElseThrow();
        for (JsonNode item : marketOrder.path("items")) {
            ((ObjectNode) item).put("vat", vat);
        }
        world.yandexMarket.orders().add(SandboxData.YM_VASILKOV.businessId(), SandboxData.YM_VASILKOV.campaignId(),
                marketOrder, world.yandexMarket.orders().updatedAt(orderId).orElse(Instant.EPOCH));
    }
}
