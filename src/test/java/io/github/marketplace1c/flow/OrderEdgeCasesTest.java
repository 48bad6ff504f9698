package io.github.marketplace1c.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.wildberries.WildberriesOrders;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.MarketplaceUnderTest;
import io.github.marketplace1c.testing.OneCOrders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases a review found: carts cut by paging, and a stale replay of an order cancelled since. */
class OrderEdgeCasesTest {

    private static final Set<String> CANCELLED = Set.of("canceled", "canceled_by_client", "declined_by_client", "defect");

    @TempDir
    Path temp;

    @Test
    void aWildberriesCartBecomesOneOrderEvenWhenItsItemsArriveOnDifferentPages() throws Exception {
        Path accounts = temp.resolve("accounts.yaml");
        Files.writeString(accounts, Files.readString(Path.of("config/accounts.yaml"))
                .replace("groupByCart: false", "groupByCart: true"));
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp.resolve("db"),
                Map.of("mp1c.accounts.file", accounts.toString(), "mp1c.wildberries.orders.pageSize", "3"))) {
            world.start();

            world.runFlow("wildberries-orders");

            OneCOrders orders = new OneCOrders(world.onec);
            int carts = 0;
            for (SandboxData.WildberriesAccount account : SandboxData.WB_ACCOUNTS) {
                Map<String, List<ObjectNode>> byCart = new TreeMap<>();
                for (ObjectNode order : world.wildberries.orders().all(account.token())) {
                    byCart.computeIfAbsent(order.path("orderUid").asText(), k -> new ArrayList<>()).add(order);
                }
                for (Map.Entry<String, List<ObjectNode>> cart : byCart.entrySet()) {
                    long active = cart.getValue().stream().filter(o -> {
                        WildberriesOrders.Status status = world.wildberries.orders().status(o.path("id").asLong())
                                .orElseThrow();
                        return !CANCELLED.contains(status.wbStatus());
                    }).count();
                    boolean mapped = cart.getValue().stream().allMatch(o -> SandboxData.WB_CARDS.stream()
                            .anyMatch(c -> c.chrtId() == o.path("chrtId").asLong() && c.mapped()));
                    boolean afterGoLive = cart.getValue().stream().allMatch(o -> MarketplaceUnderTest.instant(
                            o.path("createdAt").asText()).isAfter(MarketplaceUnderTest.goLive(account.goLiveDate())));
                    if (cart.getValue().size() < 2 || active == 0 || !mapped || !afterGoLive) {
                        continue;
                    }
                    List<ObjectNode> docs = orders.all().stream()
                            .filter(d -> d.path("Комментарий").asText().contains(cart.getKey())).toList();
                    assertThat(docs).as("1C orders of cart %s", cart.getKey()).hasSize(1);
                    assertThat(docs.get(0).path("Товары")).hasSize((int) active);
                    carts++;
                }
            }
            assertThat(carts).as("carts checked").isGreaterThan(0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UNF", "UT"})
    void aWildberriesOrderNotInRoublesIsADeadLetterNamingItsCurrencyAndAConvertedOneIsBookedInRoubles(
            OneCEmulator.Configuration configuration) throws Exception {
        try (FlowWorld world = new FlowWorld(configuration, temp, Map.of())) {
            SandboxData.WildberriesAccount account = SandboxData.WB_ROMASHKA;
            SandboxData.WildberriesCard card = SandboxData.WB_CARDS.stream().filter(SandboxData.WildberriesCard::mapped)
                    .findFirst().orElseThrow();
            SandboxData.WildberriesWarehouse warehouse = SandboxData.WB_WAREHOUSES.get(0);
            java.time.Instant now = world.clock.instant().minusSeconds(600);
            // the spec's own example: sold in BYN (933), WB's converted price in the seller's roubles (643)
            ObjectNode converted = io.github.marketplace1c.sandbox.wildberries.WildberriesSeed.order(9_900_001L,
                    "rid-byn", "uid-byn", now, warehouse, card);
            converted.put("price", 1014).put("currencyCode", 933).put("convertedPrice", 28322)
                    .put("convertedCurrencyCode", 643);
            // a seller whose country currency is tenge: nothing of it is roubles
            ObjectNode tenge = io.github.marketplace1c.sandbox.wildberries.WildberriesSeed.order(9_900_002L,
                    "rid-kzt", "uid-kzt", now, warehouse, card);
            tenge.put("price", 1014).put("currencyCode", 933).put("convertedPrice", 412000)
                    .put("convertedCurrencyCode", 398);
            world.wildberries.orders().add(account.token(), converted);
            world.wildberries.orders().add(account.token(), tenge);
            world.start();

            world.runFlow("wildberries-orders");

            OneCOrders orders = new OneCOrders(world.onec);
            assertThat(orders.byNumber("9900002")).as("never booked as roubles").isEmpty();
            List<ObjectNode> booked = orders.byNumber("9900001");
            assertThat(booked).hasSize(1);
            assertThat(booked.get(0).path(orders.rowsField()).get(0).path("Цена").decimalValue())
                    .isEqualByComparingTo("283.22");
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=UNSUPPORTED_CURRENCY", null);
            assertThat(letters.findValuesAsText("recordKey")).containsExactly("9900002");
            assertThat(letters.get(0).path("message").asText()).contains("convertedCurrencyCode 398 (KZT)")
                    .contains("not roubles").contains("wb-romashka");
        }
    }

    @Test
    void anOrderClaimedByAnotherRunIsRetriedThenParkedNeverSilentlySkipped() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                "mp1c.retry.maxRedeliveries", "2", "mp1c.retry.initialDelayMs", "10", "mp1c.retry.maxDelayMs", "20"))) {
            world.start();
            MarketplaceUnderTest ozon = MarketplaceUnderTest.of("ozon");
            String held = ozon.expect(world, ozon.accounts().get(0)).orders().get(0).externalNumber();
            // another instance (or one that died a minute ago) holds the order's claim
            try (var dataSource = io.github.marketplace1c.testing.TestDatabase.open(world.jdbcUrl);
                 var connection = dataSource.getConnection();
                 var insert = connection.prepareStatement("INSERT INTO idempotency_key (flow, account_id, record_key, "
                         + "status, claimed_at) VALUES ('orders', 'ozon-romashka', ?, 'CLAIMED', ?)")) {
                insert.setString(1, held + "#order");
                insert.setTimestamp(2, java.sql.Timestamp.from(world.clock.instant()));
                insert.executeUpdate();
            }

            world.runOrders();

            assertThat(new OneCOrders(world.onec).byNumber(held)).isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=CLAIMED_ELSEWHERE", null);
            assertThat(letters.findValuesAsText("recordKey")).containsExactly(held);
            assertThat(letters.get(0).path("message").asText()).contains("another run").contains("replay");
        }
    }

    /** An amount Market could not have meant (a word, an object, a boolean) parks that order, naming the field. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"около 1500\"", "{\"amount\":1500}", "true"})
    void aYandexMarketAmountOfAnotherKindIsAnInvalidPayloadNamingTheFieldAndTheOthersGoOn(String value)
            throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of("yandex-market");
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            MarketplaceUnderTest.TestAccount account = marketplace.accounts().get(0);
            List<MarketplaceUnderTest.ExpectedOrder> expected = marketplace.expect(world, account).orders();
            String bad = expected.get(0).externalNumber();
            world.yandexMarket.orders().putItemAmount(Long.parseLong(bad), 0, "payment",
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(value));

            world.runFlow(marketplace.flow());

            OneCOrders orders = new OneCOrders(world.onec);
            assertThat(orders.byNumber(bad)).isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?reason=INVALID_PAYLOAD", null);
            assertThat(letters.findValuesAsText("recordKey")).containsExactly(bad);
            assertThat(letters.get(0).path("message").asText()).contains("order " + bad)
                    .contains("field items[0].prices.payment.value").contains("is not an amount");
            for (MarketplaceUnderTest.ExpectedOrder order : expected.subList(1, expected.size())) {
                assertThat(orders.one(order.externalNumber())).as(order.externalNumber()).isPresent();
            }
        }
    }

    @Test
    void aReplayOfAnOrderCancelledSinceItWasParkedCreatesNothing() throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of("yandex-market");
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.runFlow(marketplace.flow());
            String parked = marketplace.expect(world, marketplace.accounts().get(0)).unmapped().get(0);
            marketplace.cancelByBuyer(world, parked);
            world.runFlow(marketplace.flow());

            // mapping the product replays what still waits for it; the cancelled order no longer does
            for (SandboxData.YandexMarketOffer offer : SandboxData.YM_OFFERS.stream().filter(o -> !o.mapped()).toList()) {
                world.adminJson("PUT", "/api/mappings/products", """
                        {"marketplace":"yandex-market","key":"%s","ref":"%s"}
                        """.formatted(offer.offerId(), offer.item().nomenclatureRef()));
            }

            assertThat(new OneCOrders(world.onec).byNumber(parked)).isEmpty();
            JsonNode letters = world.adminJson("GET", "/api/dead-letters?limit=1000", null);
            for (JsonNode letter : letters) {
                if (letter.path("recordKey").asText().equals(parked)) {
                    assertThat(letter.path("status").asText()).isEqualTo("resolved");
                }
            }
        }
    }
}
