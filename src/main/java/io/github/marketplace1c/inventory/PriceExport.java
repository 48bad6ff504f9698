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
public class PriceExport extends BulkExportSteps {

    public static final String FLOW = "prices";
    private final PricePlanner planner;
    private final PriceSender sender;
    private final InventoryTables tables;

    public PriceExport(PricePlanner planner, PriceSender sender, InventoryTables tables, Journal journal,
                       DeadLetters deadLetters, AccountRegistry accounts, ObjectMapper json) {
        super(FLOW, journal, deadLetters, accounts, json);
        this.planner = planner;
        this.sender = sender;
        this.tables = tables;
    }

    @Override
    public String marketplace() {
        return sender.marketplace();
    }

    /** What a run would send now for the account, every line with its previous value (the preview). */
    public List<PriceLine> preview(Account account) {
        return planner.plan(account);
    }

    /** Plans the account's prices (reading 1C) and makes the batches of the changed lines (all with sendAll). */
    public void plan(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        boolean sendAll = exchange.getProperty("mp1cSendAll", false, Boolean.class);
        if (!Boolean.parseBoolean(account.setting("exportPrices", "true"))) {
            // the account keeps its prices in the marketplace's cabinet (settings.exportPrices: false)
            exchange.getIn().setBody(List.of());
            return;
        }
        List<PriceLine> lines = planner.plan(account).stream().filter(l -> sendAll || l.changed()).toList();
        planned(exchange, account, lines.size());
        List<PriceLine> due = due(exchange, account, lines, l -> PricePlanner.TARGET + "/" + l.productKey(),
                PricePlanner.KIND, tables, sender.minInterval());
        exchange.getIn().setBody(batches(account, due));
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
        batchIdentity(exchange, keys.get(0) + (keys.size() > 1 ? " … " + keys.get(keys.size() - 1) + " ("
                + keys.size() + ")" : ""), payload(account, keys), keys.size());
        List<PriceSender.Rejection> rejected = sender.send(account, batch.lines());
        Set<String> refused = new HashSet<>();
        for (PriceSender.Rejection rejection : rejected) {
            if (!refused.add(rejection.productKey())) {
                continue;
            }
            PriceLine line = batch.lines().stream().filter(l -> l.productKey().equals(rejection.productKey()))
                    .findFirst().orElse(null);
            refused(exchange, account, rejection.productKey(), rejection.productKey(), "Account " + account.id() + ": "
                    + marketplace() + " refused the prices of " + rejection.productKey() + (line == null ? ""
                    : " (price " + plain(line.price()) + ", old price " + plain(line.oldPrice()) + ", minimum "
                    + plain(line.minPrice()) + ")") + ": " + rejection.code() + " " + rejection.message(),
                    payload(account, List.of(rejection.productKey())));
        }
        List<InventoryTables.Sent> accepted = new ArrayList<>();
        for (PriceLine line : batch.lines()) {
            if (!refused.contains(line.productKey())) {
                accepted.add(new InventoryTables.Sent(PricePlanner.TARGET, line.productKey(), line.value()));
                wentThrough(exchange, account, line.productKey());
            }
        }
        tables.remember(PricePlanner.KIND, account.id(), accepted);
        batchDone(exchange, accepted.size(), !refused.isEmpty());
    }

    private String payload(Account account, List<String> items) throws Exception {
        ObjectNode payload = json.createObjectNode().put("account", account.id());
        items.forEach(payload.putArray("items")::add);
        return json.writeValueAsString(payload);
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    /** A replay: body {"account","items":[...]}. Plans the account now and sends those items' current prices. */
    public void replayItems(Exchange exchange) throws Exception {
        JsonNode request = json.readTree(exchange.getIn().getBody(String.class));
        Account account = replayAccount(exchange, request);
        Set<String> items = new HashSet<>();
        request.path("items").forEach(i -> items.add(i.asText()));
        List<PriceLine> lines = planner.plan(account).stream().filter(l -> items.contains(l.productKey())).toList();
        exchange.getIn().setBody(batches(account, lines));
    }
}
