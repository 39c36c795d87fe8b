package dev.clicklake.enrich.parquet;

import dev.clicklake.enrich.pipeline.SilverEvent;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Collects cleaned events in an embedded DuckDB (through its appender) and writes them out as zstd
 * Parquet, one file per event_date, each holding that date's distinct events sorted by
 * (event_time, user_session) and then by every other column, so the same input always gives the same rows
 * in the same order. DuckDB works within the memory limit it is given and spills to {@code folder} beyond it.
 *
 * <p>The file schema is silver-events/1; event_date is not a column but the Hive partition in the lake path.
 */
public final class SilverParquetWriter implements AutoCloseable {

    private static final String TABLE = "events";
    private static final String CREATE_TABLE = """
            CREATE TABLE events (
                event_time TIMESTAMPTZ NOT NULL,
                event_type VARCHAR NOT NULL,
                product_id BIGINT NOT NULL,
                category_id BIGINT NOT NULL,
                category_code VARCHAR NOT NULL,
                main_category VARCHAR NOT NULL,
                sub_category VARCHAR NOT NULL,
                item_category VARCHAR NOT NULL,
                brand VARCHAR NOT NULL,
                price DECIMAL(12,2) NOT NULL,
                user_id BIGINT NOT NULL,
                user_session VARCHAR,
                event_hour TINYINT NOT NULL,
                event_date DATE NOT NULL)""";
    private static final String FILE_COLUMNS = "event_time, event_type, product_id, category_id, category_code, "
            + "main_category, sub_category, item_category, brand, price, user_id, user_session, event_hour";
    private static final String SORT_ORDER = "event_time, user_session, event_type, product_id, category_id, "
            + "category_code, brand, price, user_id";

    private final Path folder;
    private final DuckDBConnection connection;
    private final DuckDBAppender appender;

    /**
     * @param folder an empty local folder for the Parquet files and DuckDB's spill files; the caller deletes it
     */
    public SilverParquetWriter(Path folder, DuckDbSettings settings) throws SQLException {
        this.folder = folder;
        this.connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + settings.threads());
            statement.execute("SET memory_limit = '" + settings.memoryLimit() + "'");
            statement.execute("SET temp_directory = " + literal(folder.resolve("duckdb-spill")));
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET preserve_insertion_order = false");
            statement.execute(CREATE_TABLE);
            this.appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    public void append(SilverEvent event) throws SQLException {
        appender.beginRow()
                .appendEpochMicros(epochMicros(event.eventTime()))
                .append(event.eventType())
                .append(event.productId())
                .append(event.categoryId())
                .append(event.categoryCode())
                .append(event.mainCategory())
                .append(event.subCategory())
                .append(event.itemCategory())
                .append(event.brand())
                .appendDecimal(event.priceCents())
                .append(event.userId());
        if (event.userSession() == null) {
            appender.appendNull();
        } else {
            appender.append(event.userSession());
        }
        appender.append((byte) event.eventHour())
                .appendEpochDays((int) event.eventDate().toEpochDay())
                .endRow();
    }

    /** Writes one Parquet file per event_date into the folder, in date order; call once, after the last append. */
    public List<ParquetPartition> finish() throws SQLException {
        appender.close();
        List<ParquetPartition> partitions = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            List<long[]> dates = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT epoch_ms(event_date) // 86400000, count(*) FROM events GROUP BY 1 ORDER BY 1")) {
                while (rows.next()) {
                    dates.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
            for (long[] date : dates) {
                LocalDate eventDate = LocalDate.ofEpochDay(date[0]);
                Path file = folder.resolve("event_date=" + eventDate + ".parquet");
                long written = statement.executeUpdate("COPY (SELECT DISTINCT " + FILE_COLUMNS + " FROM events"
                        + " WHERE event_date = DATE '" + eventDate + "' ORDER BY " + SORT_ORDER + ") TO " + literal(file)
                        + " (FORMAT parquet, COMPRESSION zstd)");
                partitions.add(new ParquetPartition(eventDate, file, date[1], written));
            }
        }
        return partitions;
    }

    @Override
    public void close() throws SQLException {
        try {
            appender.close();
        } finally {
            connection.close();
        }
    }

    private static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
