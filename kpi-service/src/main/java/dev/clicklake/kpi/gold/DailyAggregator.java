package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.config.EmbeddedDuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;

/**
 * Computes a day's {@link DailyKpi} from local silver Parquet files with an embedded, in-memory DuckDB.
 * Only events whose event_time falls in the day count, so the figure is exactly the day's even if a file
 * held a stray row. Thread-safe: every call opens its own database.
 */
public final class DailyAggregator {

    private static final String FIGURES = """
            SELECT count(*),
                   count(*) FILTER (WHERE event_type = 'view'),
                   count(*) FILTER (WHERE event_type = 'cart'),
                   count(*) FILTER (WHERE event_type = 'remove_from_cart'),
                   count(*) FILTER (WHERE event_type = 'purchase'),
                   CAST(coalesce(sum(price) FILTER (WHERE event_type = 'purchase'), 0) AS DECIMAL(18, 2)),
                   count(DISTINCT user_id),
                   count(DISTINCT user_session)
            FROM read_parquet([%s], hive_partitioning = false)
            WHERE event_time >= TIMESTAMPTZ '%s 00:00:00+00' AND event_time < TIMESTAMPTZ '%s 00:00:00+00'
            """;

    private static final String USERS = """
            SELECT user_id, bool_or(event_type = 'purchase')
            FROM read_parquet([%s], hive_partitioning = false)
            WHERE %s
            GROUP BY user_id
            """;

    private static final String SESSIONS = """
            SELECT user_session,
                   bool_or(event_type = 'view'), bool_or(event_type = 'cart'), bool_or(event_type = 'purchase'),
                   count(*),
                   epoch_us(min(event_time)), epoch_us(max(event_time))
            FROM read_parquet([%s], hive_partitioning = false)
            WHERE user_session IS NOT NULL AND %s
            GROUP BY user_session
            """;

    // one row per (member, user, session) of the day, in member order: a member is complete when the next begins
    private static final String BREAKDOWN = """
            SELECT %s AS member, user_id, user_session,
                   count(*),
                   count(*) FILTER (WHERE event_type = 'view'),
                   count(*) FILTER (WHERE event_type = 'cart'),
                   count(*) FILTER (WHERE event_type = 'remove_from_cart'),
                   count(*) FILTER (WHERE event_type = 'purchase'),
                   CAST(coalesce(sum(price) FILTER (WHERE event_type = 'purchase'), 0) AS DECIMAL(18, 2))
            FROM read_parquet([%s], hive_partitioning = false)
            WHERE %s
            GROUP BY ALL
            ORDER BY member
            """;

    private static final String IN_DAY = "event_time >= TIMESTAMPTZ '%s 00:00:00+00' AND event_time < TIMESTAMPTZ '%s 00:00:00+00'";

    private final Properties settings;

    /**
     * @param threads DuckDB worker threads
     * @param memoryLimit DuckDB memory limit, e.g. {@code 1GB}
     * @param spillDir where DuckDB spills beyond its memory limit
     */
    public DailyAggregator(int threads, String memoryLimit, Path spillDir) {
        this.settings = EmbeddedDuckDb.settings(threads, memoryLimit, spillDir);
    }

    /** The day's figures over {@code files}, or empty when they hold no event of that day. */
    public Optional<DailyKpi> aggregate(String dataset, LocalDate day, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        String sql = FIGURES.formatted(files.stream().map(DailyAggregator::literal).collect(Collectors.joining(", ")),
                day, day.plusDays(1));
        try (Connection duckdb = new DuckDBDriver().connect("jdbc:duckdb:", (Properties) settings.clone());
                Statement statement = duckdb.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            long events = row.getLong(1);
            if (events == 0) {
                return Optional.empty();
            }
            return Optional.of(new DailyKpi(dataset, day, events, row.getLong(2), row.getLong(3), row.getLong(4),
                    row.getLong(5), row.getBigDecimal(6), row.getLong(7), row.getLong(8)));
        }
    }

    /** The users and sessions of {@code day} over {@code files}, for the day's id sets. */
    public DayIdentities identities(LocalDate day, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            return new DayIdentities(List.of(), List.of());
        }
        String sources = files.stream().map(DailyAggregator::literal).collect(Collectors.joining(", "));
        String inDay = IN_DAY.formatted(day, day.plusDays(1));
        List<UserFact> users = new ArrayList<>();
        List<SessionFact> sessions = new ArrayList<>();
        try (Connection duckdb = new DuckDBDriver().connect("jdbc:duckdb:", (Properties) settings.clone());
                Statement statement = duckdb.createStatement()) {
            try (ResultSet row = statement.executeQuery(USERS.formatted(sources, inDay))) {
                while (row.next()) {
                    users.add(new UserFact(row.getLong(1), row.getBoolean(2)));
                }
            }
            try (ResultSet row = statement.executeQuery(SESSIONS.formatted(sources, inDay))) {
                while (row.next()) {
                    sessions.add(new SessionFact(row.getString(1), row.getBoolean(2), row.getBoolean(3),
                            row.getBoolean(4), row.getLong(5), row.getLong(6), row.getLong(7)));
                }
            }
        }
        return new DayIdentities(users, sessions);
    }

    /**
     * Streams the day's figures per member of {@code dimension} to {@code sink}, one complete member at a time:
     * DuckDB groups and sorts (spilling beyond its memory limit), Java holds one member's bitmaps.
     *
     * @param sessionIds the dictionary id of every session of the day
     */
    public void breakdown(LocalDate day, List<Path> files, Dimension dimension, Map<String, Long> sessionIds,
            MemberSink sink) throws SQLException {
        if (files.isEmpty()) {
            return;
        }
        String sql = BREAKDOWN.formatted(memberOf(dimension),
                files.stream().map(DailyAggregator::literal).collect(Collectors.joining(", ")),
                IN_DAY.formatted(day, day.plusDays(1)));
        Properties streaming = (Properties) settings.clone();
        streaming.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        try (Connection duckdb = new DuckDBDriver().connect("jdbc:duckdb:", streaming);
                Statement statement = duckdb.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            MemberFigures member = null;
            while (row.next()) {
                String name = row.getString(1);
                if (member == null || !member.member().equals(name)) {
                    if (member != null) {
                        sink.accept(member);
                    }
                    member = new MemberFigures(name);
                }
                String session = row.getString(3);
                member.addGroup(row.getLong(2), session == null ? null : sessionIds.get(session), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getBigDecimal(9));
            }
            if (member != null) {
                sink.accept(member);
            }
        }
    }

    private static String memberOf(Dimension dimension) {
        return switch (dimension) {
            case MAIN_CATEGORY -> "coalesce(main_category, 'unknown')";
            case BRAND -> "coalesce(brand, 'unknown')";
            // epoch arithmetic: the UTC hour whatever the session time zone
            case HOUR -> "CAST(epoch_us(event_time) // 3600000000 % 24 AS VARCHAR)";
        };
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
