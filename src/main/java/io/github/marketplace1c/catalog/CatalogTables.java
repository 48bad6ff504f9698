package io.github.marketplace1c.catalog;

import io.github.marketplace1c.db.Where;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workbench's tables: the marketplace products each account's last catalog pull saw (catalog_product) and the
 * suggested pairs (product_suggestion). A rejected pair is kept, so later pulls never suggest it again.
 */
public class CatalogTables {

    /** Which suggestions an integrator means; null fields match everything. */
    public record Filter(String accountId, String marketplace, String status, String evidence, Boolean exact,
                         Double minConfidence, String search, Integer limit) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CatalogTables(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    // ---- marketplace products ---------------------------------------------------------------------------------

    /** Replaces what is known of an account's catalog with what a pull just read. */
    public void replaceProducts(String marketplace, String accountId, List<MarketplaceProduct> products) {
        Timestamp now = now();
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM catalog_product WHERE account_id = ?", accountId);
            List<Object[]> rows = new ArrayList<>(products.size());
            Set<String> keys = new HashSet<>();
            for (MarketplaceProduct p : products) {
                if (keys.add(p.key())) { // two cards can carry one key (a shared barcode as key): the first one counts
                    rows.add(new Object[] {marketplace, accountId, p.key(), cut(p.name(), 500), cut(p.article(), 200),
                            cut(joinBarcodes(p.barcodes()), 2000), cut(p.marketplaceIds(), 500), now});
                }
            }
            jdbc.batchUpdate("INSERT INTO catalog_product (marketplace, account_id, product_key, name, article, barcodes, "
                    + "marketplace_ids, pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        });
    }

    public List<MarketplaceProduct> products(String accountId) {
        return jdbc.query("SELECT * FROM catalog_product WHERE account_id = ? ORDER BY product_key",
                CatalogTables::product, accountId);
    }

    public Optional<MarketplaceProduct> product(String accountId, String key) {
        return jdbc.query("SELECT * FROM catalog_product WHERE account_id = ? AND product_key = ?",
                CatalogTables::product, accountId, key).stream().findFirst();
    }

    /** Every account's products whose key is not in the product map (neither the account's row nor a shared one). */
    public List<MarketplaceProduct> unmappedProducts(String accountId, String marketplace) {
        Where where = new Where().and("c.account_id = ?", accountId).and("c.marketplace = ?", marketplace);
        return jdbc.query("SELECT c.* FROM catalog_product c" + where.sql() + " AND NOT EXISTS (SELECT 1 FROM "
                + "product_map m WHERE m.marketplace = c.marketplace AND m.product_key = c.product_key AND "
                + "m.account_id IN (c.account_id, '')) ORDER BY c.account_id, c.product_key", CatalogTables::product,
                where.args());
    }

    // ---- suggestions ----------------------------------------------------------------------------------------

    /**
     * Stores a pull's suggestions for an account: its earlier open ones are replaced; a pair that was rejected or
     * accepted before is not suggested again. Returns how many were stored.
     */
    public int replaceSuggestions(String marketplace, String accountId, Map<MarketplaceProduct, List<ProductMatcher.Match>> found) {
        Timestamp now = now();
        return transactions.execute(status -> {
            jdbc.update("DELETE FROM product_suggestion WHERE account_id = ? AND status = 'new'", accountId);
            Set<String> decided = new HashSet<>(jdbc.queryForList("SELECT product_key || '|' || nomenclature_ref || '|' "
                    + "|| characteristic_ref FROM product_suggestion WHERE account_id = ?", String.class, accountId));
            List<Object[]> rows = new ArrayList<>();
            for (Map.Entry<MarketplaceProduct, List<ProductMatcher.Match>> entry : found.entrySet()) {
                MarketplaceProduct p = entry.getKey();
                for (ProductMatcher.Match m : entry.getValue()) {
                    OneCItem item = m.item();
                    String characteristic = item.characteristicRef() == null ? "" : item.characteristicRef();
                    if (!decided.add(p.key() + "|" + item.nomenclatureRef() + "|" + characteristic)) {
                        continue;
                    }
                    rows.add(new Object[] {marketplace, accountId, p.key(), item.nomenclatureRef(), characteristic,
                            m.evidence().name().toLowerCase(), m.exact(), BigDecimal.valueOf(m.confidence()),
                            cut(m.details(), 1000), cut(p.name(), 500), cut(p.article(), 200),
                            cut(joinBarcodes(p.barcodes()), 2000), cut(item.name(), 500), cut(item.article(), 200),
                            cut(item.code(), 64), cut(item.characteristicName(), 300),
                            cut(joinBarcodes(item.barcodes()), 2000), now, now});
                }
            }
            jdbc.batchUpdate("INSERT INTO product_suggestion (marketplace, account_id, product_key, nomenclature_ref, "
                    + "characteristic_ref, evidence, exact_match, confidence, details, product_name, product_article, "
                    + "product_barcodes, onec_name, onec_article, onec_code, onec_characteristic, onec_barcodes, status, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)",
                    rows);
            return rows.size();
        });
    }

    public List<Suggestion> suggestions(Filter filter) {
        String like = filter.search() == null || filter.search().isBlank() ? null
                : "%" + filter.search().toLowerCase() + "%";
        Where where = new Where().and("account_id = ?", filter.accountId()).and("marketplace = ?", filter.marketplace())
                .and("status = ?", filter.status()).and("evidence = ?", filter.evidence())
                .and("exact_match = ?", filter.exact())
                .and("confidence >= ?", filter.minConfidence() == null ? null : BigDecimal.valueOf(filter.minConfidence()));
        String search = like == null ? "" : " AND (LOWER(product_key) LIKE ? OR LOWER(COALESCE(product_name, '')) LIKE ? "
                + "OR LOWER(COALESCE(product_article, '')) LIKE ? OR LOWER(COALESCE(onec_name, '')) LIKE ?)";
        int limit = filter.limit() == null ? 1000 : filter.limit();
        return jdbc.query("SELECT * FROM product_suggestion" + where.sql() + search + " ORDER BY account_id, product_key, "
                + "exact_match DESC, confidence DESC, id LIMIT ?", CatalogTables::suggestion,
                like == null ? where.args(limit) : where.args(like, like, like, like, limit));
    }

    public Optional<Suggestion> suggestion(long id) {
        return jdbc.query("SELECT * FROM product_suggestion WHERE id = ?", CatalogTables::suggestion, id).stream()
                .findFirst();
    }

    /** The open suggestions of these products of an account, best first. */
    public List<Suggestion> openSuggestions(String accountId, String productKey) {
        return jdbc.query("SELECT * FROM product_suggestion WHERE account_id = ? AND product_key = ? AND status = 'new' "
                + "ORDER BY exact_match DESC, confidence DESC, id", CatalogTables::suggestion, accountId, productKey);
    }

    /** Marks a new suggestion accepted or rejected; false when it is not new any more. */
    public boolean decide(long id, String status, String actor) {
        return jdbc.update("UPDATE product_suggestion SET status = ?, updated_at = ?, actor = ? WHERE id = ? "
                + "AND status = 'new'", status, now(), actor, id) == 1;
    }

    /** Once a product is mapped its other open suggestions have nothing left to say. */
    public void dropOpenSuggestions(String accountId, String productKey) {
        jdbc.update("DELETE FROM product_suggestion WHERE account_id = ? AND product_key = ? AND status = 'new'",
                accountId, productKey);
    }

    // ---- rows -------------------------------------------------------------------------------------------------

    private static MarketplaceProduct product(ResultSet rs, int i) throws SQLException {
        return new MarketplaceProduct(rs.getString("marketplace"), rs.getString("account_id"),
                rs.getString("product_key"), rs.getString("name"), rs.getString("article"), null,
                splitBarcodes(rs.getString("barcodes")), rs.getString("marketplace_ids"));
    }

    private static Suggestion suggestion(ResultSet rs, int i) throws SQLException {
        String characteristic = rs.getString("characteristic_ref");
        return new Suggestion(rs.getLong("id"), rs.getString("marketplace"), rs.getString("account_id"),
                rs.getString("status"),
                new Suggestion.Product(rs.getString("product_key"), rs.getString("product_name"),
                        rs.getString("product_article"), splitBarcodes(rs.getString("product_barcodes"))),
                new Suggestion.OneC(rs.getString("nomenclature_ref"),
                        characteristic == null || characteristic.isEmpty() ? null : characteristic,
                        rs.getString("onec_name"), rs.getString("onec_characteristic"), rs.getString("onec_article"),
                        rs.getString("onec_code"), splitBarcodes(rs.getString("onec_barcodes"))),
                rs.getString("evidence"), rs.getBoolean("exact_match"), rs.getBigDecimal("confidence").doubleValue(),
                rs.getString("details"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("actor"));
    }

    static String joinBarcodes(List<String> barcodes) {
        return barcodes == null || barcodes.isEmpty() ? null : "," + String.join(",", barcodes) + ",";
    }

    static List<String> splitBarcodes(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).toList();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
