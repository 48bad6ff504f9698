package io.github.marketplace1c.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * The steps of one marketplace's stock export, as routes/shared/stocks.camel.yaml calls them: plan an account's
 * lines (the preview), keep the changed ones, split them into the marketplace's batches, send each, and record what
 * was accepted. A refused item becomes a dead letter MARKETPLACE_REJECTED with the marketplace's code and message;
 * the rest of its batch counts as sent. A replay sends the item's current value, never the stale one.
 */
public class StockExport {

    public static final String FLOW = "stocks";
    private static final String OPEN_LETTERS = "mp1cOpenStockLetters";

    private final StockPlanner planner;
    private final StockSender sender;
    private final InventoryTables tables;
    private final Journal journal;
    private final DeadLetters deadLetters;
    private final AccountRegistry accounts;
    private final ObjectMapper json;
    private final boolean zeroUnmapped;

    public StockExport(StockPlanner planner, StockSender sender, InventoryTables tables, Journal journal,
                       DeadLetters deadLetters, AccountRegistry accounts, ObjectMapper json, boolean zeroUnmapped) {
        this.planner = planner;
        this.sender = sender;
        this.tables = tables;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.accounts = accounts;
        this.json = json;
        this.zeroUnmapped = zeroUnmapped;
    }

    public String marketplace() {
        return sender.marketplace();
    }

    /** What a run would send now for the account, every line with its previous value (the preview). */
    public List<StockLine> preview(Account account) {
        return planner.plan(account, zeroUnmapped);
    }

    /** Body: the account. Opens the run. */
    public void startRun(Exchange exchange) {
        Account account = exchange.getIn().getBody(Account.class);
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, marketplace());
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_POLL);
        exchange.setProperty(FlowProperties.RECORD_KEY, "export");
        exchange.setProperty(FlowProperties.REPLAY_TARGET, marketplace() + "-stocks-account");
        exchange.setProperty(FlowProperties.PAYLOAD, "{\"account\":\"" + account.id() + "\"}");
        long runId = journal.startRun(marketplace(), FLOW, account.id(),
                exchange.getProperty(FlowProperties.TRIGGER, "schedule", String.class));
        exchange.setProperty(FlowProperties.RUN_ID, runId);
    }

    /**
     * Plans the account's stock (reading 1C) and makes the batches of the changed lines (all lines with sendAll).
     * Apart from {@link #startRun} so that a retried 1C read does not open another run.
     */
    public void plan(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        boolean sendAll = exchange.getProperty("mp1cSendAll", false, Boolean.class);
        List<StockLine> lines = planner.plan(account, zeroUnmapped).stream()
                .filter(l -> sendAll || l.changed()).toList();
        journal.fetched(runId, lines.size());
        exchange.setProperty(OPEN_LETTERS, openLetters(account));
        exchange.getIn().setBody(batches(account, lines));
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
        ObjectNode payload = json.createObjectNode().put("account", account.id()).put("warehouse", batch.warehouseKey());
        keys.forEach(payload.putArray("items")::add);
        // if the whole batch fails for good, its dead letter replays these items' current values
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_RECORD);
        exchange.setProperty(FlowProperties.RECORD_KEY, batch.warehouseKey() + "/" + keys.get(0)
                + (keys.size() > 1 ? " … " + keys.get(keys.size() - 1) + " (" + keys.size() + ")" : ""));
        exchange.setProperty(FlowProperties.PAYLOAD, json.writeValueAsString(payload));
        exchange.setProperty(FlowProperties.REPLAY_TARGET, marketplace() + "-stocks-items");
        exchange.setProperty(FlowProperties.ITEM_COUNT, keys.size());
        List<StockSender.Rejection> rejected = sender.send(account, batch.warehouseKey(), batch.lines());
        Set<String> refused = new HashSet<>();
        Long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        for (StockSender.Rejection rejection : rejected) {
            refused.add(rejection.productKey());
            StockLine line = batch.lines().stream().filter(l -> l.productKey().equals(rejection.productKey()))
                    .findFirst().orElse(null);
            String recordKey = batch.warehouseKey() + "/" + rejection.productKey();
            String message = "Account " + account.id() + ": " + marketplace() + " refused the stock of "
                    + rejection.productKey() + " at warehouse " + batch.warehouseKey()
                    + (line == null ? "" : " (" + line.value() + ")") + ": " + rejection.code() + " " + rejection.message();
            deadLetters.park(marketplace(), FLOW, account.id(), recordKey, ReasonCode.MARKETPLACE_REJECTED.name(),
                    message, "{\"account\":\"" + account.id() + "\",\"warehouse\":\"" + batch.warehouseKey()
                            + "\",\"items\":[\"" + rejection.productKey() + "\"]}",
                    marketplace() + "-stocks-items", List.of(rejection.productKey()));
            journal.record(runId, marketplace(), FLOW, account.id(), recordKey, Journal.Outcome.DEAD_LETTER,
                    ReasonCode.MARKETPLACE_REJECTED.name(), message, null, null);
        }
        List<InventoryTables.Sent> accepted = new ArrayList<>();
        for (StockLine line : batch.lines()) {
            if (!refused.contains(line.productKey())) {
                accepted.add(new InventoryTables.Sent(batch.warehouseKey(), line.productKey(), String.valueOf(line.value())));
                String key = batch.warehouseKey() + "/" + line.productKey();
                if (openLetters(exchange, account).contains(key)) {
                    deadLetters.resolveOpen(FLOW, account.id(), key,
                            exchange.getProperty(FlowProperties.REPLAY_OF) != null ? "replayed" : "resolved", "export");
                }
            }
        }
        tables.remember(StockPlanner.KIND, account.id(), accepted);
        if (runId != null) {
            journal.bulk(runId, accepted.size(), 0, 0);
        }
        exchange.setProperty(FlowProperties.OUTCOME, rejected.isEmpty() ? Journal.Outcome.DONE.name()
                : Journal.Outcome.DEAD_LETTER.name());
    }

    /** Record keys of the account's open stock dead letters: only those are looked at when items go through. */
    private Set<String> openLetters(Account account) {
        Set<String> keys = new HashSet<>();
        deadLetters.list(new io.github.marketplace1c.deadletter.DeadLetterFilter(null, account.id(), FLOW,
                io.github.marketplace1c.deadletter.DeadLetter.NEW, null, null, 100_000))
                .forEach(l -> keys.add(l.recordKey()));
        return keys;
    }

    @SuppressWarnings("unchecked")
    private Set<String> openLetters(Exchange exchange, Account account) {
        Set<String> keys = exchange.getProperty(OPEN_LETTERS, Set.class);
        if (keys == null) {
            keys = openLetters(account);
            exchange.setProperty(OPEN_LETTERS, keys);
        }
        return keys;
    }

    public Journal.RunSummary finishRun(Exchange exchange) {
        Journal.RunSummary summary = journal.finishRun(exchange.getProperty(FlowProperties.RUN_ID, Long.class), null);
        exchange.getIn().setBody(summary);
        return summary;
    }

    /**
     * A replay: body {"account","warehouse","items":[...]}. Plans the account now and sends those items' current
     * values; body becomes their batches.
     */
    public void replayItems(Exchange exchange) throws Exception {
        JsonNode request = json.readTree(exchange.getIn().getBody(String.class));
        Account account = accounts.get(request.path("account").asText());
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, marketplace());
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        Set<String> items = new HashSet<>();
        request.path("items").forEach(i -> items.add(i.asText()));
        String warehouse = request.path("warehouse").asText();
        List<StockLine> lines = planner.plan(account, zeroUnmapped).stream()
                .filter(l -> l.warehouseKey().equals(warehouse) && items.contains(l.productKey())).toList();
        exchange.getIn().setBody(batches(account, lines));
    }
}
