package dev.clicklake.kpi.catalog;

/**
 * A column a gold table serves.
 *
 * @param name       the served name (snake_case, the same in OData and the export)
 * @param type       its kind of value
 * @param expression the SQL that computes it from the table's own columns, or the column name itself
 * @param nullable   whether the value can be null
 */
public record GoldColumn(String name, ValueType type, String expression, boolean nullable) {

    /** A stored, non-null column. */
    public static GoldColumn stored(String name, ValueType type) {
        return new GoldColumn(name, type, name, false);
    }

    /** A stored column that is null on rows built before it existed. */
    public static GoldColumn optional(String name, ValueType type) {
        return new GoldColumn(name, type, name, true);
    }
}
