package io.github.marketplace1c.db;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause of optional conditions: a condition whose value is null is left out. Keeps filters portable:
 * PostgreSQL cannot type a bare {@code ? IS NULL} parameter, H2 can.
 */
public final class Where {

    private final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> args = new ArrayList<>();

    public Where and(String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
        return this;
    }

    /** A condition with the same value used twice, e.g. {@code (a LIKE ? OR b LIKE ?)}. */
    public Where andTwice(String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
            args.add(value);
        }
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public Object[] args(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
