package dev.clicklake.kpi.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the precomputed gold rows straight from PostgreSQL, for tests that check what a rebuild stored. */
public final class GoldTables {

    private final AgroalDataSource database;

    public GoldTables(AgroalDataSource database) {
        this.database = database;
    }

    /** The v3 measures of every day of {@code dataset}, by day. */
    public Map<LocalDate, Measures> days(String dataset) throws SQLException {
        return byDate("SELECT event_date, " + Measures.COLUMNS + " FROM daily_kpi WHERE dataset = ?", dataset);
    }

    /** The rows of {@code monthly_kpi} of {@code dataset}, by month. */
    public Map<LocalDate, Measures> months(String dataset) throws SQLException {
        return byDate("SELECT month, " + Measures.COLUMNS + " FROM monthly_kpi WHERE dataset = ?", dataset);
    }

    /** The row of {@code dataset_kpi}, keyed by its first date, with its last date and days. */
    public Optional<Map.Entry<String, Measures>> dataset(String dataset) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT first_date || '..' || last_date || ' ' || days, " + Measures.COLUMNS
                                + " FROM dataset_kpi WHERE dataset = ?")) {
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Map.entry(row.getString(1), measures(row))) : Optional.empty();
            }
        }
    }

    private Map<LocalDate, Measures> byDate(String sql, String dataset) throws SQLException {
        Map<LocalDate, Measures> rows = new TreeMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getDate(1).toLocalDate(), measures(row));
                }
            }
        }
        return rows;
    }

    private static Measures measures(ResultSet row) throws SQLException {
        return new Measures(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                row.getBigDecimal(7), row.getLong(8), row.getLong(9), row.getLong(10), row.getLong(11), row.getLong(12),
                row.getLong(13), row.getLong(14), row.getLong(15), row.getLong(16), row.getLong(17), row.getLong(18),
                row.getLong(19));
    }
}
