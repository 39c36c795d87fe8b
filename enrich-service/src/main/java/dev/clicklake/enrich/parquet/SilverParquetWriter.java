package dev.clicklake.enrich.parquet;

import dev.clicklake.enrich.pipeline.SilverEvent;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Collects cleaned events in an embedded DuckDB (through its appender) and writes them out as zstd
 * Parquet, one file per event_date, each holding that date's distinct events sorted by
 * (event_time, user_session) and then by every other column, so the same input always gives the same rows
 * in the same order. DuckDB works within the memory limit it is given and spills to {@code folder} beyond it.
 *
 * <p>Appending runs on a thread of its own, fed in batches through a small bounded queue, so that the caller
 * can parse the next rows meanwhile; {@link #finish} waits for it. Not thread-safe: one caller at a time.
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

    private static final int BATCH_ROWS = 2048;
    private static final int BATCHES_IN_FLIGHT = 4;
    private static final SilverEvent[] END = new SilverEvent[0];

    private final Path folder;
    private final DuckDBConnection connection;
    private final DuckDBAppender appender;
    private final BlockingQueue<SilverEvent[]> handOff = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final ExecutorService appenderThread = Executors.newSingleThreadExecutor(
            task -> new Thread(task, "silver-appender"));
    private final Future<Void> appending;
    private SilverEvent[] batch = new SilverEvent[BATCH_ROWS];
    private int batched;
    private boolean ended;

    /**
     * @param folder an empty local folder for the Parquet files and DuckDB's spill files; the caller deletes it
     */
    public SilverParquetWriter(Path folder, DuckDbSettings settings) throws SQLException {
        this.folder = folder;
        this.connection = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
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
            appenderThread.shutdown();
            throw e;
        }
        this.appending = appenderThread.submit(this::appendBatches);
    }

    public void append(SilverEvent event) throws InterruptedException {
        batch[batched++] = event;
        if (batched == BATCH_ROWS) {
            handOffBatch();
        }
    }

    private void handOffBatch() throws InterruptedException {
        handOff.put(batched == BATCH_ROWS ? batch : Arrays.copyOf(batch, batched));
        batch = new SilverEvent[BATCH_ROWS];
        batched = 0;
    }

    private void endBatches() throws InterruptedException {
        if (!ended) {
            ended = true;
            if (batched > 0) {
                handOffBatch();
            }
            handOff.put(END);
        }
    }

    /** The appender thread: takes every batch until the end, even after a failure, so the caller never blocks. */
    private Void appendBatches() throws SQLException, InterruptedException {
        SQLException failure = null;
        for (SilverEvent[] events = handOff.take(); events != END; events = handOff.take()) {
            try {
                for (int i = 0; i < events.length && failure == null; i++) {
                    appendRow(events[i]);
                }
            } catch (SQLException e) {
                failure = e;
            }
        }
        appender.close();
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    private void appendRow(SilverEvent event) throws SQLException {
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
    public List<ParquetPartition> finish() throws SQLException, InterruptedException {
        endBatches();
        awaitAppender();
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

    private void awaitAppender() throws SQLException, InterruptedException {
        try {
            appending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("appending to DuckDB failed", e.getCause());
        }
    }

    /** Discards whatever was not finished, then releases DuckDB; the folder's files stay for the caller to delete. */
    @Override
    public void close() throws SQLException {
        appenderThread.shutdownNow(); // a thread waiting for batches stops now, one appending at its next wait
        boolean interrupted = false;
        while (!appenderThread.isTerminated()) {
            try {
                appenderThread.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            appender.close();
        } finally {
            connection.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
