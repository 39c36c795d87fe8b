package dev.clicklake.contracts.layout;

import java.util.List;

/**
 * The columns of silver-events/1, the Parquet schema of the silver events table: the one list enrich-service's
 * lineage and kpi-service's dataset catalog describe silver with (enrich-service's README shows it as a table).
 * {@code event_date} is not a column of the files but the Hive partition of their path.
 */
public final class SilverSchema {

    /** The columns in file order, then the {@code event_date} partition. */
    public static final List<SilverColumn> COLUMNS = List.of(
            column("event_time", "timestamp with time zone", "INT64", "TIMESTAMP(MICROS, isAdjustedToUTC=true)"),
            column("event_type", "varchar", "BYTE_ARRAY", "STRING"),
            column("product_id", "bigint", "INT64", "INT(64, signed)"),
            column("category_id", "bigint", "INT64", "INT(64, signed)"),
            column("category_code", "varchar", "BYTE_ARRAY", "STRING"),
            column("main_category", "varchar", "BYTE_ARRAY", "STRING"),
            column("sub_category", "varchar", "BYTE_ARRAY", "STRING"),
            column("item_category", "varchar", "BYTE_ARRAY", "STRING"),
            column("brand", "varchar", "BYTE_ARRAY", "STRING"),
            column("price", "decimal(12,2)", "INT64", "DECIMAL(12,2)"),
            column("user_id", "bigint", "INT64", "INT(64, signed)"),
            new SilverColumn("user_session", "varchar", "BYTE_ARRAY", "STRING", true, false),
            column("event_hour", "tinyint", "INT32", "INT(8, signed)"),
            new SilverColumn("event_date", "date", null, "DATE", false, true));

    private SilverSchema() {
    }

    private static SilverColumn column(String name, String sqlType, String physicalType, String logicalType) {
        return new SilverColumn(name, sqlType, physicalType, logicalType, false, false);
    }

    /**
     * A silver column.
     *
     * @param sqlType      its type in SQL (DuckDB, Spark SQL alike)
     * @param physicalType its Parquet physical type, or null for the partition
     * @param logicalType  its Parquet logical type (for the partition: the type readers give it)
     * @param nullable     whether a row can hold no value
     * @param partition    whether it is the Hive partition of the path rather than a file column
     */
    public record SilverColumn(String name, String sqlType, String physicalType, String logicalType, boolean nullable,
            boolean partition) {
    }
}
