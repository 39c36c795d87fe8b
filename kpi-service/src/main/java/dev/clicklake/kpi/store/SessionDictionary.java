package dev.clicklake.kpi.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Numbers the session UUIDs of a dataset ({@code session_dictionary}); a UUID keeps its number forever. */
@ApplicationScoped
public class SessionDictionary {

    // One round trip, one index descent per session: a new session is inserted, a known one "updated" to itself
    // (a no-op that returns its row), and every one comes back with its number. Sorted inserts: two days of one dataset
    // that share sessions lock their rows in the same order. A session another build is numbering at the same moment
    // waits for that build's short transaction, then comes back with the number it got.
    private static final String NUMBER = """
            INSERT INTO session_dictionary (dataset, session_uuid)
            SELECT ?, s FROM (SELECT DISTINCT s FROM unnest(?::text[]) AS s) wanted ORDER BY s
            ON CONFLICT (dataset, session_uuid) DO UPDATE SET session_uuid = EXCLUDED.session_uuid
            RETURNING session_uuid, id""";

    private final AgroalDataSource database;

    SessionDictionary(AgroalDataSource database) {
        this.database = database;
    }

    /** Receives the number of one session. */
    @FunctionalInterface
    public interface Numbered {
        void accept(String session, long id) throws SQLException;
    }

    /**
     * Numbers {@code sessions} (distinct, ascending), giving each one's number to {@code sink} as PostgreSQL returns
     * it, the new ones numbered in a transaction of its own, committed at once: numbers are never taken back (a
     * rebuild that rolls back leaves unused numbers, which is harmless), and a gold build holding its days' locks
     * never waits on another build's uncommitted sessions for longer than that short transaction.
     */
    public void number(String dataset, List<String> sessions, Numbered sink) {
        if (sessions.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = database.getConnection();
                    PreparedStatement number = connection.prepareStatement(NUMBER)) {
                number.setString(1, dataset);
                number.setArray(2, connection.createArrayOf("text", sessions.toArray()));
                long given = read(number, sink);
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
