package dev.clicklake.kpi.query;

import dev.clicklake.kpi.catalog.GoldTable;
import java.util.List;

/**
 * The condition "comes after this row in this order", for paging by keyset instead of by offset: rows inserted
 * or deleted before the position cannot shift the next page. Nulls compare as PostgreSQL sorts them, greater
 * than every value (last ascending, first descending).
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * Rows strictly after the row whose order values are {@code values}: the OR over i of (the first i - 1 sort
     * columns equal and the i-th beyond).
     */
    public static SqlFragment after(GoldTable table, List<SortKey> order, List<Object> values) {
        if (values.size() != order.size()) {
            throw new IllegalArgumentException("a keyset needs one value per sort column");
        }
        if (rowComparable(table, order, values)) {
            return rowComparison(order, values);
        }
        SqlFragment result = null;
        SqlFragment equalSoFar = null;
        for (int i = 0; i < order.size(); i++) {
            SortKey key = order.get(i);
            boolean nullable = table.required(key.column()).nullable();
            SqlFragment beyond = beyond(key, values.get(i), nullable);
            SqlFragment term = equalSoFar == null ? beyond : equalSoFar.and(beyond);
            result = result == null ? term : result.or(term);
            SqlFragment equal = equal(key.column(), values.get(i));
            equalSoFar = equalSoFar == null ? equal : equalSoFar.and(equal);
        }
        return result;
    }

    /** One direction, no nulls: a row-value comparison, which PostgreSQL answers from a matching index. */
    private static boolean rowComparable(GoldTable table, List<SortKey> order, List<Object> values) {
        boolean direction = order.get(0).descending();
        return order.stream().allMatch(k -> k.descending() == direction && !table.required(k.column()).nullable())
                && values.stream().allMatch(java.util.Objects::nonNull);
    }

    private static SqlFragment rowComparison(List<SortKey> order, List<Object> values) {
        String columns = order.stream().map(SortKey::column).collect(java.util.stream.Collectors.joining(", "));
        String placeholders = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        return new SqlFragment("(" + columns + ")" + (order.get(0).descending() ? " < " : " > ") + "(" + placeholders + ")",
                values, false);
    }

    private static SqlFragment beyond(SortKey key, Object value, boolean nullable) {
        String column = key.column();
        if (value == null) {
            // null is the greatest value: nothing follows it ascending; every non-null follows it descending
            return SqlFragment.of(key.descending() ? column + " IS NOT NULL" : "FALSE", false);
        }
        SqlFragment compared = SqlFragment.param(value).wrap(column + (key.descending() ? " < " : " > "), "", false);
        return !key.descending() && nullable ? compared.wrap("(", " OR " + column + " IS NULL)", false) : compared;
    }

    private static SqlFragment equal(String column, Object value) {
        return value == null ? SqlFragment.of(column + " IS NULL", false)
                : SqlFragment.param(value).wrap(column + " = ", "", false);
    }
}
