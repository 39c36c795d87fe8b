package dev.clicklake.kpi.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the gold tables of a dataset for its Parquet snapshot, and draws snapshot versions. */
@ApplicationScoped
public class SnapshotRepository {

    /** What a snapshot holds: each table with the columns it is sorted by (its key after the dataset). */
    public static final Map<String, String> TABLES = Map.of(
            "daily_kpi", "event_date",
            "monthly_kpi", "month",
            "dataset_kpi", "dataset",
            "daily_category_kpi", "event_date, main_category",
            "daily_brand_kpi", "event_date, brand",
            "hourly_kpi", "event_date, event_hour");
    /** The tables of one row per day and member: a snapshot writes them one file per month. */
    public static final Set<String> DAY_TABLES = Set.of("daily_kpi", "daily_category_kpi", "daily_brand_kpi", "hourly_kpi");
    /** The snapshot's tables in the order they are written. */
    public static final List<String> TABLE_ORDER = List.of("daily_kpi", "monthly_kpi", "dataset_kpi",
            "daily_category_kpi", "hourly_kpi", "daily_brand_kpi");

    private final AgroalDataSource database;

    SnapshotRepository(AgroalDataSource database) {
        this.database = database;
    }

    /** Reads rows as a stream, one fetch at a time. */
    @FunctionalInterface
    public interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * The next snapshot version, greater than {@code floor} too: the lake may already hold versions the sequence
     * has not counted (a database restored or recreated while the gold container was kept), and a version is
     * never reused. Call while holding the dataset's grain lock.
     */
    public long nextVersionAbove(long floor) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement next = connection.prepareStatement(
                        "SELECT setval('gold_snapshot_version', greatest(nextval('gold_snapshot_version'), ?))")) {
            next.setLong(1, floor + 1);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The months (first days) the dataset's day tables hold, ascending. */
    public List<LocalDate> months(String dataset) throws SQLException {
        List<LocalDate> months = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT DISTINCT CAST(date_trunc('month', event_date) AS DATE) FROM daily_kpi WHERE dataset = ?
                        ORDER BY 1""")) {
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    months.add(row.getDate(1).toLocalDate());
                }
            }
        }
        return months;
    }

    /**
     * Every row of {@code table} (one of {@link #TABLES}) for {@code dataset}, in key order, to {@code reader}; with a
     * {@code month} (its first day), only the rows of its days (a {@link #DAY_TABLES} table).
     */
    public <T> T read(String table, String dataset, Optional<LocalDate> month, RowsReader<T> reader) throws SQLException {
        String order = TABLES.get(table);
        if (order == null) {
            throw new IllegalArgumentException("not a snapshot table: " + table);
        }
        if (month.isPresent() && !DAY_TABLES.contains(table)) {
            throw new IllegalArgumentException(table + " has no days to read by month");
        }
        String days = month.isPresent() ? " AND event_date >= ? AND event_date < ?" : "";
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT * FROM " + table + " WHERE dataset = ?" + days + " ORDER BY " + order)) {
            query.setFetchSize(1_000);
            query.setString(1, dataset);
            if (month.isPresent()) {
                query.setDate(2, Date.valueOf(month.get()));
                query.setDate(3, Date.valueOf(month.get().plusMonths(1)));
            }
            try (ResultSet rows = query.executeQuery()) {
                return reader.read(rows);
            }
        }
    }
}
