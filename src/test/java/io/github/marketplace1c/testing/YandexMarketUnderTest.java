package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

final class YandexMarketUnderTest implements MarketplaceUnderTest {

    @Override
    public String key() {
        return "yandex-market";
    }

    @Override
    public SandboxData.Counterparty counterparty() {
        return SandboxData.YANDEX_MARKET;
    }

    @Override
    public List<TestAccount> accounts() {
        return SandboxData.YM_ACCOUNTS.stream().map(a -> new TestAccount(a.id(), a.organization(), a.contract(),
                "YM_" + a.id().substring(3).toUpperCase() + "_API_KEY", a.apiKey(), a.goLiveDate())).toList();
    }

    private static SandboxData.YandexMarketAccount account(TestAccount account) {
        return SandboxData.YM_ACCOUNTS.stream().filter(a -> a.id().equals(account.id())).findFirst().orElseThrow();
    }

    @Override
    public Expectations expect(FlowWorld world, TestAccount account) {
        Instant goLive = MarketplaceUnderTest.goLive(account.goLiveDate());
        List<ExpectedOrder> orders = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        for (ObjectNode order : world.yandexMarket.orders().all(account(account).businessId())) {
            String id = order.path("orderId").asText();
            boolean anyUnmapped = false;
            List<ExpectedLine> lines = new ArrayList<>();
            for (JsonNode item : order.path("items")) {
                SandboxData.YandexMarketOffer offer = SandboxData.YM_OFFERS.stream()
                        .filter(o -> o.offerId().equals(item.path("offerId").asText())).findFirst().orElseThrow();
                anyUnmapped |= !offer.mapped();
                BigDecimal quantity = BigDecimal.valueOf(item.path("count").asInt());
                BigDecimal sum = BigDecimal.ZERO;
                for (String part : List.of("payment", "subsidy", "cashback")) {
                    if (item.path("prices").has(part)) {
                        sum = sum.add(item.path("prices").path(part).path("value").decimalValue());
                    }
                }
                sum = sum.setScale(2, RoundingMode.HALF_UP);
                lines.add(new ExpectedLine(offer.item().nomenclatureRef(), offer.item().characteristicRef(), quantity,
                        MarketplaceUnderTest.unit(sum, quantity), sum));
            }
            if (MarketplaceUnderTest.instant(order.path("creationDate").asText()).isBefore(goLive)) {
                before.add(id);
            } else if ("CANCELLED".equals(order.path("status").asText())) {
                cancelled.add(id);
            } else if (anyUnmapped) {
                unmapped.add(id);
            } else {
                orders.add(new ExpectedOrder(id, account.id(), account(account).onecWarehouse().ref(), lines));
            }
        }
        return new Expectations(orders, unmapped, before, cancelled);
    }

    @Override
    public void cancelByBuyer(FlowWorld world, String externalNumber) {
        world.yandexMarket.orders().cancel(Long.parseLong(externalNumber), "USER_CHANGED_MIND");
    }

    @Override
    public Faults faults(FlowWorld world) {
        return world.yandexMarket.faults();
    }

    @Override
    public String listPath() {
        return "/orders";
    }

    @Override
    public List<Exchange> exchanges(FlowWorld world) {
        return world.yandexMarket.recorded().stream().map(e -> new Exchange(
                e.requestHeaders().getOrDefault("Api-Key", ""), e.status(), e.at(), e.responseHeaders())).toList();
    }

    @Override
    public Duration toldWait(Exchange limited) {
        Instant until = ZonedDateTime.parse(limited.headers().get("X-RateLimit-Resource-Until"),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Duration.between(limited.at(), until);
    }
}
