package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.onec.OneCStockSeed;
import io.github.marketplace1c.sandbox.ozon.OzonPrices;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketPrices;
import io.github.marketplace1c.testing.FlowWorld;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The price export end to end: 1C emulator price register -> application -> marketplace emulators, over HTTP. */
class PriceExportTest {

    @TempDir
    Path temp;

    /** The 1C item a preview line stands for. */
    private static SandboxData.Item item(JsonNode line) {
        String characteristic = line.path("characteristicRef").isNull() ? null : line.path("characteristicRef").asText();
        return SandboxData.ITEMS.stream().filter(i -> i.nomenclatureRef().equals(line.path("nomenclatureRef").asText())
                && java.util.Objects.equals(emptyToNull(i.characteristicRef()), emptyToNull(characteristic)))
                .findFirst().orElseThrow(() -> new AssertionError("no 1C item for " + line));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() || value.startsWith("00000000-") ? null : value;
    }

    private static String clientId(String accountId) {
        return SandboxData.OZON_ACCOUNTS.stream().filter(a -> a.id().equals(accountId)).findFirst().orElseThrow()
                .clientId();
    }

    private static long businessId(String accountId) {
        return SandboxData.YM_ACCOUNTS.stream().filter(a -> a.id().equals(accountId)).findFirst().orElseThrow()
                .businessId();
    }

    private static List<JsonNode> preview(FlowWorld world, String marketplace) throws Exception {
        List<String> accounts = world.app().bean("accounts", io.github.marketplace1c.account.AccountRegistry.class)
                .enabled(marketplace).stream().map(io.github.marketplace1c.account.Account::id).toList();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (JsonNode line : world.adminJson("GET", "/api/preview/prices?changedOnly=true", null)) {
            if (accounts.contains(line.path("accountId").asText())) {
                lines.add(line);
            }
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ozon", "yandex-market"})
    void theMarketplaceGetsThe1CPricesThePreviewShowedAndAnUnchangedSecondRunSendsNothing(String marketplace)
            throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            List<JsonNode> preview = preview(world, marketplace);
            long mapped = marketplace.equals("ozon")
                    ? SandboxData.OZON_OFFERS.stream().filter(SandboxData.OzonOffer::mapped).count() * 2
                    : SandboxData.YM_OFFERS.stream().filter(SandboxData.YandexMarketOffer::mapped).count() * 2;
            assertThat(preview).hasSize((int) mapped);
            for (JsonNode line : preview) {
                SandboxData.Item item = item(line);
                assertThat(line.path("price").decimalValue()).as("%s", line)
                        .isEqualByComparingTo(OneCStockSeed.retailPrice(item));
                assertThat(line.path("oldPrice").decimalValue()).isEqualByComparingTo(OneCStockSeed.crossedOutPrice(item));
                assertThat(line.path("minPrice").decimalValue()).isEqualByComparingTo(OneCStockSeed.minimumPrice(item));
                assertThat(line.path("previous").isNull()).isTrue();
            }

            List<Journal.RunSummary> runs = world.runFlow(marketplace + "-prices");

            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
            assertThat(runs.stream().mapToInt(Journal.RunSummary::done).sum()).isEqualTo(preview.size());
            for (JsonNode line : preview) {
                String account = line.path("accountId").asText();
                String key = line.path("productKey").asText();
                if (marketplace.equals("ozon")) {
                    OzonPrices.Price sent = world.ozon.prices().current(clientId(account), key).orElseThrow();
                    assertThat(sent.price()).as(key).isEqualByComparingTo(line.path("price").decimalValue());
                    assertThat(sent.oldPrice()).isEqualByComparingTo(line.path("oldPrice").decimalValue());
                    assertThat(sent.minPrice()).isEqualByComparingTo(line.path("minPrice").decimalValue());
                    assertThat(sent.currencyCode()).isEqualTo("RUB");
                } else {
                    YandexMarketPrices.Price sent = world.yandexMarket.prices().current(businessId(account), key)
                            .orElseThrow();
                    assertThat(sent.value()).as(key).isEqualByComparingTo(line.path("price").decimalValue());
                    assertThat(sent.discountBase()).isEqualByComparingTo(line.path("oldPrice").decimalValue());
                }
            }
            // Ozon's money goes as strings with two decimals, exactly
            if (marketplace.equals("ozon")) {
                assertThat(world.ozon.prices().received()).allSatisfy(p -> assertThat(p.price().scale()).isEqualTo(2));
            }

            int received = marketplace.equals("ozon") ? world.ozon.prices().received().size()
                    : world.yandexMarket.prices().received().size();
            List<Journal.RunSummary> second = world.runFlow(marketplace + "-prices");
            assertThat(second).allSatisfy(r -> assertThat(r.fetched()).isZero());
            assertThat(marketplace.equals("ozon") ? world.ozon.prices().received().size()
                    : world.yandexMarket.prices().received().size()).isEqualTo(received);
            assertThat(preview(world, marketplace)).isEmpty();
        }
    }

    private static final String PRICES_25 = "InformationRegister_ЦеныНоменклатуры25";

    /** A base on "Ценообразование 2.5" (its prices in ЦеныНоменклатуры25), the setting naming that register. */
    @ParameterizedTest
    @ValueSource(strings = {"ozon", "yandex-market"})
    void aBaseOnPricing25SendsThePricesOfEachCharacteristicFromThatRegister(String marketplace) throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.onec.priceRegister", "ЦеныНоменклатуры25"))) {
            world.start();
            world.onec.moveToPricing25();
            assertThat(world.onec.registerSize("InformationRegister_ЦеныНоменклатуры")).isZero();

            List<Journal.RunSummary> runs = world.runFlow(marketplace + "-prices");

            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
            int withCharacteristic = 0;
            for (String account : accountsOf(world, marketplace)) {
                for (Offer offer : mappedOffers(marketplace)) {
                    Sent sent = sent(world, marketplace, account, offer.key()).orElseThrow(
                            () -> new AssertionError(account + " got no price of " + offer.key()));
                    assertThat(sent.price()).as("%s %s", account, offer.key())
                            .isEqualByComparingTo(OneCStockSeed.retailPrice(offer.item()));
                    assertThat(sent.oldPrice()).isEqualByComparingTo(OneCStockSeed.crossedOutPrice(offer.item()));
                    withCharacteristic += offer.item().characteristicRef() == null ? 0 : 1;
                }
            }
            if (marketplace.equals("yandex-market")) {
                // the shirt's sizes: M and L at 1290, XL at 1390 in 1C, told apart by ХарактеристикаЦО
                assertThat(withCharacteristic).isGreaterThanOrEqualTo(3);
                assertThat(sent(world, marketplace, "ym-romashka", "RM-TSH-005-XL").orElseThrow().price())
                        .isEqualByComparingTo("1390.00");
                assertThat(sent(world, marketplace, "ym-romashka", "RM-TSH-005-M").orElseThrow().price())
                        .isEqualByComparingTo("1290.00");
            }
        }
    }

    /** The shirt's prices for all its sizes (no ХарактеристикаЦО), within Market's discount rule (5..99 %). */
    private static final Map<String, BigDecimal> SHIRT_PRODUCT_WIDE = Map.of(
            OneCStockSeed.RETAIL_PRICE_TYPE, new BigDecimal("1250.00"),
            OneCStockSeed.CROSSED_OUT_PRICE_TYPE, new BigDecimal("1563"),
            OneCStockSeed.MINIMUM_PRICE_TYPE, new BigDecimal("1000.00"));

    /** Ценообразование 2.5 fills ХарактеристикаЦО only for kinds priced per characteristic; otherwise one price. */
    @Test
    void aProductPricedWithoutCharacteristicInPricing25GivesThatPriceToEachOfItsCharacteristics() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.onec.priceRegister", "prices25"))) {
            world.start();
            world.onec.moveToPricing25().clearRegister(PRICES_25);
            String shirt = SandboxData.ITEMS.stream().filter(i -> i.article().equals("RM-TSH-005")).findFirst()
                    .orElseThrow().nomenclatureRef();
            for (SandboxData.Item item : SandboxData.ITEMS) {
                boolean productWide = item.nomenclatureRef().equals(shirt);
                for (String type : OneCStockSeed.PRICE_TYPES) {
                    Map<String, Object> record = new HashMap<>();
                    record.put("Period", OneCStockSeed.PRICE_PERIOD);
                    record.put("Номенклатура_Key", item.nomenclatureRef());
                    record.put("ХарактеристикаЦО_Key", productWide ? null : item.characteristicRef());
                    record.put("ВидЦены_Key", OneCStockSeed.priceTypeRef(type));
                    record.put("Цена", productWide ? SHIRT_PRODUCT_WIDE.get(type) : OneCStockSeed.price(type, item));
                    world.onec.putRecord(PRICES_25, record);
                }
            }
            // a price of a package of the XL size must not become the size's price
            Map<String, Object> pack = new HashMap<>();
            pack.put("Period", OneCStockSeed.PRICE_PERIOD);
            pack.put("Номенклатура_Key", shirt);
            pack.put("ХарактеристикаЦО_Key", SandboxData.ITEMS.get(6).characteristicRef());
            pack.put("УпаковкаЦО_Key", SandboxData.guid("package", "box of 10"));
            pack.put("ВидЦены_Key", OneCStockSeed.RETAIL_PRICE_TYPE_REF);
            pack.put("Цена", new BigDecimal("12000.00"));
            world.onec.putRecord(PRICES_25, pack);

            List<Journal.RunSummary> runs = world.runFlow("yandex-market-prices");

            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
            BigDecimal shirtPrice = SHIRT_PRODUCT_WIDE.get(OneCStockSeed.RETAIL_PRICE_TYPE);
            for (String size : List.of("M", "L", "XL")) {
                assertThat(sent(world, "yandex-market", "ym-romashka", "RM-TSH-005-" + size).orElseThrow().price())
                        .as(size).isEqualByComparingTo(shirtPrice);
            }
            assertThat(sent(world, "yandex-market", "ym-romashka", "RM-TEA-001").orElseThrow().price())
                    .isEqualByComparingTo("349.00");
        }
    }

    @Test
    void aBaseOnPricing25ReadThroughTheOldRegisterFailsTheRunSayingWhichSettingToChange() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.onec.moveToPricing25();

            List<Journal.RunSummary> runs = world.runFlow("yandex-market-prices");

            assertThat(runs).isNotEmpty().allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("FAILED");
                assertThat(r.message()).startsWith("CONFIGURATION")
                        .contains("set mp1c.onec.priceRegister = ЦеныНоменклатуры25");
            });
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=CONFIGURATION", null);
            assertThat(letters.size()).isEqualTo(runs.size());
            assertThat(letters.get(0).path("message").asText()).contains("ЦеныНоменклатуры has no prices")
                    .contains(letters.get(0).path("accountId").asText());
            assertThat(world.yandexMarket.prices().received()).isEmpty();
        }
    }

    @Test
    void theSettingNamingPricing25OnAClassicBaseFailsTheRunSayingToSetItBack() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.onec.priceRegister", "ЦеныНоменклатуры25"))) {
            world.start();

            List<Journal.RunSummary> runs = world.runFlow("ozon-prices");

            assertThat(runs).isNotEmpty().allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("FAILED");
                assertThat(r.message()).contains("set mp1c.onec.priceRegister = ЦеныНоменклатуры ");
            });
            assertThat(world.ozon.prices().received()).isEmpty();
        }
    }

    private record Offer(String key, SandboxData.Item item) {
    }

    private record Sent(BigDecimal price, BigDecimal oldPrice) {
    }

    private static List<Offer> mappedOffers(String marketplace) {
        return marketplace.equals("ozon")
                ? SandboxData.OZON_OFFERS.stream().filter(SandboxData.OzonOffer::mapped)
                        .map(o -> new Offer(o.offerId(), o.item())).toList()
                : SandboxData.YM_OFFERS.stream().filter(SandboxData.YandexMarketOffer::mapped)
                        .map(o -> new Offer(o.offerId(), o.item())).toList();
    }

    private static List<String> accountsOf(FlowWorld world, String marketplace) {
        return world.app().bean("accounts", io.github.marketplace1c.account.AccountRegistry.class)
                .enabled(marketplace).stream().map(io.github.marketplace1c.account.Account::id).toList();
    }

    private static java.util.Optional<Sent> sent(FlowWorld world, String marketplace, String account, String key) {
        return marketplace.equals("ozon")
                ? world.ozon.prices().current(clientId(account), key).map(p -> new Sent(p.price(), p.oldPrice()))
                : world.yandexMarket.prices().current(businessId(account), key)
                        .map(p -> new Sent(p.value(), p.discountBase()));
    }

    @Test
    void anOzonPriceChangedSoonAfterItWasAcceptedWaitsForALaterRunNotForOzonsRefusal() throws Exception {
        // Ozon takes 10 price updates a product an hour (6 minutes apart); 4 seconds here so the test can wait it out
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.ozon.prices.minIntervalSeconds", "4"))) {
            world.start();
            world.runFlow("ozon-prices");
            int received = world.ozon.prices().received().size();
            // RM-HON-003 gets a new retail price in 1C right after the export
            SandboxData.Item honey = SandboxData.ITEMS.stream().filter(i -> i.article().equals("RM-HON-003"))
                    .findFirst().orElseThrow();
            BigDecimal newPrice = OneCStockSeed.retailPrice(honey).add(new BigDecimal("100"));
            Map<String, Object> record = new HashMap<>();
            record.put("Period", "2026-11-06T00:00:00");
            record.put("Номенклатура_Key", honey.nomenclatureRef());
            record.put("Характеристика_Key", "00000000-0000-0000-0000-000000000000");
            record.put("ВидЦены_Key", OneCStockSeed.RETAIL_PRICE_TYPE_REF);
            record.put("Цена", newPrice);
            world.onec.putRecord("InformationRegister_ЦеныНоменклатуры", record);

            List<Journal.RunSummary> soon = world.runFlow("ozon-prices");

            assertThat(soon).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("OK");
                assertThat(r.fetched()).isEqualTo(1);
                assertThat(r.skipped()).as("held back, not refused").isEqualTo(1);
                assertThat(r.deadLetters()).isZero();
            });
            assertThat(world.ozon.prices().received()).hasSize(received);

            Thread.sleep(4_100);
            List<Journal.RunSummary> later = world.runFlow("ozon-prices");

            assertThat(later).allSatisfy(r -> assertThat(r.done()).isEqualTo(1));
            for (String account : List.of("ozon-romashka", "ozon-vasilkov")) {
                assertThat(world.ozon.prices().current(clientId(account), "RM-HON-003").orElseThrow().price())
                        .isEqualByComparingTo(newPrice);
            }
        }
    }

    @Test
    void anOzonDiscountRuleViolationIsADeadLetterAndNotSentAndARefusedItemIsADeadLetterTheRestSent() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            // RM-TEA-001 costs 349: a crossed-out price of 350 breaks the "at least 20 RUB above below 400" rule
            SandboxData.Item tea = SandboxData.ITEMS.get(0);
            Map<String, Object> record = new HashMap<>();
            record.put("Period", "2026-10-15T00:00:00");
            record.put("Номенклатура_Key", tea.nomenclatureRef());
            record.put("Характеристика_Key", "00000000-0000-0000-0000-000000000000");
            record.put("ВидЦены_Key", OneCStockSeed.CROSSED_OUT_PRICE_TYPE_REF);
            record.put("Цена", new BigDecimal("350"));
            world.onec.putRecord("InformationRegister_ЦеныНоменклатуры", record);
            // an offer Ozon does not know, mapped for one account: Ozon refuses that item alone
            world.app().bean("productMappings", MappingTable.class).upsert(new MappingRow("ozon", "ozon-romashka",
                    "RM-NO-SUCH-OFFER", SandboxData.ITEMS.get(9).nomenclatureRef(), null, "нет на Ozon", null));

            List<Journal.RunSummary> runs = world.runFlow("ozon-prices");

            // per account: RM-TEA-001 refused before sending; ozon-romashka also RM-NO-SUCH-OFFER refused by Ozon
            assertThat(runs.stream().mapToInt(Journal.RunSummary::deadLetters).sum()).isEqualTo(3);
            assertThat(runs).allSatisfy(r -> assertThat(r.fetched()).isEqualTo(r.done() + r.deadLetters()));
            assertThat(world.ozon.prices().received()).noneMatch(p -> p.offerId().equals("RM-TEA-001"));
            assertThat(world.ozon.prices().current(clientId("ozon-romashka"), "RM-HON-003")).isPresent();
            assertThat(world.ozon.prices().current(clientId("ozon-vasilkov"), "RM-HON-003")).isPresent();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=MARKETPLACE_REJECTED", null);
            assertThat(letters.size()).isEqualTo(3);
            List<String> messages = new java.util.ArrayList<>();
            letters.forEach(l -> messages.add(l.path("message").asText()));
            assertThat(messages).filteredOn(m -> m.contains("RM-TEA-001")).hasSize(2)
                    .allSatisfy(m -> assertThat(m).contains("discount_for_low_price_is_too_small").contains("not sent"));
            assertThat(messages).filteredOn(m -> m.contains("RM-NO-SUCH-OFFER")).hasSize(1)
                    .allSatisfy(m -> assertThat(m).contains("NOT_FOUND_ERROR"));

            // the next run tries the refused items again (they were never accepted) and nothing else
            List<Journal.RunSummary> second = world.runFlow("ozon-prices");
            assertThat(second.stream().mapToInt(Journal.RunSummary::fetched).sum()).isEqualTo(3);
            assertThat(second.stream().mapToInt(Journal.RunSummary::done).sum()).isZero();
        }
    }

    @Test
    void wildberriesSizesKeyedByChrtIdGoAsTheirCardsPriceAndASizeOfDifferentPriceIsADeadLetter() throws Exception {
        // the sandbox's WB cabinets map by chrtId (sizes): prices go per card, found through the cabinet's card list
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();

            List<Journal.RunSummary> runs = world.runFlow("wildberries-prices");

            assertThat(runs).hasSize(2).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("OK");
                assertThat(r.fetched()).isEqualTo(r.done() + r.deadLetters() + r.skipped());
            });
            // the shirt's sizes share a card but not a price in 1C (M, L 1290; XL 1390): refused, each size named
            List<SandboxData.WildberriesCard> shirt = SandboxData.WB_CARDS.stream()
                    .filter(c -> c.mapped() && c.item().characteristicRef() != null).toList();
            assertThat(shirt).hasSizeGreaterThan(1);
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=MARKETPLACE_REJECTED", null);
            assertThat(letters.size()).isEqualTo(shirt.size() * SandboxData.WB_ACCOUNTS.size());
            letters.forEach(l -> assertThat(l.path("message").asText()).contains("different prices")
                    .contains(String.valueOf(shirt.get(0).nmId())).contains("1390"));
            for (SandboxData.WildberriesAccount account : SandboxData.WB_ACCOUNTS) {
                assertThat(world.wildberries.prices().current(account.token(), shirt.get(0).nmId())).isEmpty();
                for (SandboxData.WildberriesCard card : SandboxData.WB_CARDS) {
                    if (!card.mapped() || card.item().characteristicRef() != null) {
                        continue;
                    }
                    var price = world.wildberries.prices().current(account.token(), card.nmId());
                    assertThat(price).as("card %s at %s", card.nmId(), account.id()).isPresent();
                    assertThat(price.get().price()).isEqualTo(OneCStockSeed.crossedOutPrice(card.item()).longValueExact());
                    assertThat(price.get().discount()).isEqualTo(20);
                }
            }
        }
    }

    @Test
    void wildberriesAccountsKeyedByBarcodeAreAClearConfigurationDeadLetterAndNothingIsSent() throws Exception {
        Path accounts = temp.resolve("accounts-by-barcode.yaml");
        java.nio.file.Files.writeString(accounts, java.nio.file.Files.readString(Path.of("config/accounts.yaml"))
                .replace("productKey: chrtId", "productKey: barcode"));
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp.resolve("db"),
                Map.of("mp1c.accounts.file", accounts.toString()))) {
            world.start();

            List<Journal.RunSummary> runs = world.runFlow("wildberries-prices");

            assertThat(runs).hasSize(2).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo("FAILED");
                assertThat(r.message()).startsWith("CONFIGURATION").contains("productKey").contains("nmId or chrtId");
            });
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=CONFIGURATION", null);
            assertThat(letters.size()).isEqualTo(2);
            assertThat(world.wildberries.prices().current(SandboxData.WB_CARDS.get(0).nmId())).isEmpty();
        }
    }

    @Test
    void wildberriesAccountsKeyedByNmIdGetPriceAndDiscountAndARefusedCardIsADeadLetterTheRestSent() throws Exception {
        Path accounts = temp.resolve("accounts.yaml");
        java.nio.file.Files.writeString(accounts, java.nio.file.Files.readString(Path.of("config/accounts.yaml"))
                .replace("productKey: chrtId", "productKey: nmId"));
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp.resolve("db"),
                Map.of("mp1c.accounts.file", accounts.toString()))) {
            world.start();
            MappingTable products = world.app().bean("productMappings", MappingTable.class);
            List<SandboxData.WildberriesCard> cards = new java.util.ArrayList<>();
            for (SandboxData.WildberriesCard card : SandboxData.WB_CARDS) {
                for (MappingRow row : products.list("wildberries", null, null, Integer.MAX_VALUE)) {
                    if (row.key().equals(String.valueOf(card.chrtId()))) {
                        products.delete("wildberries", row.accountId(), row.key());
                    }
                }
                // one card per 1C item: the shirt's sizes share a card (and have different prices), left out
                if (card.mapped() && card.item().characteristicRef() == null) {
                    products.upsert(new MappingRow("wildberries", "", String.valueOf(card.nmId()),
                            card.item().nomenclatureRef(), null, card.item().name(), null));
                    cards.add(card);
                }
            }
            assertThat(cards).hasSizeGreaterThan(2);
            SandboxData.WildberriesCard refused = cards.get(0);
            world.wildberries.prices().rejectNext(refused.nmId(), "The card is blocked");

            List<Journal.RunSummary> runs = world.runFlow("wildberries-prices");

            assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
            assertThat(runs.stream().mapToInt(Journal.RunSummary::deadLetters).sum()).isEqualTo(1);
            assertThat(runs.stream().mapToInt(Journal.RunSummary::done).sum()).isEqualTo(cards.size() * 2 - 1);
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=MARKETPLACE_REJECTED", null);
            assertThat(letters.size()).isEqualTo(1);
            assertThat(letters.get(0).path("message").asText()).contains(String.valueOf(refused.nmId()))
                    .contains("The card is blocked");
            String refusedAccount = letters.get(0).path("accountId").asText();
            for (SandboxData.WildberriesAccount account : SandboxData.WB_ACCOUNTS) {
                for (SandboxData.WildberriesCard card : cards) {
                    var price = world.wildberries.prices().current(account.token(), card.nmId());
                    if (card == refused && account.id().equals(refusedAccount)) {
                        assertThat(price).isEmpty();
                        continue;
                    }
                    // WB's price is the crossed-out price (whole rubles), the discount brings it to the selling price
                    assertThat(price).as("%s at %s", card.nmId(), account.id()).isPresent();
                    assertThat(price.get().price()).isEqualTo(OneCStockSeed.crossedOutPrice(card.item()).longValueExact());
                    assertThat(price.get().discount()).isEqualTo(20);
                }
            }
        }
    }
}
