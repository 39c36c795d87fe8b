package dev.clicklake.kpi.gold;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One UTC day of silver in an embedded DuckDB: its Parquet files are read ONCE into a table of the columns gold
 * needs (only events whose event_time falls in the day), and every figure, id and breakdown of the day is computed
 * from that table. Each scan has a connection and tables of its own in its {@link DailyAggregator.Engine}'s database,
 * so the days of one build (the one being written, the next being read) share one memory limit, and DuckDB spills
 * beyond it. One thread at a time; close it (its tables are dropped).
 */
public final class DayScan implements AutoCloseable {

    private static final String LOAD = """
            CREATE TABLE day_events AS
            SELECT user_id, user_session, event_type, price,
                   coalesce(main_category, 'unknown') AS main_category,
                   coalesce(brand, 'unknown') AS brand,
                   -- epoch arithmetic: the UTC hour whatever the session time zone
                   CAST(epoch_us(event_time) // 3600000000 %% 24 AS VARCHAR) AS event_hour,
                   epoch_us(event_time) AS event_us
            FROM read_parquet([%s], hive_partitioning = false)
            WHERE event_time >= TIMESTAMPTZ '%s 00:00:00+00' AND event_time < TIMESTAMPTZ '%s 00:00:00+00'
            """;

    private static final String FIGURES = """
            SELECT count(*),
                   count(*) FILTER (WHERE event_type = 'view'),
                   count(*) FILTER (WHERE event_type = 'cart'),
                   count(*) FILTER (WHERE event_type = 'remove_from_cart'),
                   count(*) FILTER (WHERE event_type = 'purchase'),
                   CAST(coalesce(sum(price) FILTER (WHERE event_type = 'purchase'), 0) AS DECIMAL(18, 2)),
                   count(DISTINCT user_id),
                   count(DISTINCT user_session)
            FROM day_events
            """;

    private static final String USERS = "SELECT user_id, bool_or(event_type = 'purchase') FROM day_events GROUP BY user_id";

    private static final String SESSIONS = """
            SELECT user_session,
                   bool_or(event_type = 'view'), bool_or(event_type = 'cart'), bool_or(event_type = 'purchase'),
                   count(*), min(event_us), max(event_us)
            FROM day_events
            WHERE user_session IS NOT NULL
            GROUP BY user_session
            """;

    // one row per (member, user, session) of the day, in member order: a member is complete when the next begins
    private static final String BREAKDOWN = """
            SELECT e.%s AS member, e.user_id, s.id,
                   count(*),
                   count(*) FILTER (WHERE e.event_type = 'view'),
                   count(*) FILTER (WHERE e.event_type = 'cart'),
                   count(*) FILTER (WHERE e.event_type = 'remove_from_cart'),
                   count(*) FILTER (WHERE e.event_type = 'purchase'),
                   CAST(coalesce(sum(e.price) FILTER (WHERE e.event_type = 'purchase'), 0) AS DECIMAL(18, 2))
            FROM day_events e LEFT JOIN session_ids s ON s.user_session = e.user_session
            GROUP BY ALL
            ORDER BY member
            """;

    private final Connection duckdb;
    private final String dataset;
    private final LocalDate day;
    private final String eventsTable;
    private final String idsTable;
    private boolean sessionsNumbered;

    private DayScan(Connection duckdb, String dataset, LocalDate day, String events, String sessionIds) {
        this.duckdb = duckdb;
        this.dataset = dataset;
        this.day = day;
        this.eventsTable = events;
        this.idsTable = sessionIds;
    }

    /**
     * Reads {@code files} (the day's silver, local; at least one) once, on {@code duckdb} (a connection of its own,
     * closed with the scan), into tables named after {@code name} (unique within the database).
     */
    static DayScan open(Connection duckdb, String name, String dataset, LocalDate day, List<Path> files)
            throws SQLException {
        if (files.isEmpty()) {
            duckdb.close();
            throw new IllegalArgumentException("a day scan reads at least one silver file");
        }
        DayScan scan = new DayScan(duckdb, dataset, day, "day_events_" + name, "session_ids_" + name);
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(scan.sql(LOAD.formatted(files.stream().map(DayScan::literal).collect(Collectors.joining(", ")),
                    day, day.plusDays(1))));
            statement.execute(scan.sql("CREATE TABLE session_ids (user_session VARCHAR, id BIGINT)"));
            return scan;
        } catch (SQLException | RuntimeException e) {
            scan.close();
            throw e;
        }
    }

    /** The day's figures, or empty when it has no event. */
    public Optional<DailyKpi> figures() throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet row = statement.executeQuery(sql(FIGURES))) {
            row.next();
            long events = row.getLong(1);
            if (events == 0) {
                return Optional.empty();
            }
            return Optional.of(new DailyKpi(dataset, day, events, row.getLong(2), row.getLong(3), row.getLong(4),
                    row.getLong(5), row.getBigDecimal(6), row.getLong(7), row.getLong(8)));
        }
    }

    /** The day's users (and whether they bought) and sessions, for its id sets. */
    public DayIdentities identities() throws SQLException {
        List<UserFact> users = new ArrayList<>();
        List<SessionFact> sessions = new ArrayList<>();
        try (Statement statement = duckdb.createStatement()) {
            try (ResultSet row = statement.executeQuery(sql(USERS))) {
                while (row.next()) {
                    users.add(new UserFact(row.getLong(1), row.getBoolean(2)));
                }
            }
            try (ResultSet row = statement.executeQuery(sql(SESSIONS))) {
                while (row.next()) {
                    sessions.add(new SessionFact(row.getString(1), row.getBoolean(2), row.getBoolean(3),
                            row.getBoolean(4), row.getLong(5), row.getLong(6), row.getLong(7)));
                }
            }
        }
        return new DayIdentities(users, sessions);
    }

    /** Gives DuckDB the dictionary number of every session of the day, for {@link #breakdown}. */
    public void numberSessions(Map<String, Long> sessionIds) throws SQLException {
        try (DuckDBAppender appender = duckdb.unwrap(DuckDBConnection.class).createAppender(
                DuckDBConnection.DEFAULT_SCHEMA, idsTable)) {
            for (Map.Entry<String, Long> session : sessionIds.entrySet()) {
                appender.beginRow();
                appender.append(session.getKey());
                appender.append(session.getValue().longValue());
                appender.endRow();
            }
        }
        sessionsNumbered = true;
    }

    /**
     * Streams the day's figures per member of {@code dimension} to {@code sink}, one complete member at a time:
     * DuckDB groups and sorts (spilling beyond its memory limit), Java holds one member's bitmaps. Call
     * {@link #numberSessions} first.
     */
    public void breakdown(Dimension dimension, MemberSink sink) throws SQLException {
        if (!sessionsNumbered) {
            throw new IllegalStateException("number the day's sessions before its breakdowns");
        }
        try (PreparedStatement statement = duckdb.prepareStatement(sql(BREAKDOWN.formatted(column(dimension))));
                ResultSet row = statement.executeQuery()) {
            MemberFigures member = null;
            while (row.next()) {
                String name = row.getString(1);
                if (member == null || !member.member().equals(name)) {
                    if (member != null) {
                        sink.accept(member);
                    }
                    member = new MemberFigures(name);
                }
                long id = row.getLong(3);
                Long session = row.wasNull() ? null : id;
                member.addGroup(row.getLong(2), session, row.getLong(4), row.getLong(5),
                        row.getLong(6), row.getLong(7), row.getLong(8), row.getBigDecimal(9));
            }
            if (member != null) {
                sink.accept(member);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (duckdb; Statement statement = duckdb.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + eventsTable);
            statement.execute("DROP TABLE IF EXISTS " + idsTable);
        }
    }

    /** {@code sql} on this scan's tables. */
    private String sql(String sql) {
        return sql.replace("day_events", eventsTable).replace("session_ids", idsTable);
    }

    private static String column(Dimension dimension) {
        return switch (dimension) {
            case MAIN_CATEGORY -> "main_category";
            case BRAND -> "brand";
            case HOUR -> "event_hour";
        };
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
