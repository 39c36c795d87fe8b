package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.config.EmbeddedDuckDb;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Computes a day's gold from local silver Parquet files with an embedded, in-memory DuckDB ({@link DayScan}: the
 * files are read once per day). Only events whose event_time falls in the day count, so the figure is exactly the
 * day's even if a file held a stray row. Thread-safe: every scan opens its own database.
 */
public final class DailyAggregator {

    private final Properties settings;

    /**
     * @param threads DuckDB worker threads
     * @param memoryLimit DuckDB memory limit, e.g. {@code 1GB}
     * @param spillDir where DuckDB spills beyond its memory limit
     */
    public DailyAggregator(int threads, String memoryLimit, Path spillDir) {
        this.settings = EmbeddedDuckDb.settings(threads, memoryLimit, spillDir);
    }

    /**
     * One embedded DuckDB database for the days of one build: every {@link #scan} gets a connection of its own, and
     * they share the database's threads and memory limit. Close it after its scans.
     */
    public final class Engine implements AutoCloseable {

        private final DuckDBConnection root;
        private final AtomicLong scans = new AtomicLong();

        private Engine() throws SQLException {
            Properties streaming = (Properties) settings.clone();
            streaming.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
            this.root = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", streaming);
        }

        /** Reads the day's {@code files} (at least one) once, for every figure, id and breakdown of the day. */
        public DayScan scan(String dataset, LocalDate day, List<Path> files) throws SQLException {
            return DayScan.open(root.duplicate(), day.toString().replace("-", "") + "_" + scans.incrementAndGet(),
                    dataset, day, files);
        }

        @Override
        public void close() throws SQLException {
            root.close();
        }
    }

    /** A database for the days of one build. */
    public Engine engine() throws SQLException {
        return new Engine();
    }

    /** The day's figures over {@code files}, or empty when they hold no event of that day. */
    public Optional<DailyKpi> aggregate(String dataset, LocalDate day, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try (Engine engine = engine(); DayScan scan = engine.scan(dataset, day, files)) {
            return scan.figures();
        }
    }
}
