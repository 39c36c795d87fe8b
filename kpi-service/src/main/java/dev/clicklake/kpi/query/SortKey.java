package dev.clicklake.kpi.query;

/** One column of a sort order. */
public record SortKey(String column, boolean descending) {

    /** Ascending on {@code column}. */
    public static SortKey ascending(String column) {
        return new SortKey(column, false);
    }
}
