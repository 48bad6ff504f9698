package io.github.marketplace1c.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.deadletter.DeadLetter;
import io.github.marketplace1c.deadletter.DeadLetterFilter;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * The steps of one marketplace's price export, as routes/shared/prices.camel.yaml calls them; the same shape as
 * {@link StockExport}: plan an account's lines (the preview), keep the changed ones, split them into the
 * marketplace's batches, send each, and record what was accepted. A refused item — by the marketplace, or by the
 * sender before sending because it breaks the marketplace's rules — becomes a dead letter MARKETPLACE_REJECTED with
 * the code and message; the rest of its batch counts as sent. A replay sends the item's current prices.
 */
public class PriceExport {

    public static final String FLOW = "prices";
    private static final String OPEN_LETTERS = "mp1cOpenPriceLetters";

    private final PricePlanner planner;
    private final PriceSender sender;
    private final InventoryTables tables;
    private final Journal journal;
    private final DeadLetters deadLetters;
    private final AccountRegistry accounts;
    private final ObjectMapper json;

    public PriceExport(PricePlanner planner, PriceSender sender, InventoryTables tables, Journal journal,
                       DeadLetters deadLetters, AccountRegistry accounts, ObjectMapper json) {
        this.planner = planner;
        this.sender = sender;
        this.tables = tables;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.accounts = accounts;
        this.json = json;
    }

    public String marketplace() {
        return sender.marketplace();
    }

    /** What a run would send now for the account, every line with its previous value (the preview). */
    public List<PriceLine> preview(Account account) {
        return planner.plan(account);
    }

    /** Body: the account. Opens the run. */
    public void startRun(Exchange exchange) {
        Account account = exchange.getIn().getBody(Account.class);
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, marketplace());
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_POLL);
        exchange.setProperty(FlowProperties.RECORD_KEY, "export");
        exchange.setProperty(FlowProperties.REPLAY_TARGET, marketplace() + "-prices-account");
        exchange.setProperty(FlowProperties.PAYLOAD, "{\"account\":\"" + account.id() + "\"}");
        long runId = journal.startRun(marketplace(), FLOW, account.id(),
                exchange.getProperty(FlowProperties.TRIGGER, "schedule", String.class));
        exchange.setProperty(FlowProperties.RUN_ID, runId);
    }

    /** Plans the account's prices (reading 1C) and makes the batches of the changed lines (all with sendAll). */
    public void plan(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        boolean sendAll = exchange.getProperty("mp1cSendAll", false, Boolean.class);
        if (!Boolean.parseBoolean(account.setting("exportPrices", "true"))) {
            // the account keeps its prices in the marketplace's cabinet (settings.exportPrices: false)
            exchange.getIn().setBody(List.of());
            return;
        }
        List<PriceLine> lines = planner.plan(account).stream().filter(l -> sendAll || l.changed()).toList();
        journal.fetched(runId, lines.size());
        exchange.setProperty(OPEN_LETTERS, openLetters(account));
        exchange.getIn().setBody(batches(account, lines));
    }

    private List<PriceBatch> batches(Account account, List<PriceLine> lines) {
        List<PriceBatch> batches = new ArrayList<>();
        if (lines.isEmpty()) {
            return batches;
        }
        sender.prepare(account, lines);
        for (int from = 0; from < lines.size(); from += sender.batchSize()) {
            batches.add(new PriceBatch(lines.subList(from, Math.min(lines.size(), from + sender.batchSize()))));
        }
        return batches;
    }

    /** Body: one batch. Sends it; refused items become dead letters, the others are remembered as sent. */
    public void sendBatch(Exchange exchange) throws Exception {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        PriceBatch batch = exchange.getIn().getBody(PriceBatch.class);
        List<String> keys = batch.lines().stream().map(PriceLine::productKey).toList();
        ObjectNode payload = json.createObjectNode().put("account", account.id());
        keys.forEach(payload.putArray("items")::add);
        // if the whole batch fails for good, its dead letter replays these items' current prices
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_RECORD);
        exchange.setProperty(FlowProperties.RECORD_KEY, keys.get(0)
                + (keys.size() > 1 ? " … " + keys.get(keys.size() - 1) + " (" + keys.size() + ")" : ""));
        exchange.setProperty(FlowProperties.PAYLOAD, json.writeValueAsString(payload));
        exchange.setProperty(FlowProperties.REPLAY_TARGET, marketplace() + "-prices-items");
        exchange.setProperty(FlowProperties.ITEM_COUNT, keys.size());
        List<PriceSender.Rejection> rejected = sender.send(account, batch.lines());
        Set<String> refused = new HashSet<>();
        Long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        for (PriceSender.Rejection rejection : rejected) {
            if (!refused.add(rejection.productKey())) {
                continue;
            }
            PriceLine line = batch.lines().stream().filter(l -> l.productKey().equals(rejection.productKey()))
                    .findFirst().orElse(null);
            String recordKey = rejection.productKey();
            String message = "Account " + account.id() + ": " + marketplace() + " refused the prices of "
                    + rejection.productKey() + (line == null ? "" : " (price " + plain(line.price()) + ", old price "
                    + plain(line.oldPrice()) + ", minimum " + plain(line.minPrice()) + ")") + ": " + rejection.code()
                    + " " + rejection.message();
            deadLetters.park(marketplace(), FLOW, account.id(), recordKey, ReasonCode.MARKETPLACE_REJECTED.name(),
                    message, json.writeValueAsString(json.createObjectNode().put("account", account.id())
                            .set("items", json.createArrayNode().add(rejection.productKey()))),
                    marketplace() + "-prices-items", List.of(rejection.productKey()));
            if (runId != null) {
                journal.record(runId, marketplace(), FLOW, account.id(), recordKey, Journal.Outcome.DEAD_LETTER,
                        ReasonCode.MARKETPLACE_REJECTED.name(), message, null, null);
            }
        }
        List<InventoryTables.Sent> accepted = new ArrayList<>();
        for (PriceLine line : batch.lines()) {
            if (!refused.contains(line.productKey())) {
                accepted.add(new InventoryTables.Sent(PricePlanner.TARGET, line.productKey(), line.value()));
                if (openLetters(exchange, account).contains(line.productKey())) {
                    deadLetters.resolveOpen(FLOW, account.id(), line.productKey(),
                            exchange.getProperty(FlowProperties.REPLAY_OF) != null ? "replayed" : "resolved", "export");
                }
            }
        }
        tables.remember(PricePlanner.KIND, account.id(), accepted);
        if (runId != null) {
            journal.bulk(runId, accepted.size(), 0, 0);
        }
        exchange.setProperty(FlowProperties.OUTCOME, refused.isEmpty() ? Journal.Outcome.DONE.name()
                : Journal.Outcome.DEAD_LETTER.name());
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    /** Record keys of the account's open price dead letters: only those are looked at when items go through. */
    private Set<String> openLetters(Account account) {
        Set<String> keys = new HashSet<>();
        deadLetters.list(new DeadLetterFilter(null, account.id(), FLOW, DeadLetter.NEW, null, null, 100_000))
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

    /** A replay: body {"account","items":[...]}. Plans the account now and sends those items' current prices. */
    public void replayItems(Exchange exchange) throws Exception {
        JsonNode request = json.readTree(exchange.getIn().getBody(String.class));
        Account account = accounts.get(request.path("account").asText());
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, marketplace());
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        Set<String> items = new HashSet<>();
        request.path("items").forEach(i -> items.add(i.asText()));
        List<PriceLine> lines = planner.plan(account).stream().filter(l -> items.contains(l.productKey())).toList();
        exchange.getIn().setBody(batches(account, lines));
    }
}
