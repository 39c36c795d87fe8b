package dev.clicklake.kpi.catalog;

/** The kinds of values gold serves, with the decimal facets a client needs to type them. */
public enum ValueType {
    /** A name (dataset, category, brand, funnel step). */
    TEXT(null, null),
    /** A UTC calendar day. */
    DATE(null, null),
    /** An instant with its offset (always UTC here). */
    TIMESTAMP(null, null),
    /** Money: NUMERIC(18, 2). */
    MONEY(18, 2),
    /** A ratio of two measures, rounded half-even to 6 places. */
    RATE(24, 6),
    /** A count. */
    INT64(null, null),
    /** A small count (days of a period). */
    INT32(null, null),
    /** A small number (hour of day, funnel step). */
    INT16(null, null);

    /** Its PostgreSQL type, as lineage and the dataset catalog name it. */
    public String sqlType() {
        return switch (this) {
            case TEXT -> "text";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp with time zone";
            case MONEY -> "numeric(18,2)";
            case RATE -> "numeric(24,6)";
            case INT64 -> "bigint";
            case INT32 -> "integer";
            case INT16 -> "smallint";
        };
    }

    private final Integer precision;
    private final Integer scale;

    ValueType(Integer precision, Integer scale) {
        this.precision = precision;
        this.scale = scale;
    }

    /** Total significant digits of a decimal type, or null. */
    public Integer precision() {
        return precision;
    }

    /** Decimal places of a decimal type, or null. */
    public Integer scale() {
        return scale;
    }
}
