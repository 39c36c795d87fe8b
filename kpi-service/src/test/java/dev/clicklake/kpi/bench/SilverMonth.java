package dev.clicklake.kpi.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * Generates one silver Parquet file per day with DuckDB, in silver's columns and types: {@code events} events a
 * day at uniform times, 90 % views, 6 % carts, 2 % removes, 2 % purchases; ~4.5 events per session; each
 * session belongs to one user; 5 % of a day's session numbers are the next day's too (sessions over
 * midnight); 3,000 brands and 13 main categories with skewed popularity.
 */
final class SilverMonth {

    private static final String DAY = """
            COPY (
              WITH e AS (SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                                %2$d * %3$d + CAST(floor(random() * %3$d * 1.05) AS BIGINT) AS s
                         FROM range(%1$d))
              SELECT to_timestamp(%4$d + r1 * 86400) AS event_time,
                     CASE WHEN r2 < 0.90 THEN 'view' WHEN r2 < 0.96 THEN 'cart'
                          WHEN r2 < 0.98 THEN 'remove_from_cart' ELSE 'purchase' END AS event_type,
                     CAST(1000000 + floor(r3 * 50000) AS BIGINT) AS product_id,
                     CAST(2053013555631882655 + floor(pow(r4, 2) * 13) AS BIGINT) AS category_id,
                     c.code AS category_code, c.main AS main_category, 'unknown' AS sub_category,
                     'unknown' AS item_category,
                     'brand-' || CAST(floor(pow(r5, 3) * 3000) AS INTEGER) AS brand,
                     CAST(round(1 + r3 * 500, 2) AS DECIMAL(12, 2)) AS price,
                     CAST(500000000 + hash(s) %% %5$d AS BIGINT) AS user_id,
                     md5(CAST(s AS VARCHAR)) AS user_session,
                     CAST(floor(r1 * 24) AS SMALLINT) AS event_hour
              FROM e JOIN (SELECT i, 'main' || i || '.sub' AS code, 'main' || i AS main FROM range(13) t(i)) c
                ON c.i = CAST(floor(pow(r4, 2) * 13) AS BIGINT)
            ) TO '%6$s' (FORMAT parquet)""";

    private SilverMonth() {
    }

    /**
     * Writes day {@code index} ({@code date}) of the month to {@code file}.
     *
     * @param sessions session numbers per day
     * @param users size of the user population
     */
    static void writeDay(LocalDate date, int index, long events, long sessions, long users, Path file)
            throws SQLException {
        long epoch = date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        try (Connection duckdb = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = duckdb.createStatement()) {
            statement.execute(DAY.formatted(events, index, sessions, epoch, users,
                    file.toAbsolutePath().toString().replace("'", "''")));
        }
    }
}
