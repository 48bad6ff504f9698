package io.github.marketplace1c.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxClock;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.sandbox.ozon.OzonEmulator;
import io.github.marketplace1c.sandbox.ozon.OzonSeed;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The orders benchmark's emulators: Ozon with N synthetic FBS postings of ООО «Ромашка» (only mapped offers, in the
 * week after the account's go-live, status {@code awaiting_packaging}) and the 1C emulator (УТ 11). Run by
 * {@link OrdersBenchmark} in this JVM or, as {@link #main}, in a JVM of its own: it prints
 * {@code URLS <ozon> <1C>} once both listen, then answers each line {@code CHECK} on its input with
 * {@code DOCS <documents> <distinct external numbers> <posted> <documents whose number was not seeded>}.
 */
public final class OrdersEmulators implements AutoCloseable {

    /** The first posting's in_process_at: the account goes live on 2026-11-01 (Moscow). */
    static final Instant FIRST = Instant.parse("2026-11-01T06:00:00Z");
    private static final String ORDERS = "Document_ЗаказКлиента";
    private static final String EXTERNAL_NUMBER = "НомерПоДаннымКлиента";

    final Vertx vertx = Vertx.vertx();
    final OzonEmulator ozon;
    final OneCEmulator onec;
    private final Set<String> seeded = new HashSet<>();

    OrdersEmulators(int orders, Clock clock) {
        ozon = new OzonEmulator(vertx, clock, false).start("127.0.0.1", 0);
        onec = new OneCEmulator(vertx, OneCEmulator.Configuration.UT, false).start("127.0.0.1", 0);
        ozon.recording(false);
        ozon.rateLimitsOff();
        seed(orders);
    }

    /** N postings spread over the five days before the sandbox's "now", 1-3 lines of mapped offers each. */
    private void seed(int orders) {
        Random random = new Random(20261204L);
        List<SandboxData.OzonOffer> mapped = SandboxData.OZON_OFFERS.stream().filter(SandboxData.OzonOffer::mapped)
                .toList();
        List<SandboxData.OzonWarehouse> warehouses = OzonSeed.warehousesOf(SandboxData.OZON_ROMASHKA);
        long spanSeconds = Duration.ofDays(5).toSeconds();
        for (int i = 0; i < orders; i++) {
            Instant inProcessAt = FIRST.plusSeconds(spanSeconds * i / orders);
            List<OzonSeed.Line> lines = new ArrayList<>();
            List<SandboxData.OzonOffer> pool = new ArrayList<>(mapped);
            for (int l = 1 + random.nextInt(3); l > 0; l--) {
                lines.add(new OzonSeed.Line(pool.remove(random.nextInt(pool.size())), 1 + random.nextInt(3)));
            }
            String orderNumber = String.format("%010d-%04d", 2_000_000_000L + i, 1 + i % 9);
            String postingNumber = orderNumber + "-1";
            ObjectNode posting = OzonSeed.posting(postingNumber, 40_000_000_000L + i, orderNumber, inProcessAt,
                    "awaiting_packaging", warehouses.get(i % warehouses.size()), lines);
            ozon.postings().add(SandboxData.OZON_ROMASHKA.clientId(), posting, inProcessAt.plusSeconds(300));
            seeded.add(postingNumber);
        }
    }

    /** The 1C side after a run: documents, distinct external numbers, posted ones, ones for no seeded posting. */
    long[] check() {
        List<ObjectNode> docs = onec.objects(ORDERS);
        Set<String> numbers = new HashSet<>();
        long posted = 0;
        long strangers = 0;
        for (ObjectNode doc : docs) {
            String number = doc.path(EXTERNAL_NUMBER).asText();
            numbers.add(number);
            posted += doc.path("Posted").asBoolean() ? 1 : 0;
            strangers += seeded.contains(number) ? 0 : 1;
        }
        return new long[] {docs.size(), numbers.size(), posted, strangers};
    }

    String urls() {
        return ozon.baseUrl() + " " + onec.baseUrl();
    }

    @Override
    public void close() {
        ozon.close();
        onec.close();
        vertx.close();
    }

    public static void main(String[] args) throws Exception {
        OrdersEmulators emulators = new OrdersEmulators(Integer.parseInt(args[0]),
                SandboxClock.startingAt(SandboxClock.START));
        System.out.println("URLS " + emulators.urls());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("CHECK")) {
                long[] c = emulators.check();
                System.out.println("DOCS " + c[0] + " " + c[1] + " " + c[2] + " " + c[3]);
                System.out.flush();
            }
        }
        emulators.close();
        System.exit(0);
    }
}
