package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.IdSets;
import dev.clicklake.kpi.gold.MultiDaySessionFacts;
import dev.clicklake.kpi.gold.SessionFact;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/** Reads and replaces the days' id sets ({@code daily_id_sets}). */
@ApplicationScoped
public class IdSetsRepository {

    private static final String DELETE_SETS = "DELETE FROM daily_id_sets WHERE dataset = ? AND event_date = ?";
    private static final String DELETE_FACTS = "DELETE FROM daily_session_facts WHERE dataset = ? AND event_date = ?";
    private static final String INSERT_SETS = """
            INSERT INTO daily_id_sets (dataset, event_date, users, buyers, sessions, viewing_sessions, carting_sessions,
                purchasing_sessions, session_events, session_duration_us, bounced_sessions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_FACTS = """
            INSERT INTO daily_session_facts (dataset, event_date, session_id, first_us, last_us, events)
            SELECT ?, ?, f.session_id, f.first_us, f.last_us, f.events
            FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS f (session_id, first_us, last_us, events)""";
    private static final String RANGE = """
            SELECT users, buyers, sessions, viewing_sessions, carting_sessions, purchasing_sessions,
                   session_events, session_duration_us, bounced_sessions
            FROM daily_id_sets WHERE dataset = ? AND event_date >= ? AND event_date < ?""";
    private static final String MULTI_DAY = """
            WITH parts AS (
                -- a join, not "session_id = ANY(array)": that compares every fact with every id of the array
                SELECT f.session_id, f.first_us, f.last_us, f.events
                FROM unnest(?::bigint[]) AS m (session_id)
                JOIN daily_session_facts f ON f.dataset = ? AND f.session_id = m.session_id
                    AND f.event_date >= ? AND f.event_date < ?)
            SELECT coalesce(sum(last_us - first_us), 0), count(*) FILTER (WHERE events = 1),
                   (SELECT coalesce(sum(span), 0)
                    FROM (SELECT max(last_us) - min(first_us) AS span FROM parts GROUP BY session_id) AS spans)
            FROM parts""";

    private final AgroalDataSource database;

    IdSetsRepository(AgroalDataSource database) {
        this.database = database;
    }

    /**
     * Makes every later read of the current transaction see the same committed gold, so that a reader never
     * mixes two versions of a day; call first in the transaction.
     */
    public void readOneSnapshot() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
            statement.execute();
        }
    }

    /**
     * Makes {@code sets} and {@code sessions} (numbered by {@code sessionIds}) the day's, or removes the day
     * when it has no events; call inside a transaction.
     */
    public void replaceDay(String dataset, LocalDate date, Optional<IdSets> sets, List<SessionFact> sessions,
            Map<String, Long> sessionIds) throws SQLException {
        try (Connection connection = database.getConnection()) {
            for (String delete : List.of(DELETE_SETS, DELETE_FACTS)) {
                try (PreparedStatement statement = connection.prepareStatement(delete)) {
                    statement.setString(1, dataset);
                    statement.setDate(2, Date.valueOf(date));
                    statement.executeUpdate();
                }
            }
            if (sets.isPresent()) {
                insertSets(connection, dataset, date, sets.get());
                insertFacts(connection, dataset, date, sessions, sessionIds);
            }
        }
    }

    /** What the days of [from, to) stored about {@code multiDaySessions}, the range's sessions seen on several days. */
    public MultiDaySessionFacts multiDayFacts(String dataset, LocalDate from, LocalDate to,
            Roaring64NavigableMap multiDaySessions) throws SQLException {
        if (multiDaySessions.isEmpty()) {
            return MultiDaySessionFacts.NONE;
        }
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(MULTI_DAY)) {
            query.setArray(1, connection.createArrayOf("bigint", boxed(multiDaySessions.toArray())));
            query.setString(2, dataset);
            query.setDate(3, Date.valueOf(from));
            query.setDate(4, Date.valueOf(to));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new MultiDaySessionFacts(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        }
    }

    /**
     * The merged id sets of the days of {@code dataset} in [from, to), read and merged a few days at a time;
     * empty sets when none has events.
     */
    public IdSets range(String dataset, LocalDate from, LocalDate to) throws SQLException {
        IdSets.Union days = new IdSets.Union();
        try (Connection connection = database.getConnection();
                PreparedStatement range = connection.prepareStatement(RANGE)) {
            range.setFetchSize(4);
            range.setString(1, dataset);
            range.setDate(2, Date.valueOf(from));
            range.setDate(3, Date.valueOf(to));
            try (ResultSet row = range.executeQuery()) {
                while (row.next()) {
                    days.add(new IdSets(bitmap(row, 1), bitmap(row, 2), bitmap(row, 3), bitmap(row, 4),
                            bitmap(row, 5), bitmap(row, 6), new Roaring64NavigableMap(), row.getLong(7), row.getLong(8),
                            row.getLong(9)));
                }
            }
        }
        return days.result();
    }

    private static void insertSets(Connection connection, String dataset, LocalDate date, IdSets sets)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SETS)) {
            insert.setString(1, dataset);
            insert.setDate(2, Date.valueOf(date));
            insert.setBytes(3, BitmapCodec.toBytes(sets.users()));
            insert.setBytes(4, BitmapCodec.toBytes(sets.buyers()));
            insert.setBytes(5, BitmapCodec.toBytes(sets.sessions()));
            insert.setBytes(6, BitmapCodec.toBytes(sets.viewingSessions()));
            insert.setBytes(7, BitmapCodec.toBytes(sets.cartingSessions()));
            insert.setBytes(8, BitmapCodec.toBytes(sets.purchasingSessions()));
            insert.setLong(9, sets.sessionEvents());
            insert.setLong(10, sets.sessionDurationMicros());
            insert.setLong(11, sets.bouncedSessions());
            insert.executeUpdate();
        }
    }

    private static void insertFacts(Connection connection, String dataset, LocalDate date, List<SessionFact> sessions,
            Map<String, Long> sessionIds) throws SQLException {
        Long[] ids = new Long[sessions.size()];
        Long[] firsts = new Long[sessions.size()];
        Long[] lasts = new Long[sessions.size()];
        Long[] events = new Long[sessions.size()];
        for (int i = 0; i < sessions.size(); i++) {
            SessionFact session = sessions.get(i);
            ids[i] = sessionIds.get(session.session());
            firsts[i] = session.firstMicros();
            lasts[i] = session.lastMicros();
            events[i] = session.events();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FACTS)) {
            insert.setString(1, dataset);
            insert.setDate(2, Date.valueOf(date));
            insert.setArray(3, connection.createArrayOf("bigint", ids));
            insert.setArray(4, connection.createArrayOf("bigint", firsts));
            insert.setArray(5, connection.createArrayOf("bigint", lasts));
            insert.setArray(6, connection.createArrayOf("bigint", events));
            insert.executeUpdate();
        }
    }

    private static Long[] boxed(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }

    private static Roaring64NavigableMap bitmap(ResultSet row, int column) throws SQLException {
        return BitmapCodec.fromBytes(row.getBytes(column));
    }
}
