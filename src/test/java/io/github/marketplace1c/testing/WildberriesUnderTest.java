package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.wildberries.WildberriesOrders;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

final class WildberriesUnderTest implements MarketplaceUnderTest {

    private static final Set<String> CANCELLED = Set.of("canceled", "canceled_by_client", "declined_by_client", "defect");

    @Override
    public String key() {
        return "wildberries";
    }

    @Override
    public SandboxData.Counterparty counterparty() {
        return SandboxData.WILDBERRIES;
    }

    @Override
    public List<TestAccount> accounts() {
        return SandboxData.WB_ACCOUNTS.stream().map(a -> new TestAccount(a.id(), a.organization(), a.contract(),
                "WB_" + a.id().substring(3).toUpperCase() + "_TOKEN", a.token(), a.goLiveDate())).toList();
    }

    private static String token(TestAccount account) {
        return account.secret();
    }

    @Override
    public Expectations expect(FlowWorld world, TestAccount account) {
        Instant goLive = MarketplaceUnderTest.goLive(account.goLiveDate());
        List<ExpectedOrder> orders = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        for (ObjectNode order : world.wildberries.orders().all(token(account))) {
            String id = order.path("id").asText();
            WildberriesOrders.Status status = world.wildberries.orders().status(order.path("id").asLong()).orElseThrow();
            SandboxData.WildberriesCard card = SandboxData.WB_CARDS.stream()
                    .filter(c -> c.chrtId() == order.path("chrtId").asLong()).findFirst().orElseThrow();
            if (Instant.parse(order.path("createdAt").asText()).isBefore(goLive)) {
                before.add(id);
            } else if (CANCELLED.contains(status.wbStatus()) || "cancel".equals(status.supplierStatus())) {
                cancelled.add(id);
            } else if (!card.mapped()) {
                unmapped.add(id);
            } else {
                long warehouseId = order.path("warehouseId").asLong();
                String warehouse = SandboxData.WB_WAREHOUSES.stream().filter(w -> w.id() == warehouseId).findFirst()
                        .orElseThrow().onecWarehouse().ref();
                BigDecimal price = BigDecimal.valueOf(order.path("convertedPrice").asLong(), 2);
                orders.add(new ExpectedOrder(id, account.id(), warehouse, List.of(new ExpectedLine(
                        card.item().nomenclatureRef(), card.item().characteristicRef(), BigDecimal.ONE, price, price))));
            }
        }
        return new Expectations(orders, unmapped, before, cancelled);
    }

    @Override
    public void cancelByBuyer(FlowWorld world, String externalNumber) {
        world.wildberries.orders().cancelByBuyer(Long.parseLong(externalNumber));
    }

    @Override
    public Faults faults(FlowWorld world) {
        return world.wildberries.faults();
    }

    @Override
    public String listPath() {
        return "GET /api/v3/orders/new";
    }

    @Override
    public List<Exchange> exchanges(FlowWorld world) {
        return world.wildberries.recorded().stream().map(e -> new Exchange(
                e.requestHeaders().getOrDefault("Authorization", ""), e.status(), e.at(), e.responseHeaders())).toList();
    }

    @Override
    public Duration toldWait(Exchange limited) {
        return Duration.ofSeconds(Long.parseLong(limited.headers().get("X-Ratelimit-Retry")));
    }
}
