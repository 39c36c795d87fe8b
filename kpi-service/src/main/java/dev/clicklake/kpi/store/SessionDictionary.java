package dev.clicklake.kpi.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Numbers the session UUIDs of a dataset ({@code session_dictionary}); a UUID keeps its number forever. */
@ApplicationScoped
public class SessionDictionary {

    // One round trip for the usual case: the new sessions come back from the insert (sorted inserts: two days of one
    // dataset that share sessions lock their rows in the same order), the known ones from the join, which sees the
    // dictionary as the statement began.
    private static final String NUMBER = """
            WITH wanted AS (SELECT DISTINCT s FROM unnest(?::text[]) AS s),
            added AS (
                INSERT INTO session_dictionary (dataset, session_uuid)
                SELECT ?, s FROM wanted ORDER BY s
                ON CONFLICT DO NOTHING
                RETURNING session_uuid, id)
            SELECT session_uuid, id FROM added
            UNION ALL
            SELECT d.session_uuid, d.id FROM wanted JOIN session_dictionary d ON d.dataset = ? AND d.session_uuid = wanted.s""";
    // a session another build numbered after this statement's snapshot was taken: neither added nor seen above
    private static final String FIND = """
            SELECT d.session_uuid, d.id
            FROM unnest(?::text[]) AS wanted (s) JOIN session_dictionary d ON d.dataset = ? AND d.session_uuid = wanted.s""";

    private final AgroalDataSource database;

    SessionDictionary(AgroalDataSource database) {
        this.database = database;
    }

    /** Receives the number of one session. */
    @FunctionalInterface
    public interface Numbered {
        void accept(String session, long id) throws SQLException;
    }

    /** Where the numbers of a day's sessions go, once each; {@link #clear} forgets what it was given. */
    public interface NumberSink extends Numbered {
        void clear() throws SQLException;
    }

    /**
     * Numbers {@code sessions} (distinct, ascending), giving each one's number to {@code sink} as PostgreSQL returns
     * it, the new ones numbered in a transaction of its own, committed at once: numbers are never taken back (a
     * rebuild that rolls back leaves unused numbers, which is harmless), and a gold build holding its days' locks
     * never waits on another build's uncommitted sessions (two builds of several days that share sessions could
     * otherwise wait on each other). When another build numbered some of them meanwhile, the sink is cleared and
     * given every number again, read after both commits.
     */
    public void number(String dataset, List<String> sessions, NumberSink sink) {
        if (sessions.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = database.getConnection()) {
                Array wanted = connection.createArrayOf("text", sessions.toArray());
                long given;
                try (PreparedStatement number = connection.prepareStatement(NUMBER)) {
                    number.setArray(1, wanted);
                    number.setString(2, dataset);
                    number.setString(3, dataset);
                    given = read(number, sink);
                }
                if (given < sessions.size()) {
                    sink.clear();
                    try (PreparedStatement find = connection.prepareStatement(FIND)) {
                        find.setArray(1, wanted);
                        find.setString(2, dataset);
                        given = read(find, sink);
                    }
                }
                if (given != sessions.size()) {
                    throw new IllegalStateException("numbered " + given + " of the " + sessions.size()
                            + " distinct sessions of " + dataset);
                }
            }
            return null;
        });
    }

    private static long read(PreparedStatement query, Numbered into) throws SQLException {
        query.setFetchSize(10_000);
        long rows = 0;
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                into.accept(row.getString(1), row.getLong(2));
                rows++;
            }
        }
        return rows;
    }
}
