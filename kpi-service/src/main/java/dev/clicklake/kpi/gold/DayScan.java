package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.store.SessionDictionary;
import dev.clicklake.kpi.store.SessionFactsCsv;
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

    private static final String SESSIONS = "SELECT DISTINCT user_session FROM day_events WHERE user_session IS NOT NULL ORDER BY 1";

    private static final String USERS = """
            SELECT user_id, bool_or(event_type = 'purchase') FROM day_events GROUP BY user_id ORDER BY user_id""";

    // once the sessions are numbered, each event gets its session's number (null without a session), so the
    // queries below group on a BIGINT instead of joining the UUIDs again
    private static final String ADD_SESSION_NUMBERS = """
            CREATE TABLE day_numbered AS
            SELECT e.*, s.id AS session_id FROM day_events e LEFT JOIN session_ids s ON s.user_session = e.user_session;
            DROP TABLE day_events;
            ALTER TABLE day_numbered RENAME TO day_events
            """;

    private static final String NUMBERED_SESSIONS = """
            SELECT session_id, bool_or(event_type = 'view'), bool_or(event_type = 'cart'), bool_or(event_type = 'purchase'),
                   count(*), min(event_us), max(event_us)
            FROM day_events
            WHERE session_id IS NOT NULL
            GROUP BY session_id
            ORDER BY session_id
            """;

    // the members of one dimension, numbered in their order: the three streams below are merged on the number
    private static final String MEMBERS = """
            CREATE OR REPLACE TABLE day_members AS
            SELECT member, CAST(row_number() OVER (ORDER BY member) AS BIGINT) AS m
            FROM (SELECT DISTINCT %s AS member FROM day_events)
            """;

    private static final String MEMBER_COUNTS = """
            SELECT d.m, d.member,
                   count(*),
                   count(*) FILTER (WHERE e.event_type = 'view'),
                   count(*) FILTER (WHERE e.event_type = 'cart'),
                   count(*) FILTER (WHERE e.event_type = 'remove_from_cart'),
                   count(*) FILTER (WHERE e.event_type = 'purchase'),
                   CAST(coalesce(sum(e.price) FILTER (WHERE e.event_type = 'purchase'), 0) AS DECIMAL(18, 2))
            FROM day_events e JOIN day_members d ON d.member = e.%s
            GROUP BY d.m, d.member
            ORDER BY d.m
            """;

    private static final String MEMBER_USERS = """
            SELECT d.m, e.user_id, bool_or(e.event_type = 'purchase')
            FROM day_events e JOIN day_members d ON d.member = e.%s
            GROUP BY d.m, e.user_id
            ORDER BY d.m, e.user_id
            """;

    private static final String MEMBER_SESSIONS = """
            SELECT d.m, e.session_id, bool_or(e.event_type = 'cart'), bool_or(e.event_type = 'purchase')
            FROM day_events e JOIN day_members d ON d.member = e.%s
            WHERE e.session_id IS NOT NULL
            GROUP BY d.m, e.session_id
            ORDER BY d.m, e.session_id
            """;

    private final Connection duckdb;
    private final String dataset;
    private final LocalDate day;
    private final String eventsTable;
    private final String idsTable;
    private final String membersTable;
    private boolean sessionsNumbered;

    private DayScan(Connection duckdb, String dataset, LocalDate day, String events, String sessionIds) {
        this.duckdb = duckdb;
        this.dataset = dataset;
        this.day = day;
        this.eventsTable = events;
        this.idsTable = sessionIds;
        this.membersTable = events.replace("day_events", "day_members");
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

    /** The day's distinct sessions, ascending, for {@link SessionDictionary#number} and {@link #sessionIds}. */
    public List<String> sessions() throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet row = statement.executeQuery(sql(SESSIONS))) {
            while (row.next()) {
                sessions.add(row.getString(1));
            }
        }
        return sessions;
    }

    /**
     * Where the dictionary numbers of the day's sessions go, each once (DuckDB's appender); close it before {@link
     * #idSets} and {@link #breakdown}, which join on them.
     */
    public SessionIds sessionIds() throws SQLException {
        if (sessionsNumbered) {
            throw new IllegalStateException("the day's sessions are numbered once");
        }
        return new SessionIds();
    }

    /** Gives DuckDB the number of every session of the day at once (see {@link #sessionIds}). */
    public void numberSessions(Map<String, Long> sessionIds) throws SQLException {
        try (SessionIds ids = sessionIds()) {
            for (Map.Entry<String, Long> session : sessionIds.entrySet()) {
                ids.accept(session.getKey(), session.getValue());
            }
        }
    }

    /** The numbers of the day's sessions, appended into its scan's table. */
    public final class SessionIds implements SessionDictionary.Numbered, AutoCloseable {

        private final DuckDBAppender appender;

        private SessionIds() throws SQLException {
            this.appender = duckdb.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, idsTable);
        }

        @Override
        public void accept(String session, long id) throws SQLException {
            appender.beginRow();
            appender.append(session);
            appender.append(id);
            appender.endRow();
        }

        @Override
        public void close() throws SQLException {
            appender.close();
            try (Statement statement = duckdb.createStatement()) {
                for (String step : sql(ADD_SESSION_NUMBERS).split(";")) {
                    statement.execute(step);
                }
            }
            sessionsNumbered = true;
        }
    }

    /**
     * The day's id sets, built in id order from DuckDB's grouping (users by user_id, sessions by number), while each
     * numbered session's facts stream into {@code facts}. Number the sessions first.
     */
    public IdSets idSets(SessionFactsCsv facts) throws SQLException {
        requireNumbered();
        IdSets.Builder sets = new IdSets.Builder();
        try (Statement statement = duckdb.createStatement()) {
            try (ResultSet row = statement.executeQuery(sql(USERS))) {
                while (row.next()) {
                    sets.addUser(row.getLong(1), row.getBoolean(2));
                }
            }
            try (ResultSet row = statement.executeQuery(sql(NUMBERED_SESSIONS))) {
                while (row.next()) {
                    long id = row.getLong(1);
                    long events = row.getLong(5);
                    long first = row.getLong(6);
                    long last = row.getLong(7);
                    sets.addSession(id, row.getBoolean(2), row.getBoolean(3), row.getBoolean(4), events, last - first);
                    facts.add(id, first, last, events);
                }
            }
        }
        return sets.build();
    }

    /**
     * Streams the day's figures per member of {@code dimension} to {@code sink}, one complete member at a time, in
     * member order: DuckDB numbers the members, then groups the counts, the (member, user) and the (member, session)
     * pairs in three sorted streams (spilling beyond its memory limit) that are merged on the member's number, so Java
     * holds one member's bitmaps, built in id order. Number the sessions first.
     */
    public void breakdown(Dimension dimension, MemberSink sink) throws SQLException {
        requireNumbered();
        String column = column(dimension);
        DuckDBConnection connection = duckdb.unwrap(DuckDBConnection.class);
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql(MEMBERS.formatted(column)));
        }
        try (Connection usersConnection = connection.duplicate(); Connection sessionsConnection = connection.duplicate();
                Statement countsQuery = duckdb.createStatement();
                Statement usersQuery = usersConnection.createStatement();
                Statement sessionsQuery = sessionsConnection.createStatement();
                ResultSet counts = countsQuery.executeQuery(sql(MEMBER_COUNTS.formatted(column)));
                ResultSet users = usersQuery.executeQuery(sql(MEMBER_USERS.formatted(column)));
                ResultSet sessions = sessionsQuery.executeQuery(sql(MEMBER_SESSIONS.formatted(column)))) {
            boolean moreUsers = users.next();
            boolean moreSessions = sessions.next();
            while (counts.next()) {
                long m = counts.getLong(1);
                MemberFigures member = new MemberFigures(counts.getString(2));
                member.addCounts(counts.getLong(3), counts.getLong(4), counts.getLong(5), counts.getLong(6),
                        counts.getLong(7), counts.getBigDecimal(8));
                while (moreUsers && users.getLong(1) == m) {
                    member.addUser(users.getLong(2), users.getBoolean(3));
                    moreUsers = users.next();
                }
                while (moreSessions && sessions.getLong(1) == m) {
                    member.addSession(sessions.getLong(2), sessions.getBoolean(3), sessions.getBoolean(4));
                    moreSessions = sessions.next();
                }
                sink.accept(member);
            }
            if (moreUsers || moreSessions) {
                throw new IllegalStateException("the " + dimension.parameter() + " breakdown of " + day
                        + " has ids of a member it has no counts for");
            }
        } finally {
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + membersTable);
            }
        }
    }

    private void requireNumbered() {
        if (!sessionsNumbered) {
            throw new IllegalStateException("number the day's sessions first");
        }
    }

    @Override
    public void close() throws SQLException {
        try (duckdb; Statement statement = duckdb.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + eventsTable);
            statement.execute("DROP TABLE IF EXISTS " + idsTable);
            statement.execute("DROP TABLE IF EXISTS " + membersTable);
        }
    }

    /** {@code sql} on this scan's tables. */
    private String sql(String sql) {
        return sql.replace("day_events", eventsTable).replace("session_ids", idsTable)
                .replace("day_members", membersTable).replace("day_numbered", eventsTable + "_numbered");
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
