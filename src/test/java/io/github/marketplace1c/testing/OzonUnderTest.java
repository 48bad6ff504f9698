package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

final class OzonUnderTest implements MarketplaceUnderTest {

    @Override
    public String key() {
        return "ozon";
    }

    @Override
    public SandboxData.Counterparty counterparty() {
        return SandboxData.OZON;
    }

    @Override
    public List<TestAccount> accounts() {
        return SandboxData.OZON_ACCOUNTS.stream().map(a -> new TestAccount(a.id(), a.organization(), a.contract(),
                "OZON_" + a.id().substring(5).toUpperCase() + "_API_KEY", a.apiKey(), a.goLiveDate())).toList();
    }

    private static SandboxData.OzonAccount account(TestAccount account) {
        return SandboxData.OZON_ACCOUNTS.stream().filter(a -> a.id().equals(account.id())).findFirst().orElseThrow();
    }

    @Override
    public Expectations expect(FlowWorld world, TestAccount account) {
        OzonSeedExpectations seed = OzonSeedExpectations.of(world.ozon, account(account));
        List<ExpectedOrder> orders = new ArrayList<>();
        for (ObjectNode posting : seed.orders()) {
            long warehouseId = posting.path("delivery_method").path("warehouse_id").asLong();
            String warehouse = SandboxData.OZON_WAREHOUSES.stream().filter(w -> w.id() == warehouseId).findFirst()
                    .orElseThrow().onecWarehouse().ref();
            List<ExpectedLine> lines = new ArrayList<>();
            for (JsonNode product : posting.path("products")) {
                SandboxData.Item item = OzonSeedExpectations.offer(product.path("offer_id").asText()).item();
                BigDecimal quantity = new BigDecimal(product.path("quantity").asText());
                BigDecimal price = new BigDecimal(product.path("price").path("amount").asText());
                lines.add(new ExpectedLine(item.nomenclatureRef(), item.characteristicRef(), quantity, price,
                        price.multiply(quantity)));
            }
            orders.add(new ExpectedOrder(posting.path("posting_number").asText(), account.id(), warehouse, lines));
        }
        return new Expectations(orders, numbers(seed.unmapped()), numbers(seed.beforeGoLive()), numbers(seed.cancelled()));
    }

    private static List<String> numbers(List<ObjectNode> postings) {
        return postings.stream().map(p -> p.path("posting_number").asText()).toList();
    }

    @Override
    public void cancelByBuyer(FlowWorld world, String externalNumber) {
        world.ozon.postings().cancel(externalNumber, "Покупатель");
    }

    @Override
    public Faults faults(FlowWorld world) {
        return world.ozon.faults();
    }

    @Override
    public String listPath() {
        return "/v4/posting/fbs/list";
    }

    @Override
    public List<Exchange> exchanges(FlowWorld world) {
        return world.ozon.recorded().stream().map(e -> new Exchange(e.requestHeaders().getOrDefault("Api-Key", ""),
                e.status(), e.at(), java.util.Map.of())).toList();
    }

    @Override
    public Duration toldWait(Exchange limited) {
        // Ozon's 429 names no wait: the flow waits mp1c.ozon.rateLimitWaitMs (FlowWorld: 100 ms)
        return Duration.ofMillis(100);
    }
}
