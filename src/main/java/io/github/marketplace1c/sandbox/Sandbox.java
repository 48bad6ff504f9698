package io.github.marketplace1c.sandbox;

import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.ozon.OzonEmulator;
import io.github.marketplace1c.sandbox.wildberries.WildberriesEmulator;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketEmulator;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketSeed;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox: emulators of Ozon, Wildberries, Yandex Market and of the seller's 1C base on loopback, and mapping
 * tables seeded so that most of the seeded orders map and a few deliberately do not.
 */
public final class Sandbox implements AutoCloseable {

    /** Where each emulator listens. */
    public record Ports(int ozon, int wildberries, int yandexMarket, int onec) {
    }

    private final Vertx vertx;
    private final OzonEmulator ozon;
    private final WildberriesEmulator wildberries;
    private final YandexMarketEmulator yandexMarket;
    private final OneCEmulator onec;

    private Sandbox(Vertx vertx, OzonEmulator ozon, WildberriesEmulator wildberries, YandexMarketEmulator yandexMarket,
                    OneCEmulator onec) {
        this.vertx = vertx;
        this.ozon = ozon;
        this.wildberries = wildberries;
        this.yandexMarket = yandexMarket;
        this.onec = onec;
    }

    /** Every emulator answers in full (every optional field of the spec filled, {@link SpecFullAnswers}) or not. */
    public void fullAnswers(boolean on) {
        ozon.fullAnswers().switchOn(on);
        wildberries.fullAnswers().switchOn(on);
        yandexMarket.fullAnswers().switchOn(on);
    }

    public static Sandbox start(String host, Ports ports, OneCEmulator.Configuration configuration, boolean strict,
                                String onecUser, String onecPassword, Clock clock) {
        Vertx vertx = Vertx.vertx();
        OzonEmulator ozon = new OzonEmulator(vertx, clock, true).start(host, ports.ozon());
        WildberriesEmulator wildberries = new WildberriesEmulator(vertx, clock, true).start(host, ports.wildberries());
        // WB's finance-api allows 1 request a minute; the sandbox (and mp1c.wildberries.finance.requestsPerMinute in
        // its profile) allows 600, so a month of reports loads in seconds
        wildberries.financeRateLimit(600, 10);
        YandexMarketEmulator yandexMarket = new YandexMarketEmulator(vertx, clock, true).start(host, ports.yandexMarket());
        OneCEmulator onec = new OneCEmulator(vertx, configuration, strict).credentials(onecUser, onecPassword)
                .start(host, ports.onec());
        return new Sandbox(vertx, ozon, wildberries, yandexMarket, onec);
    }

    public OzonEmulator ozon() {
        return ozon;
    }

    public WildberriesEmulator wildberries() {
        return wildberries;
    }

    public YandexMarketEmulator yandexMarket() {
        return yandexMarket;
    }

    public OneCEmulator onec() {
        return onec;
    }

    /** Seeds the mapping tables on a fresh database only: an integrator's own changes in the sandbox stay. */
    public static void seedMappings(MappingTable products, MappingTable warehouses) {
        if (!products.list(null, null, null, 1).isEmpty() || !warehouses.list(null, null, null, 1).isEmpty()) {
            return;
        }
        List<MappingRow> productRows = new ArrayList<>();
        List<MappingRow> warehouseRows = new ArrayList<>();
        for (SandboxData.OzonOffer offer : SandboxData.OZON_OFFERS) {
            if (offer.mapped()) {
                productRows.add(product("ozon", offer.offerId(), offer.item()));
            }
        }
        for (SandboxData.WildberriesCard card : SandboxData.WB_CARDS) {
            if (card.mapped()) {
                // the sandbox's WB cabinets map by chrtId (accounts.yaml, settings.productKey)
                productRows.add(product("wildberries", String.valueOf(card.chrtId()), card.item()));
            }
        }
        for (SandboxData.YandexMarketOffer offer : SandboxData.YM_OFFERS) {
            if (offer.mapped()) {
                productRows.add(product("yandex-market", offer.offerId(), offer.item()));
            }
        }
        for (SandboxData.OzonWarehouse warehouse : SandboxData.OZON_WAREHOUSES) {
            warehouseRows.add(warehouse("ozon", warehouse.accountId(), String.valueOf(warehouse.id()),
                    warehouse.onecWarehouse(), warehouse.name()));
        }
        for (SandboxData.WildberriesWarehouse warehouse : SandboxData.WB_WAREHOUSES) {
            warehouseRows.add(warehouse("wildberries", warehouse.accountId(), String.valueOf(warehouse.id()),
                    warehouse.onecWarehouse(), warehouse.name()));
        }
        for (SandboxData.YandexMarketAccount account : SandboxData.YM_ACCOUNTS) {
            warehouseRows.add(warehouse("yandex-market", account.id(), YandexMarketSeed.warehouseId(account),
                    account.onecWarehouse(), "склад кампании " + account.campaignId()));
        }
        products.upsertAll(productRows);
        warehouses.upsertAll(warehouseRows);
    }

    private static MappingRow product(String marketplace, String key, SandboxData.Item item) {
        return new MappingRow(marketplace, "", key, item.nomenclatureRef(), item.characteristicRef(),
                item.name() + (item.characteristicName() == null ? "" : ", " + item.characteristicName()), "sandbox seed");
    }

    private static MappingRow warehouse(String marketplace, String accountId, String key, SandboxData.Warehouse onec,
                                        String note) {
        return new MappingRow(marketplace, accountId, key, onec.ref(), null, onec.name(), note);
    }

    @Override
    public void close() {
        ozon.close();
        wildberries.close();
        yandexMarket.close();
        onec.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
