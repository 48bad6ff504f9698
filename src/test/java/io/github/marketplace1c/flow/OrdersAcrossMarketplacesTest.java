package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.contract.WildberriesContract;
import io.github.marketplace1c.contract.YandexMarketContract;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.MarketplaceUnderTest;
import io.github.marketplace1c.testing.MarketplaceUnderTest.ExpectedLine;
import io.github.marketplace1c.testing.MarketplaceUnderTest.ExpectedOrder;
import io.github.marketplace1c.testing.MarketplaceUnderTest.Expectations;
import io.github.marketplace1c.testing.MarketplaceUnderTest.TestAccount;
import io.github.marketplace1c.testing.OneCOrders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wildberries and Yandex Market orders held to the Ozon flow's standard (OzonOrdersFlowTest, OzonOrdersFailuresTest),
 * and what all three must do alike: cancellations after the order reached 1C, and rate-limit waits that hold one
 * account only. Emulators and a strict 1C emulator over real HTTP; expectations come from the emulators' own data.
 */
class OrdersAcrossMarketplacesTest {

    @TempDir
    Path temp;

    private static int sum(List<Journal.RunSummary> runs, java.util.function.ToIntFunction<Journal.RunSummary> f) {
        return runs.stream().mapToInt(f).sum();
    }

    private static Journal.RunSummary run(List<Journal.RunSummary> runs, String account) {
        return runs.stream().filter(r -> r.accountId().equals(account)).findFirst().orElseThrow();
    }

    private static int expectedOrders(FlowWorld world, MarketplaceUnderTest marketplace) {
        return marketplace.accounts().stream().mapToInt(a -> marketplace.expect(world, a).orders().size()).sum();
    }

    private static void assertContracts(FlowWorld world, MarketplaceUnderTest marketplace) {
        if (marketplace.key().equals("wildberries")) {
            WildberriesContract.assertConforms(world.wildberries.recorded());
        } else if (marketplace.key().equals("yandex-market")) {
            YandexMarketContract.assertConforms(world.yandexMarket.recorded());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildberries", "yandex-market"})
    void everyMappedOrderBecomesOnePostedOrderWithItsLinesAndSums(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);

            List<Journal.RunSummary> runs = world.runFlow(marketplace.flow());

            assertThat(runs).hasSize(marketplace.accounts().size());
            for (TestAccount account : marketplace.accounts()) {
                Expectations expected = marketplace.expect(world, account);
                assertThat(expected.orders()).as("seed has orders").hasSizeGreaterThan(5);
                assertThat(expected.unmapped()).as("seed has unmapped orders").isNotEmpty();
                Journal.RunSummary run = run(runs, account.id());
                assertThat(run.status()).isEqualTo("OK");
                assertThat(run.fetched()).isEqualTo(expected.fetched());
                assertThat(run.done()).isEqualTo(expected.orders().size());
                assertThat(run.skipped()).isEqualTo(expected.beforeGoLive().size() + expected.cancelled().size());
                assertThat(run.deadLetters()).isEqualTo(expected.unmapped().size());
                for (ExpectedOrder order : expected.orders()) {
                    ObjectNode doc = orders.one(order.externalNumber())
                            .orElseThrow(() -> new AssertionError("no 1C order for " + order));
                    assertDocument(orders, doc, order, account, marketplace);
                }
                for (String number : expected.unmapped()) {
                    assertThat(orders.byNumber(number)).isEmpty();
                }
            }
            assertThat(orders.all()).hasSize(expectedOrders(world, marketplace));
            assertContracts(world, marketplace);
        }
    }

    private static void assertDocument(OneCOrders orders, ObjectNode doc, ExpectedOrder order, TestAccount account,
                                       MarketplaceUnderTest marketplace) {
        assertThat(doc.path("Posted").asBoolean()).isTrue();
        assertThat(doc.path("Организация_Key").asText()).isEqualTo(account.organization().ref());
        assertThat(doc.path("Контрагент_Key").asText()).isEqualTo(marketplace.counterparty().ref());
        assertThat(doc.path("Партнер_Key").asText()).isEqualTo(marketplace.counterparty().partnerRef());
        assertThat(doc.path("Договор_Key").asText()).isEqualTo(account.contract().ref());
        assertThat(doc.path("Комментарий").asText()).contains(account.id()).contains(order.externalNumber());
        assertThat(orders.warehouse(doc)).isEqualTo(order.warehouseRef());
        JsonNode rows = doc.path(orders.rowsField());
        assertThat(rows).hasSize(order.lines().size());
        for (int i = 0; i < order.lines().size(); i++) {
            ExpectedLine line = order.lines().get(i);
            JsonNode row = rows.get(i);
            assertThat(orders.nomenclature(row)).isEqualTo(line.nomenclatureRef());
            assertThat(row.path("Характеристика_Key").asText()).isEqualTo(MarketplaceUnderTest.orEmpty(line.characteristicRef()));
            assertThat(row.path("Количество").decimalValue()).isEqualByComparingTo(line.quantity());
            assertThat(row.path("Цена").decimalValue()).isEqualByComparingTo(line.price());
            assertThat(row.path("Сумма").decimalValue()).isEqualByComparingTo(line.sum());
        }
        assertThat(doc.path("СуммаДокумента").decimalValue()).isEqualByComparingTo(order.total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildberries", "yandex-market"})
    void repeatingAndRestartingMakesNoDuplicates(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.orders.overlapMinutes", "10000000"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.runFlow(marketplace.flow());
            int expected = expectedOrders(world, marketplace);

            List<Journal.RunSummary> second = world.runFlow(marketplace.flow());
            world.restart();
            List<Journal.RunSummary> third = world.runFlow(marketplace.flow());

            assertThat(orders.all()).hasSize(expected);
            assertThat(orders.creates()).isEqualTo(expected);
            for (Journal.RunSummary r : concat(second, third)) {
                assertThat(r.done()).isZero();
                assertThat(r.status()).isEqualTo("OK");
                assertThat(r.fetched()).isEqualTo(r.skipped() + r.deadLetters());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildberries", "yandex-market"})
    void aReplyLostAfter1CSavedTheOrderStillMakesOneOrder(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.onec.faults().arm(Faults.Kind.LOSE_REPLY, 1, "POST /sandbox/odata/standard.odata/Document_ЗаказКлиента");

            world.runFlow(marketplace.flow());

            assertThat(world.onec.requestLog()).anyMatch(l -> l.contains("(reply lost)"));
            assertThat(orders.all()).hasSize(expectedOrders(world, marketplace));
            for (ObjectNode doc : orders.all()) {
                assertThat(orders.byNumber(doc.path("НомерПоДаннымКлиента").asText())).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildberries", "yandex-market"})
    void anUnmappedProductParksTheOrderAndAddingTheMappingReplaysIt(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.runFlow(marketplace.flow());
            List<String> parked = new ArrayList<>();
            marketplace.accounts().forEach(a -> parked.addAll(marketplace.expect(world, a).unmapped()));
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&flow=orders", null);
            assertThat(letters.findValuesAsText("recordKey")).containsExactlyInAnyOrderElementsOf(parked);

            int replayed = 0;
            for (Map.Entry<String, SandboxData.Item> unmapped : unmappedKeys(key).entrySet()) {
                JsonNode answer = world.adminJson("PUT", "/api/mappings/products", """
                        {"marketplace":"%s","key":"%s","ref":"%s","characteristicRef":"%s"}
                        """.formatted(key, unmapped.getKey(), unmapped.getValue().nomenclatureRef(),
                        MarketplaceUnderTest.orEmpty(unmapped.getValue().characteristicRef())));
                for (JsonNode result : answer.path("replayed")) {
                    replayed += "DONE".equals(result.path("outcome").asText()) ? 1 : 0;
                }
            }

            assertThat(replayed).isEqualTo(parked.size());
            for (String number : parked) {
                assertThat(orders.one(number)).isPresent();
            }
        }
    }

    /** The product map keys of the deliberately unmapped products (WB: chrtId; YM: offerId). */
    private static Map<String, SandboxData.Item> unmappedKeys(String key) {
        Map<String, SandboxData.Item> keys = new HashMap<>();
        if (key.equals("wildberries")) {
            SandboxData.WB_CARDS.stream().filter(c -> !c.mapped())
                    .forEach(c -> keys.put(String.valueOf(c.chrtId()), c.item()));
        } else {
            SandboxData.YM_OFFERS.stream().filter(o -> !o.mapped()).forEach(o -> keys.put(o.offerId(), o.item()));
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildberries", "yandex-market"})
    void aMalformedRecordIsAnInvalidPayloadNamingTheFieldAndTheOthersGoOn(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            marketplace.faults(world).arm(Faults.Kind.MALFORMED_RECORD, 1, marketplace.listPath());

            List<Journal.RunSummary> runs = world.runFlow(marketplace.flow());

            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=INVALID_PAYLOAD", null);
            assertThat(letters.size()).isEqualTo(1);
            String message = letters.get(0).path("message").asText();
            assertThat(message).contains(letters.get(0).path("recordKey").asText())
                    .contains(key.equals("wildberries") ? "price '-100' is negative" : ".count '0' is not a positive");
            assertThat(sum(runs, Journal.RunSummary::fetched)).isEqualTo(sum(runs, Journal.RunSummary::done)
                    + sum(runs, Journal.RunSummary::skipped) + sum(runs, Journal.RunSummary::deadLetters));
            assertThat(sum(runs, Journal.RunSummary::done)).isGreaterThanOrEqualTo(expectedOrders(world, marketplace) - 1);
        }
    }

    /** Some clients' recorded Market answers hold amounts as strings ("1234.50"): the same orders, to the kopeck. */
    @org.junit.jupiter.api.Test
    void yandexMarketAmountsGivenAsNumericStringsMakeTheSameOrdersToTheKopeck() throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of("yandex-market");
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            // what the orders must become, from the numbers, before the emulator writes them as strings
            Map<String, Expectations> expected = new HashMap<>();
            for (TestAccount account : marketplace.accounts()) {
                expected.put(account.id(), marketplace.expect(world, account));
            }
            world.yandexMarket.orders().writeAmountsAsText();
            JsonNode first = world.yandexMarket.orders().all(SandboxData.YM_ACCOUNTS.get(0).businessId()).get(0);
            assertThat(first.at("/items/0/prices/payment/value").isTextual()).as("served as a string").isTrue();

            List<Journal.RunSummary> runs = world.runFlow(marketplace.flow());

            OneCOrders orders = new OneCOrders(world.onec);
            int kopecks = 0;
            for (TestAccount account : marketplace.accounts()) {
                Journal.RunSummary run = run(runs, account.id());
                assertThat(run.status()).isEqualTo("OK");
                assertThat(run.done()).isEqualTo(expected.get(account.id()).orders().size());
                assertThat(run.deadLetters()).isEqualTo(expected.get(account.id()).unmapped().size());
                for (ExpectedOrder order : expected.get(account.id()).orders()) {
                    ObjectNode doc = orders.one(order.externalNumber())
                            .orElseThrow(() -> new AssertionError("no 1C order for " + order));
                    assertDocument(orders, doc, order, account, marketplace);
                    kopecks += (int) order.lines().stream()
                            .filter(l -> l.price().stripTrailingZeros().scale() > 0).count();
                }
            }
            assertThat(kopecks).as("lines whose unit price has kopecks").isPositive();
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=INVALID_PAYLOAD", null).size()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildberries", "yandex-market"})
    void when1CIsDownOrdersAreParkedAndReplayedOnceItIsBack(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                "mp1c.retry.maxRedeliveries", "2", "mp1c.retry.initialDelayMs", "10", "mp1c.retry.maxDelayMs", "20"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/odata/");

            world.runFlow(marketplace.flow());

            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE", null);
            assertThat(letters.size()).isGreaterThanOrEqualTo(expectedOrders(world, marketplace));
            assertThat(orders.all()).isEmpty();

            world.onec.faults().clear();
            world.adminJson("POST", "/api/dead-letters/replay?reason=ONEC_UNAVAILABLE", null);

            assertThat(orders.all()).hasSize(expectedOrders(world, marketplace));
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildberries", "yandex-market"})
    void aWrongTokenFailsThatAccountOnlyAndNoSecretLeaks(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        TestAccount broken = marketplace.accounts().get(1);
        TestAccount working = marketplace.accounts().get(0);
        String wrong = "wrong-secret-4d1c7a90e3b2";
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(broken.secretProperty(), wrong))) {
            world.start();

            List<Journal.RunSummary> runs = world.runFlow(marketplace.flow());

            assertThat(run(runs, broken.id()).status()).isEqualTo("FAILED");
            assertThat(run(runs, broken.id()).message()).startsWith("AUTH_FAILED");
            assertThat(run(runs, working.id()).status()).isEqualTo("OK");
            assertThat(run(runs, working.id()).done()).isEqualTo(marketplace.expect(world, working).orders().size());
            String everything = captured.toString(StandardCharsets.UTF_8)
                    + world.admin("GET", "/api/dead-letters?limit=10000", null).body()
                    + world.admin("GET", "/api/journal/records?limit=10000", null).body()
                    + world.admin("GET", "/api/journal", null).body();
            for (String secret : List.of(wrong, working.secret(), "sandbox-1c-password", FlowWorld.ADMIN_TOKEN)) {
                assertThat(everything).as("secret leaked").doesNotContain(secret);
            }
        } finally {
            System.setErr(originalErr);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ozon", "wildberries", "yandex-market"})
    void aBuyerCancellationAfterTheOrderReached1CCancelsIt(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.runFlow(marketplace.flow());
            TestAccount account = marketplace.accounts().get(0);
            String number = marketplace.expect(world, account).orders().get(0).externalNumber();
            assertThat(orders.one(number).orElseThrow().path("Статус").asText()).isEqualTo("КОтгрузке");

            marketplace.cancelByBuyer(world, number);
            List<Journal.RunSummary> second = world.runFlow(marketplace.flow());

            assertThat(run(second, account.id()).done()).isEqualTo(1);
            ObjectNode doc = orders.one(number).orElseThrow();
            assertThat(doc.path("Статус").asText()).isEqualTo("Закрыт");
            assertThat(doc.path("Товары")).allSatisfy(row -> assertThat(row.path("Отменено").asBoolean()).isTrue());
            assertThat(doc.path("Комментарий").asText()).contains("Отменён на маркетплейсе");
            world.runFlow(marketplace.flow());
            assertThat(orders.byNumber(number)).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ozon", "wildberries", "yandex-market"})
    void aRateLimitedAccountWaitsWhatTheMarketplaceSaidWhileTheOtherAccountGoesOn(String key) throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of(key);
        // Ozon names no wait: the configured one applies; long enough to see the other account work meanwhile
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.ozon.rateLimitWaitMs", "1500"))) {
            world.start();
            marketplace.faults(world).arm(Faults.Kind.RATE_LIMITED, 1, marketplace.listPath());

            List<Journal.RunSummary> runs = world.runFlow(marketplace.flow());

            List<MarketplaceUnderTest.Exchange> exchanges = marketplace.exchanges(world);
            MarketplaceUnderTest.Exchange limited = exchanges.stream().filter(e -> e.status() == 429 || e.status() == 420)
                    .findFirst().orElseThrow();
            Duration told = key.equals("ozon") ? Duration.ofMillis(1500) : marketplace.toldWait(limited);
            assertThat(told).isPositive();
            String throttled = limited.secret();
            MarketplaceUnderTest.Exchange next = exchanges.stream()
                    .filter(e -> e.secret().equals(throttled) && e.at().isAfter(limited.at())).findFirst().orElseThrow();
            // measured on the emulator's clock: the throttled account's next request came no sooner than told
            assertThat(Duration.between(limited.at(), next.at())).isGreaterThanOrEqualTo(told.minusMillis(20));
            // meanwhile the other account was served
            assertThat(exchanges).anyMatch(e -> !e.secret().equals(throttled) && e.status() == 200
                    && e.at().isAfter(limited.at()) && e.at().isBefore(limited.at().plus(told)));
            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
            assertThat(sum(runs, Journal.RunSummary::done)).isEqualTo(expectedOrders(world, marketplace));
        }
    }

    private static List<Journal.RunSummary> concat(List<Journal.RunSummary> a, List<Journal.RunSummary> b) {
        List<Journal.RunSummary> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
