package io.github.marketplace1c.benchmark;

import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.ozon.OzonEmulator;
import io.github.marketplace1c.sandbox.wildberries.WildberriesEmulator;
import io.github.marketplace1c.sandbox.yandexmarket.YandexMarketEmulator;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The benchmark's emulators in a JVM of their own, so the benchmark measures the application's heap alone. Prints
 * one line {@code URLS <ozon> <wildberries> <yandex market> <1C>} once everything listens, then serves until killed.
 * Arguments: items, limits (on|off).
 */
public final class BenchmarkEmulators {

    static final long WB_SECOND_WAREHOUSE = 1_101_009L;
    static final long CHRT_BASE = 500_000_000L;

    private BenchmarkEmulators() {
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(args[0]);
        boolean limits = args[1].equals("on");
        Vertx vertx = Vertx.vertx();
        Clock clock = Clock.systemUTC();
        OzonEmulator ozon = new OzonEmulator(vertx, clock, true).start("127.0.0.1", 0);
        WildberriesEmulator wildberries = new WildberriesEmulator(vertx, clock, true).start("127.0.0.1", 0);
        YandexMarketEmulator yandexMarket = new YandexMarketEmulator(vertx, clock, true).start("127.0.0.1", 0);
        OneCEmulator onec = new OneCEmulator(vertx, OneCEmulator.Configuration.UT, false).start("127.0.0.1", 0);
        ozon.recording(false);
        yandexMarket.recording(false);
        if (!limits) {
            ozon.rateLimitsOff();
            wildberries.rateLimits(false);
            yandexMarket.rateLimitsOff();
        }
        onec.seedBulkStock(items, 2);
        wildberries.stocks().addChrtIds(CHRT_BASE, items);
        wildberries.stocks().addWarehouse(SandboxData.WB_ROMASHKA.token(), WB_SECOND_WAREHOUSE);
        for (int i = 0; i < items; i++) {
            ozon.products().register("BULK-" + i);
            yandexMarket.addOffer("BULK-" + i);
        }
        System.out.println("URLS " + ozon.baseUrl() + " " + wildberries.baseUrl() + " " + yandexMarket.baseUrl() + " "
                + onec.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
