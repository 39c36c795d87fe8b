package dev.clicklake.enrich.parquet;

import dev.clicklake.enrich.pipeline.EventKey;
import dev.clicklake.enrich.pipeline.EventKeySet;
import dev.clicklake.enrich.pipeline.SilverEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Writes a split's distinct cleaned events as zstd Parquet, one file per event_date, each holding that date's
 * events but those left out by key, in the order they were appended (the split's line order), so the same
 * input always gives the same rows in the same order. The caller appends each event once (keys are not checked
 * here).
 *
 * <p>Appending stages each row, already cleaned and typed, as a line of a local CSV file of its date
 * ({@link StagedDates}); {@link #finish} then has DuckDB read each date's file with {@code read_csv} (explicit
 * types, no detection, in parallel) and {@code COPY} it to Parquet. When events are to be left out, the date's
 * file is first copied without their lines (the staged keys say which), so DuckDB never reads keys. DuckDB's vectorised reader converts the
 * values in bulk: handing them over value by value through its appender cost about 3 us a row, more than the
 * reading and the rules together. DuckDB streams from the staging file to the Parquet file within the memory
 * limit it is given, and spills to {@code folder} beyond it. Not thread-safe: one caller at a time.
 *
 * <p>The file schema is silver-events/1; event_date is not a column but the Hive partition in the lake path.
 */
public final class SilverParquetWriter implements AutoCloseable {

    private static final String FILE_COLUMNS = "make_timestamp(event_time_us)::TIMESTAMPTZ AS event_time, event_type,"
            + " product_id, category_id, category_code, main_category, sub_category, item_category, brand, price,"
            + " user_id, user_session, event_hour";
    /** DuckDB's default longest CSV line; a longer staged line raises it for that split. */
    private static final int DEFAULT_MAX_LINE_BYTES = 2_000_000;

    private final Path folder;
    private final DuckDBConnection connection;
    private final StagedDates staged;

    /**
     * @param folder an empty local folder for the staging and Parquet files and DuckDB's spill files; the
     *     caller deletes it
     */
    public SilverParquetWriter(Path folder, DuckDbSettings settings) throws SQLException {
        this.folder = folder;
        this.staged = new StagedDates(folder);
        this.connection = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + settings.threads());
            statement.execute("SET memory_limit = '" + settings.memoryLimit() + "'");
            statement.execute("SET temp_directory = " + literal(folder.resolve("duckdb-spill")));
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET preserve_insertion_order = true");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    public void append(SilverEvent event, EventKey key) throws IOException {
        staged.add(event, key);
    }

    /**
     * Writes one Parquet file per event_date that keeps a row, in date order, leaving out the events whose key
     * is in {@code leaveOut}; call once, after the last append.
     */
    public List<ParquetPartition> finish(EventKeySet leaveOut) throws IOException, SQLException {
        List<StagedDates.StagedDate> dates = staged.finish();
        String readOptions = StagedRowEncoder.READ_OPTIONS
                + (staged.longestLine() < DEFAULT_MAX_LINE_BYTES ? "" : ", max_line_size = " + (staged.longestLine() + 1));
        List<ParquetPartition> partitions = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (StagedDates.StagedDate date : dates) {
                StagedDates.StagedDate kept = leaveOut.isEmpty() ? date : staged.without(date, leaveOut);
                if (kept.rows() == 0) {
                    staged.discard(date.eventDate());
                    continue;
                }
                Path file = folder.resolve("event_date=" + date.eventDate() + ".parquet");
                long written = statement.executeUpdate("COPY (SELECT " + FILE_COLUMNS + " FROM read_csv("
                        + literal(kept.file()) + ", " + readOptions + ")) TO " + literal(file)
                        + " (FORMAT parquet, COMPRESSION zstd)");
                staged.discard(date.eventDate());
                if (written != kept.rows()) {
                    throw new SQLException("DuckDB wrote " + written + " rows of " + date.eventDate() + " where "
                            + kept.rows() + " were staged");
                }
                partitions.add(new ParquetPartition(date.eventDate(), file, written));
            }
        }
        return partitions;
    }

    /** Releases DuckDB and the staging files' handles; the folder's files stay for the caller to delete. */
    @Override
    public void close() throws SQLException, IOException {
        try {
            staged.close();
        } finally {
            connection.close();
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
