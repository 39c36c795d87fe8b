package dev.clicklake.kpi.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Numbers the session UUIDs of a dataset ({@code session_dictionary}); a UUID keeps its number forever. */
@ApplicationScoped
public class SessionDictionary {

    // Sorted inserts: two days of one dataset that share sessions lock their rows in the same order.
    private static final String ADD = """
            INSERT INTO session_dictionary (dataset, session_uuid)
            SELECT ?, s FROM unnest(?::text[]) AS s ORDER BY s
            ON CONFLICT DO NOTHING""";
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
            Array uuids = connection.createArrayOf("text", sessions.toArray());
            try (PreparedStatement add = connection.prepareStatement(ADD)) {
                add.setString(1, dataset);
                add.setArray(2, uuids);
                add.executeUpdate();
            }
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, dataset);
                find.setArray(2, uuids);
                try (ResultSet row = find.executeQuery()) {
                    while (row.next()) {
                        ids.put(row.getString(1), row.getLong(2));
                    }
                }
            }
        }
        return ids;
    }
}
