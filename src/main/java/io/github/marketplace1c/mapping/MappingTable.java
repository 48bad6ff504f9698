package io.github.marketplace1c.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import io.github.marketplace1c.db.Where;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mapping table (products, warehouses or services): marketplace key -> 1C reference, per marketplace and account.
 * Services keep the expense item (СтатьиРасходов) where products keep the characteristic.
 */
public class MappingTable {

    /** The tables differ only in names and in whether a characteristic is kept. */
    public enum Kind {
        PRODUCTS("product_map", "product_key", "nomenclature_ref", "characteristic_ref", "nomenclature_name"),
        WAREHOUSES("warehouse_map", "warehouse_key", "onec_warehouse_ref", null, "warehouse_name"),
        SERVICES("service_map", "service_key", "nomenclature_ref", "expense_item_ref", "service_name");

        final String table;
        final String keyColumn;
        final String refColumn;
        final String characteristicColumn;
        final String nameColumn;

        Kind(String table, String keyColumn, String refColumn, String characteristicColumn, String nameColumn) {
            this.table = table;
            this.keyColumn = keyColumn;
            this.refColumn = refColumn;
            this.characteristicColumn = characteristicColumn;
            this.nameColumn = nameColumn;
        }

        public boolean hasCharacteristic() {
            return characteristicColumn != null;
        }
    }

    private final Kind kind;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MappingTable(Kind kind, DataSource dataSource, Clock clock) {
        this.kind = kind;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    public Kind kind() {
        return kind;
    }

    /** The account's own row first, then the marketplace-wide one. */
    public Optional<MappingRow> resolve(String marketplace, String accountId, String key) {
        List<MappingRow> rows = jdbc.query("SELECT * FROM " + kind.table + " WHERE marketplace = ? AND "
                        + kind.keyColumn + " = ? AND account_id IN (?, '') ORDER BY account_id DESC",
                this::row, marketplace, key, accountId);
        return rows.stream().findFirst();
    }

    /**
     * {@link #resolve} for many keys at once (a report's products): the account's row first, then the
     * marketplace-wide one; keys without a row are absent from the answer. Queries in chunks of 500 keys.
     */
    public java.util.Map<String, MappingRow> resolveAll(String marketplace, String accountId,
                                                        java.util.Collection<String> keys) {
        java.util.Map<String, MappingRow> found = new java.util.HashMap<>();
        List<String> all = new java.util.ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            Object[] args = new Object[chunk.size() + 2];
            args[0] = marketplace;
            args[1] = accountId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 2] = chunk.get(i);
            }
            // account rows sort after the marketplace-wide ones ('' first), so they win in the map
            jdbc.query("SELECT * FROM " + kind.table + " WHERE marketplace = ? AND account_id IN (?, '') AND "
                    + kind.keyColumn + " IN (" + "?, ".repeat(chunk.size() - 1) + "?) ORDER BY account_id", rs -> {
                        MappingRow row = row(rs, 0);
                        found.put(row.key(), row);
                    }, args);
        }
        return found;
    }

    public List<MappingRow> list(String marketplace, String accountId, String search, int limit) {
        String like = search == null || search.isBlank() ? null : "%" + search.toLowerCase() + "%";
        Where where = new Where().and("marketplace = ?", marketplace).and("account_id = ?", accountId)
                .andTwice("(LOWER(" + kind.keyColumn + ") LIKE ? OR LOWER(COALESCE(" + kind.nameColumn + ", '')) LIKE ?)",
                        like);
        return jdbc.query("SELECT * FROM " + kind.table + where.sql() + " ORDER BY marketplace, account_id, "
                + kind.keyColumn + " LIMIT ?", this::row, where.args(limit));
    }

    public void upsert(MappingRow row) {
        transactions.executeWithoutResult(status -> write(row));
    }

    /** All rows or none: the import's validation runs before, this makes the write itself atomic. */
    public void upsertAll(List<MappingRow> rows) {
        transactions.executeWithoutResult(status -> rows.forEach(this::write));
    }

    private void write(MappingRow row) {
        Timestamp now = Timestamp.from(clock.instant());
        String characteristic = kind.hasCharacteristic() ? ", " + kind.characteristicColumn + " = ?" : "";
        Object[] updateArgs = kind.hasCharacteristic()
                ? new Object[] {row.ref(), row.characteristicRef(), row.name(), row.note(), now, row.marketplace(),
                    row.accountId(), row.key()}
                : new Object[] {row.ref(), row.name(), row.note(), now, row.marketplace(), row.accountId(), row.key()};
        int updated = jdbc.update("UPDATE " + kind.table + " SET " + kind.refColumn + " = ?" + characteristic + ", "
                + kind.nameColumn + " = ?, note = ?, updated_at = ? WHERE marketplace = ? AND account_id = ? AND "
                + kind.keyColumn + " = ?", updateArgs);
        if (updated == 0) {
            String columns = "marketplace, account_id, " + kind.keyColumn + ", " + kind.refColumn
                    + (kind.hasCharacteristic() ? ", " + kind.characteristicColumn : "") + ", " + kind.nameColumn
                    + ", note, updated_at";
            Object[] insertArgs = kind.hasCharacteristic()
                    ? new Object[] {row.marketplace(), row.accountId(), row.key(), row.ref(), row.characteristicRef(),
                        row.name(), row.note(), now}
                    : new Object[] {row.marketplace(), row.accountId(), row.key(), row.ref(), row.name(), row.note(), now};
            String marks = "?, ".repeat(insertArgs.length - 1) + "?";
            jdbc.update("INSERT INTO " + kind.table + " (" + columns + ") VALUES (" + marks + ")", insertArgs);
        }
    }

    public boolean delete(String marketplace, String accountId, String key) {
        return jdbc.update("DELETE FROM " + kind.table + " WHERE marketplace = ? AND account_id = ? AND "
                + kind.keyColumn + " = ?", marketplace, accountId == null ? "" : accountId, key) > 0;
    }

    private MappingRow row(ResultSet rs, int i) throws SQLException {
        return new MappingRow(rs.getString("marketplace"), rs.getString("account_id"), rs.getString(kind.keyColumn),
                rs.getString(kind.refColumn), kind.hasCharacteristic() ? rs.getString(kind.characteristicColumn) : null,
                rs.getString(kind.nameColumn), rs.getString("note"));
    }
}
