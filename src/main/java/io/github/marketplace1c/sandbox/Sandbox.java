package io.github.marketplace1c.sandbox;

import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.ozon.OzonEmulator;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox: emulators of Ozon and of the seller's 1C base on loopback, and mapping tables seeded so that most
 * of the seeded postings map and a few deliberately do not.
 */
public final class Sandbox implements AutoCloseable {

    private final Vertx vertx;
    private final OzonEmulator ozon;
    private final OneCEmulator onec;

    private Sandbox(Vertx vertx, OzonEmulator ozon, OneCEmulator onec) {
        this.vertx = vertx;
        this.ozon = ozon;
        this.onec = onec;
    }

    public static Sandbox start(String host, int ozonPort, int onecPort, OneCEmulator.Configuration configuration,
                                boolean strict, String onecUser, String onecPassword, Clock clock) {
        Vertx vertx = Vertx.vertx();
        OzonEmulator ozon = new OzonEmulator(vertx, clock, true).start(host, ozonPort);
        OneCEmulator onec = new OneCEmulator(vertx, configuration, strict).credentials(onecUser, onecPassword)
                .start(host, onecPort);
        return new Sandbox(vertx, ozon, onec);
    }

    public OzonEmulator ozon() {
        return ozon;
    }

    public OneCEmulator onec() {
        return onec;
    }

    /** Seeds the mapping tables on a fresh database only: an integrator's own changes in the sandbox stay. */
    public static void seedMappings(MappingTable products, MappingTable warehouses) {
        if (products.list("ozon", null, null, 1).isEmpty()) {
            List<MappingRow> rows = new ArrayList<>();
            for (SandboxData.OzonOffer offer : SandboxData.OZON_OFFERS) {
                if (offer.mapped()) {
                    SandboxData.Item item = offer.item();
                    rows.add(new MappingRow("ozon", "", offer.offerId(), item.nomenclatureRef(), item.characteristicRef(),
                            item.name() + (item.characteristicName() == null ? "" : ", " + item.characteristicName()),
                            "sandbox seed"));
                }
            }
            products.upsertAll(rows);
        }
        if (warehouses.list("ozon", null, null, 1).isEmpty()) {
            List<MappingRow> rows = new ArrayList<>();
            for (SandboxData.OzonWarehouse warehouse : SandboxData.OZON_WAREHOUSES) {
                rows.add(new MappingRow("ozon", warehouse.accountId(), String.valueOf(warehouse.id()),
                        warehouse.onecWarehouse().ref(), null, warehouse.onecWarehouse().name(), warehouse.name()));
            }
            warehouses.upsertAll(rows);
        }
    }

    @Override
    public void close() {
        ozon.close();
        onec.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
