package dev.clicklake.kpi.query;

import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.catalog.GoldTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the SQL of a {@link GoldQuery}. Every table is read through one derived table that names each served
 * column (stored or computed, such as the ratios), so conditions and orders refer to served names only; PostgreSQL
 * flattens it, so conditions on stored key columns still use the primary key.
 */
public final class GoldSql {

    private GoldSql() {
    }

    /** {@code SELECT columns ... WHERE filter AND after ORDER BY order OFFSET LIMIT}. */
    public static SqlFragment select(GoldQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(query.columns().stream().map(GoldColumn::name).collect(Collectors.joining(", ")))
                .append(" FROM ").append(served(query.table()));
        Optional<SqlFragment> where = where(query.filter(), query.after().map(values -> Keyset.after(query.table(), query.order(), values)));
        where.ifPresent(w -> {
            sql.append(" WHERE ").append(w.sql());
            params.addAll(w.params());
        });
        sql.append(" ORDER BY ").append(query.order().stream().map(GoldSql::orderTerm).collect(Collectors.joining(", ")));
        if (query.offset() > 0) {
            sql.append(" OFFSET ?");
            params.add(query.offset());
        }
        if (query.limit().isPresent()) {
            sql.append(" LIMIT ?");
            params.add(query.limit().getAsLong());
        }
        return new SqlFragment(sql.toString(), params, false);
    }

    /** {@code SELECT count(*)} of the rows that satisfy {@code filter}. */
    public static SqlFragment count(GoldTable table, Optional<SqlFragment> filter) {
        String sql = "SELECT count(*) FROM " + served(table);
        return filter.map(f -> new SqlFragment(sql + " WHERE " + f.sql(), f.params(), false))
                .orElse(SqlFragment.of(sql, false));
    }

    /** The table as a derived table of its served columns. */
    static String served(GoldTable table) {
        return "(SELECT " + table.columns().stream()
                .map(c -> c.expression().equals(c.name()) ? c.name() : c.expression() + " AS " + c.name())
                .collect(Collectors.joining(", "))
                + " FROM " + table.relation() + ") AS gold";
    }

    /** PostgreSQL sorts nulls as larger than any value: last ascending, first descending (see {@link Keyset}). */
    private static String orderTerm(SortKey key) {
        return key.column() + (key.descending() ? " DESC" : "");
    }

    private static Optional<SqlFragment> where(Optional<SqlFragment> filter, Optional<SqlFragment> after) {
        if (filter.isPresent() && after.isPresent()) {
            return Optional.of(filter.get().and(after.get()));
        }
        return filter.isPresent() ? filter : after;
    }
}
