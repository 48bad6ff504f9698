package io.github.marketplace1c.inventory;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export's own tables: which 1C warehouses feed which marketplace warehouse (stock_source), stock rules
 * (stock_rule), and what each marketplace last accepted (export_state).
 */
public class InventoryTables {

    /** One value a marketplace accepted: where, which item, what. */
    public record Sent(String target, String itemKey, String value) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public InventoryTables(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /**
     * Marketplace warehouse → the 1C warehouses whose free stock is summed for it. Without stock_source rows for the
     * account, each marketplace warehouse of the warehouse map (the orders' map) is fed by its own 1C warehouse.
     */
    public Map<String, List<String>> stockSources(String marketplace, String accountId) {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        jdbc.query("SELECT warehouse_key, onec_warehouse_ref FROM stock_source WHERE marketplace = ? AND account_id = ? "
                + "ORDER BY warehouse_key, onec_warehouse_ref", rs -> {
            sources.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, marketplace, accountId);
        if (sources.isEmpty()) {
            jdbc.query("SELECT warehouse_key, onec_warehouse_ref FROM warehouse_map WHERE marketplace = ? "
                    + "AND account_id = ? ORDER BY warehouse_key", rs -> {
                sources.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }, marketplace, accountId);
        }
        return sources;
    }

    public void addStockSource(String marketplace, String accountId, String warehouseKey, String onecWarehouseRef) {
        jdbc.update("INSERT INTO stock_source (marketplace, account_id, warehouse_key, onec_warehouse_ref) "
                + "VALUES (?, ?, ?, ?)", marketplace, accountId, warehouseKey, onecWarehouseRef);
    }

    /** The stock_source rows of an account (every account when null). */
    public List<Map<String, Object>> stockSourceRows(String accountId) {
        return accountId == null
                ? jdbc.queryForList("SELECT marketplace, account_id, warehouse_key, onec_warehouse_ref FROM stock_source "
                        + "ORDER BY account_id, warehouse_key, onec_warehouse_ref")
                : jdbc.queryForList("SELECT marketplace, account_id, warehouse_key, onec_warehouse_ref FROM stock_source "
                        + "WHERE account_id = ? ORDER BY warehouse_key, onec_warehouse_ref", accountId);
    }

    /** Replaces the 1C warehouses that feed one marketplace warehouse of an account. */
    public void replaceStockSources(String marketplace, String accountId, String warehouseKey, List<String> onecRefs) {
        jdbc.update("DELETE FROM stock_source WHERE account_id = ? AND warehouse_key = ?", accountId, warehouseKey);
        for (String ref : onecRefs) {
            addStockSource(marketplace, accountId, warehouseKey, ref);
        }
    }

    /** The stock_rule rows of an account (every account when null). */
    public List<Map<String, Object>> stockRuleRows(String accountId) {
        return accountId == null
                ? jdbc.queryForList("SELECT account_id, scope, scope_key, percent, safety_stock FROM stock_rule "
                        + "ORDER BY account_id, scope, scope_key")
                : jdbc.queryForList("SELECT account_id, scope, scope_key, percent, safety_stock FROM stock_rule "
                        + "WHERE account_id = ? ORDER BY scope, scope_key", accountId);
    }

    public boolean deleteStockRule(String accountId, String scope, String scopeKey) {
        return jdbc.update("DELETE FROM stock_rule WHERE account_id = ? AND scope = ? AND scope_key = ?", accountId,
                scope, scopeKey) > 0;
    }

    /** The account's stock rules, per product, category, kind and for the whole account. */
    public StockRules stockRules(String accountId) {
        StockRules rules = new StockRules();
        jdbc.query("SELECT scope, scope_key, percent, safety_stock FROM stock_rule WHERE account_id = ?", rs -> {
            String scope = rs.getString(1);
            String source = switch (scope) {
                case StockRules.PRODUCT -> "товар " + rs.getString(2);
                case StockRules.CATEGORY -> "товарная категория " + rs.getString(2);
                case StockRules.KIND -> "вид номенклатуры " + rs.getString(2);
                default -> "кабинет";
            };
            rules.add(scope, rs.getString(2), new StockRule(rs.getBigDecimal(3), rs.getBigDecimal(4), source));
        }, accountId);
        return rules;
    }

    public void setStockRule(String accountId, String scope, String scopeKey, BigDecimal percent, BigDecimal safety) {
        int updated = jdbc.update("UPDATE stock_rule SET percent = ?, safety_stock = ? WHERE account_id = ? "
                + "AND scope = ? AND scope_key = ?", percent, safety, accountId, scope, scopeKey);
        if (updated == 0) {
            jdbc.update("INSERT INTO stock_rule (account_id, scope, scope_key, percent, safety_stock) "
                    + "VALUES (?, ?, ?, ?, ?)", accountId, scope, scopeKey, percent, safety);
        }
    }

    /** What the marketplace last accepted, by "target/item". */
    public Map<String, String> sent(String kind, String accountId) {
        Map<String, String> sent = new HashMap<>();
        jdbc.query("SELECT target, item_key, sent_value FROM export_state WHERE kind = ? AND account_id = ?",
                rs -> {
                    sent.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
                }, kind, accountId);
        return sent;
    }

    /** When the marketplace last accepted each item, by "target/item". */
    public Map<String, java.time.Instant> sentAt(String kind, String accountId) {
        Map<String, java.time.Instant> sentAt = new HashMap<>();
        jdbc.query("SELECT target, item_key, sent_at FROM export_state WHERE kind = ? AND account_id = ?",
                rs -> {
                    sentAt.put(rs.getString(1) + "/" + rs.getString(2), rs.getTimestamp(3).toInstant());
                }, kind, accountId);
        return sentAt;
    }

    /** Now, on the clock the accepted times are written with. */
    public java.time.Instant now() {
        return clock.instant();
    }

    /** Remembers what the marketplace accepted: one transaction per batch (a commit per row would cost the most). */
    public void remember(String kind, String accountId, List<Sent> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> keys = accepted.stream().map(s -> new Object[] {kind, accountId, s.target(), s.itemKey()}).toList();
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("DELETE FROM export_state WHERE kind = ? AND account_id = ? AND target = ? AND item_key = ?",
                    keys);
            jdbc.batchUpdate("INSERT INTO export_state (kind, account_id, target, item_key, sent_value, sent_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", accepted.stream().map(s -> new Object[] {kind, accountId, s.target(),
                    s.itemKey(), s.value(), now}).toList());
        });
    }
}
