package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.DaySets;
import dev.clicklake.kpi.gold.IdSets;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
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
    private static final String COPY_FACTS = """
            COPY daily_session_facts (dataset, event_date, session_id, first_us, last_us, events)
            FROM STDIN (FORMAT csv)""";
    private static final String DAYS = "SELECT event_date FROM daily_id_sets WHERE dataset = ? ORDER BY event_date";
    private static final String DAY = """
            SELECT users, buyers, sessions, viewing_sessions, carting_sessions, purchasing_sessions,
                   session_events, session_duration_us, bounced_sessions
            FROM daily_id_sets WHERE dataset = ? AND event_date = ?""";
    private static final String SESSION_FACTS = """
            SELECT f.session_id, f.first_us, f.last_us, f.events
            -- a join, not "session_id = ANY(array)": that compares every fact with every id of the array
            FROM unnest(?::bigint[]) AS m (session_id)
            JOIN daily_session_facts f ON f.dataset = ? AND f.event_date = ? AND f.session_id = m.session_id""";

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
     * Makes {@code sets} and the session facts of {@code facts} ({@link SessionFactsCsv}) the day's, or removes the
     * day when it has no events (both empty); call inside a transaction.
     */
    public void replaceDay(String dataset, LocalDate date, Optional<IdSets> sets, Optional<Path> facts)
            throws SQLException {
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
                if (facts.isPresent()) {
                    copyFacts(connection, date, facts.get());
                }
            }
        }
    }

    /** The days of {@code dataset} that have id sets, in ascending order. */
    public List<LocalDate> days(String dataset) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(DAYS)) {
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    days.add(row.getDate(1).toLocalDate());
                }
            }
        }
        return days;
    }

    /** The id sets of one day of {@code dataset}, which must have them. */
    public IdSets day(String dataset, LocalDate date) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(DAY)) {
            query.setString(1, dataset);
            query.setDate(2, Date.valueOf(date));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no id sets for " + dataset + " " + date);
                }
                return new IdSets(bitmap(row, 1), bitmap(row, 2), bitmap(row, 3), bitmap(row, 4), bitmap(row, 5),
                        bitmap(row, 6), row.getLong(7), row.getLong(8), row.getLong(9));
            }
        }
    }

    /** The stored days of {@code dataset}, read in the caller's transaction. */
    public DaySets of(String dataset) {
        return new DaySets() {
            @Override
            public IdSets day(LocalDate date) throws SQLException {
                return IdSetsRepository.this.day(dataset, date);
            }

            @Override
            public void sessionFacts(LocalDate date, Roaring64NavigableMap sessions, SessionFactSink sink)
                    throws SQLException {
                IdSetsRepository.this.sessionFacts(dataset, date, sessions, sink);
            }
        };
    }

    /** What {@code date} stored about each of {@code sessions} that it has, streamed into {@code sink}. */
    public void sessionFacts(String dataset, LocalDate date, Roaring64NavigableMap sessions, DaySets.SessionFactSink sink)
            throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(SESSION_FACTS)) {
            query.setFetchSize(10_000);
            query.setArray(1, connection.createArrayOf("bigint", boxed(sessions.toArray())));
            query.setString(2, dataset);
            query.setDate(3, Date.valueOf(date));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    sink.accept(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
                }
            }
        }
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

    private static void copyFacts(Connection connection, LocalDate date, Path facts) throws SQLException {
        try (Reader rows = Files.newBufferedReader(facts, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_FACTS, rows);
        } catch (IOException e) {
            throw new SQLException("cannot copy the session facts of " + date + " to PostgreSQL", e);
        }
    }

    private static Long[] boxed(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }

    private static Roaring64NavigableMap bitmap(ResultSet row, int column) throws SQLException {
        return BitmapCodec.fromBytes(row.getBytes(column));
    }
}
