package dev.clicklake.kpi.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

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
    private static final String FIND = "SELECT session_uuid, id FROM session_dictionary WHERE dataset = ? AND session_uuid = ANY(?::text[])";

    private final AgroalDataSource database;

    SessionDictionary(AgroalDataSource database) {
        this.database = database;
    }

    /**
     * The number of each of {@code sessions}, numbering the new ones in a transaction of its own, committed at
     * once: numbers are never taken back (a rebuild that rolls back leaves unused numbers, which is harmless), and
     * a gold build holding its days' locks never waits on another build's uncommitted sessions (two builds of
     * several days that share sessions could otherwise wait on each other).
     */
    public Map<String, Long> idsOf(String dataset, Collection<String> sessions) {
        if (sessions.isEmpty()) {
            return new HashMap<>();
        }
        return QuarkusTransaction.requiringNew().call(() -> number(dataset, sessions));
    }

    private Map<String, Long> number(String dataset, Collection<String> sessions) throws SQLException {
        Map<String, Long> ids = new HashMap<>(sessions.size() * 2);
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement number = connection.prepareStatement(NUMBER)) {
                number.setArray(1, connection.createArrayOf("text", sessions.toArray()));
                number.setString(2, dataset);
                number.setString(3, dataset);
                read(number, ids);
            }
            if (ids.size() < new HashSet<>(sessions).size()) {
                try (PreparedStatement find = connection.prepareStatement(FIND)) {
                    find.setString(1, dataset);
                    find.setArray(2, connection.createArrayOf("text",
                            sessions.stream().filter(session -> !ids.containsKey(session)).distinct().toArray()));
                    read(find, ids);
                }
            }
        }
        return ids;
    }

    private static void read(PreparedStatement query, Map<String, Long> into) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                into.put(row.getString(1), row.getLong(2));
            }
        }
    }
}
