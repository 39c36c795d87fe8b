package dev.clicklake.kpi.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A gold table (or view) as it is served: under which names, with which key and which columns.
 *
 * @param entitySet    the OData entity set
 * @param exportName   the {@code /export/{name}.csv} name
 * @param relation     the PostgreSQL table or view
 * @param keys         the key columns, in key order (also the default sort order)
 * @param columns      every served column, stored measures first, then the ratios
 * @param periodColumn the date column that {@code from}/{@code to} restrict, if any
 */
public record GoldTable(String entitySet, String exportName, String relation, List<String> keys,
                        List<GoldColumn> columns, Optional<String> periodColumn) {

    public GoldTable {
        keys = List.copyOf(keys);
        columns = List.copyOf(columns);
    }

    /** The column named {@code name}, if the table serves one. */
    public Optional<GoldColumn> column(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    /** The served column named {@code name}; it must exist. */
    public GoldColumn required(String name) {
        return column(name).orElseThrow(() -> new IllegalArgumentException(entitySet + " has no column " + name));
    }

    private Map<String, GoldColumn> byName() {
        return columns.stream().collect(Collectors.toMap(GoldColumn::name, Function.identity()));
    }
}
