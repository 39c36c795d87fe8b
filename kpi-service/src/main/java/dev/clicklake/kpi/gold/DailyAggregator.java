package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.config.EmbeddedDuckDb;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

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

    /** Reads the day's {@code files} (at least one) once, for every figure, id and breakdown of the day. */
    public DayScan scan(String dataset, LocalDate day, List<Path> files) throws SQLException {
        return DayScan.open(dataset, day, files, settings);
    }

    /** The day's figures over {@code files}, or empty when they hold no event of that day. */
    public Optional<DailyKpi> aggregate(String dataset, LocalDate day, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try (DayScan scan = scan(dataset, day, files)) {
            return scan.figures();
        }
    }

    /** The users and sessions of {@code day} over {@code files}, for the day's id sets. */
    public DayIdentities identities(LocalDate day, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            return new DayIdentities(List.of(), List.of());
        }
        try (DayScan scan = scan("", day, files)) {
            return scan.identities();
        }
    }

    /**
     * Streams the day's figures per member of {@code dimension} to {@code sink}, one complete member at a time.
     *
     * @param sessionIds the dictionary id of every session of the day
     */
    public void breakdown(LocalDate day, List<Path> files, Dimension dimension, Map<String, Long> sessionIds,
            MemberSink sink) throws SQLException {
        if (files.isEmpty()) {
            return;
        }
        try (DayScan scan = scan("", day, files)) {
            scan.numberSessions(sessionIds);
            scan.breakdown(dimension, sink);
        }
    }
}
