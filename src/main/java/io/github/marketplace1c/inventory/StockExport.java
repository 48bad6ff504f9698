package io.github.marketplace1c.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one marketplace's stock export, as routes/shared/stocks.camel.yaml calls them: plan an account's
 * lines (the preview), keep the changed ones, split them into the marketplace's batches, send each, and record what
 * was accepted. A refused item becomes a dead letter MARKETPLACE_REJECTED with the marketplace's code and message;
 * the rest of its batch counts as sent. A replay sends the item's current value, never the stale one.
 */
public class StockExport extends BulkExportSteps {

    public static final String FLOW = "stocks";
    private static final Logger LOG = LoggerFactory.getLogger(StockExport.class);

    private final StockPlanner planner;
    private final StockSender sender;
    private final InventoryTables tables;
    private final boolean zeroUnmapped;

    public StockExport(StockPlanner planner, StockSender sender, InventoryTables tables, Journal journal,
                       DeadLetters deadLetters, AccountRegistry accounts, ObjectMapper json, boolean zeroUnmapped) {
        super(FLOW, journal, deadLetters, accounts, json);
        this.planner = planner;
        this.sender = sender;
        this.tables = tables;
        this.zeroUnmapped = zeroUnmapped;
    }

    @Override
    public String marketplace() {
        return sender.marketplace();
    }

    /** What a run would send now for the account, every line with its previous value (the preview). */
    public List<StockLine> preview(Account account) {
        return planner.plan(account, zeroUnmapped);
    }

    /**
     * Plans the account's stock (reading 1C) and makes the batches of the changed lines (all lines with sendAll).
     * Apart from {@link #startRun} so that a retried 1C read does not open another run.
     */
    public void plan(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        boolean sendAll = exchange.getProperty("mp1cSendAll", false, Boolean.class);
        long start = System.nanoTime();
        List<StockLine> all = planner.plan(account, zeroUnmapped);
        List<StockLine> lines = all.stream().filter(l -> sendAll || l.changed()).toList();
        LOG.info("{} stocks, account {}: planned {} values from 1C in {} ms, {} to send", marketplace(), account.id(),
                all.size(), (System.nanoTime() - start) / 1_000_000, lines.size());
        planned(exchange, account, lines.size());
        exchange.getIn().setBody(batches(account, due(exchange, account, lines,
                l -> l.warehouseKey() + "/" + l.productKey(), StockPlanner.KIND, tables, sender.minInterval())));
    }

    private List<StockBatch> batches(Account account, List<StockLine> lines) {
        sender.prepare(account, lines);
        Map<String, List<StockLine>> byWarehouse = new LinkedHashMap<>();
        lines.forEach(l -> byWarehouse.computeIfAbsent(l.warehouseKey(), k -> new ArrayList<>()).add(l));
        List<StockBatch> batches = new ArrayList<>();
        byWarehouse.forEach((warehouse, all) -> {
            for (int from = 0; from < all.size(); from += sender.batchSize()) {
                batches.add(new StockBatch(warehouse, all.subList(from, Math.min(all.size(), from + sender.batchSize()))));
            }
        });
        return batches;
    }

    /** Body: one batch. Sends it; refused items become dead letters, the others are remembered as sent. */
    public void sendBatch(Exchange exchange) throws Exception {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        StockBatch batch = exchange.getIn().getBody(StockBatch.class);
        List<String> keys = batch.lines().stream().map(StockLine::productKey).toList();
        batchIdentity(exchange, batch.warehouseKey() + "/" + keys.get(0)
                        + (keys.size() > 1 ? " … " + keys.get(keys.size() - 1) + " (" + keys.size() + ")" : ""),
                payload(account, batch.warehouseKey(), keys), keys.size());
        List<StockSender.Rejection> rejected = sender.send(account, batch.warehouseKey(), batch.lines());
        Set<String> refused = new HashSet<>();
        for (StockSender.Rejection rejection : rejected) {
            if (!refused.add(rejection.productKey())) {
                continue;
            }
            StockLine line = batch.lines().stream().filter(l -> l.productKey().equals(rejection.productKey()))
                    .findFirst().orElse(null);
            refused(exchange, account, batch.warehouseKey() + "/" + rejection.productKey(), rejection.productKey(),
                    "Account " + account.id() + ": " + marketplace() + " refused the stock of " + rejection.productKey()
                            + " at warehouse " + batch.warehouseKey() + (line == null ? "" : " (" + line.value() + ")")
                            + ": " + rejection.code() + " " + rejection.message(),
                    payload(account, batch.warehouseKey(), List.of(rejection.productKey())));
        }
        List<InventoryTables.Sent> accepted = new ArrayList<>();
        for (StockLine line : batch.lines()) {
            if (!refused.contains(line.productKey())) {
                accepted.add(new InventoryTables.Sent(batch.warehouseKey(), line.productKey(), String.valueOf(line.value())));
                wentThrough(exchange, account, batch.warehouseKey() + "/" + line.productKey());
            }
        }
        tables.remember(StockPlanner.KIND, account.id(), accepted);
        batchDone(exchange, accepted.size(), !refused.isEmpty());
    }

    private String payload(Account account, String warehouse, List<String> items) throws Exception {
        ObjectNode payload = json.createObjectNode().put("account", account.id()).put("warehouse", warehouse);
        items.forEach(payload.putArray("items")::add);
        return json.writeValueAsString(payload);
    }

    /**
     * A replay: body {"account","warehouse","items":[...]}. Plans the account now and sends those items' current
     * values; body becomes their batches.
     */
    public void replayItems(Exchange exchange) throws Exception {
        JsonNode request = json.readTree(exchange.getIn().getBody(String.class));
        Account account = replayAccount(exchange, request);
        Set<String> items = new HashSet<>();
        request.path("items").forEach(i -> items.add(i.asText()));
        String warehouse = request.path("warehouse").asText();
        List<StockLine> lines = planner.plan(account, zeroUnmapped).stream()
                .filter(l -> l.warehouseKey().equals(warehouse) && items.contains(l.productKey())).toList();
        exchange.getIn().setBody(batches(account, lines));
    }
}
