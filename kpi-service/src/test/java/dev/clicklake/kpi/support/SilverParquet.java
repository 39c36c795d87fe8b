package dev.clicklake.kpi.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/** Writes rows as a silver Parquet file, with the exact columns and types enrich-service produces. */
public final class SilverParquet {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+00'")
            .withZone(ZoneOffset.UTC);

    private SilverParquet() {
    }

    public static void write(List<SilverRow> rows, Path file) throws SQLException {
        try (Connection duckdb = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = duckdb.createStatement()) {
            statement.execute("""
                    CREATE TABLE events (event_time TIMESTAMPTZ, event_type VARCHAR, product_id BIGINT,
                        category_id BIGINT, category_code VARCHAR, main_category VARCHAR, sub_category VARCHAR,
                        item_category VARCHAR, brand VARCHAR, price DECIMAL(12, 2), user_id BIGINT,
                        user_session VARCHAR, event_hour SMALLINT)""");
            try (PreparedStatement insert = duckdb.prepareStatement("""
                    INSERT INTO events VALUES (CAST(? AS TIMESTAMPTZ), ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DECIMAL(12, 2)),
                        ?, ?, ?)""")) {
                for (SilverRow row : rows) {
                    String[] levels = row.categoryCode().isEmpty() ? new String[0] : row.categoryCode().split("\\.");
                    insert.setString(1, TIME.format(row.eventTime()));
                    insert.setString(2, row.eventType());
                    insert.setLong(3, row.productId());
                    insert.setLong(4, row.categoryId());
                    insert.setString(5, row.categoryCode());
                    insert.setString(6, level(levels, 0));
                    insert.setString(7, level(levels, 1));
                    insert.setString(8, levels.length > 2 ? String.join(".", Arrays.copyOfRange(levels, 2, levels.length)) : "");
                    insert.setString(9, row.brand());
                    insert.setString(10, row.price().toPlainString());
                    insert.setLong(11, row.userId());
                    insert.setString(12, row.userSession());
                    insert.setShort(13, (short) row.eventTime().atZone(ZoneOffset.UTC).getHour());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            statement.execute("COPY events TO '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT parquet)");
        }
    }

    private static String level(String[] levels, int index) {
        return index < levels.length ? levels[index] : "";
    }
}
