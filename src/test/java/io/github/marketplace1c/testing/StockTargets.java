package io.github.marketplace1c.testing;

import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCStockSeed;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The stock a first export must leave at each marketplace, from the 1C emulator's seed rules (free = in stock −
 * reserved, УТ) and the sandbox's maps (each marketplace warehouse fed by its own 1C warehouse), and what the
 * marketplace emulator holds.
 */
public final class StockTargets {

    /** One expected value: account, marketplace warehouse, product key, 1C item index and warehouse index. */
    public record Target(String accountId, String warehouseKey, String productKey, int itemIndex, int warehouseIndex) {

        public long free() {
            return Math.max(0, OneCStockSeed.quantity(itemIndex, warehouseIndex)
                    - OneCStockSeed.reserve(itemIndex, warehouseIndex));
        }
    }

    private StockTargets() {
    }

    public static List<Target> of(String marketplace) {
        List<Target> targets = new ArrayList<>();
        switch (marketplace) {
            case "ozon" -> {
                for (SandboxData.OzonWarehouse w : SandboxData.OZON_WAREHOUSES) {
                    for (SandboxData.OzonOffer offer : SandboxData.OZON_OFFERS) {
                        if (offer.mapped()) {
                            targets.add(new Target(w.accountId(), String.valueOf(w.id()), offer.offerId(),
                                    SandboxData.ITEMS.indexOf(offer.item()), SandboxData.WAREHOUSES.indexOf(w.onecWarehouse())));
                        }
                    }
                }
            }
            case "wildberries" -> {
                for (SandboxData.WildberriesWarehouse w : SandboxData.WB_WAREHOUSES) {
                    for (SandboxData.WildberriesCard card : SandboxData.WB_CARDS) {
                        if (card.mapped()) {
                            targets.add(new Target(w.accountId(), String.valueOf(w.id()), String.valueOf(card.chrtId()),
                                    SandboxData.ITEMS.indexOf(card.item()), SandboxData.WAREHOUSES.indexOf(w.onecWarehouse())));
                        }
                    }
                }
            }
            case "yandex-market" -> {
                for (SandboxData.YandexMarketAccount a : SandboxData.YM_ACCOUNTS) {
                    for (SandboxData.YandexMarketOffer offer : SandboxData.YM_OFFERS) {
                        if (offer.mapped()) {
                            targets.add(new Target(a.id(), YandexMarketSeed.warehouseId(a), offer.offerId(),
                                    SandboxData.ITEMS.indexOf(offer.item()), SandboxData.WAREHOUSES.indexOf(a.onecWarehouse())));
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException(marketplace);
        }
        return targets;
    }

    /** Whether the marketplace emulator ever accepted a value for the target. */
    public static boolean accepted(FlowWorld world, String marketplace, Target target) {
        return switch (marketplace) {
            case "ozon" -> world.ozon.stocks().received().stream().anyMatch(u -> u.offerId().equals(target.productKey())
                    && String.valueOf(u.warehouseId()).equals(target.warehouseKey()));
            case "wildberries" -> world.wildberries.stocks().received().stream().anyMatch(r ->
                    String.valueOf(r.chrtId()).equals(target.productKey())
                            && String.valueOf(r.warehouseId()).equals(target.warehouseKey()));
            default -> world.yandexMarket.stocks().received().stream()
                    .anyMatch(s -> s.offerId().equals(target.productKey()));
        };
    }

    /** What the marketplace emulator holds now for a target, if anything. */
    public static OptionalLong received(FlowWorld world, String marketplace, Target target) {
        return switch (marketplace) {
            case "ozon" -> {
                String clientId = SandboxData.OZON_ACCOUNTS.stream().filter(a -> a.id().equals(target.accountId()))
                        .findFirst().orElseThrow().clientId();
                yield world.ozon.stocks().current(clientId, target.productKey(), Long.parseLong(target.warehouseKey()));
            }
            case "wildberries" -> {
                var value = world.wildberries.stocks().current(Long.parseLong(target.warehouseKey()),
                        Long.parseLong(target.productKey()));
                yield value.isPresent() ? OptionalLong.of(value.getAsInt()) : OptionalLong.empty();
            }
            case "yandex-market" -> {
                long campaign = SandboxData.YM_ACCOUNTS.stream().filter(a -> a.id().equals(target.accountId()))
                        .findFirst().orElseThrow().campaignId();
                yield world.yandexMarket.stocks().current(campaign, target.productKey())
                        .map(s -> OptionalLong.of(s.count())).orElse(OptionalLong.empty());
            }
            default -> throw new IllegalArgumentException(marketplace);
        };
    }
}
