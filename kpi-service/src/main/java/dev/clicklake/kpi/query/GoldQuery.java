package dev.clicklake.kpi.query;

import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.catalog.GoldTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A read of one gold table: which columns, which rows, in which order, which slice.
 *
 * @param table   the table
 * @param columns the columns to read
 * @param filter  the rows' condition, if any
 * @param order   a total order: the requested sort keys, then every key column not among them
 * @param after   the order values of the last row already served (keyset paging), if any
 * @param offset  rows to skip after {@code after}
 * @param limit   most rows to return, if bounded
 */
public record GoldQuery(GoldTable table, List<GoldColumn> columns, Optional<SqlFragment> filter, List<SortKey> order,
                        Optional<List<Object>> after, long offset, OptionalLong limit) {

    /**
     * The columns a request needs to read: those selected plus every key and sort column (keys identify a row;
     * sort columns give the next page's keyset), in the table's column order.
     */
    public static List<GoldColumn> readColumns(GoldTable table, Set<String> selected, List<SortKey> order) {
        Set<String> needed = new LinkedHashSet<>(selected);
        needed.addAll(table.keys());
        order.forEach(key -> needed.add(key.column()));
        return table.columns().stream().filter(c -> needed.contains(c.name())).toList();
    }

    /** {@code requested} completed by the table's keys (ascending) into a total, stable order. */
    public static List<SortKey> totalOrder(GoldTable table, List<SortKey> requested) {
        List<SortKey> order = new ArrayList<>(requested);
        for (String key : table.keys()) {
            if (requested.stream().noneMatch(s -> s.column().equals(key))) {
                order.add(SortKey.ascending(key));
            }
        }
        return order;
    }
}
