package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.SilverFingerprint;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What each gold day was built from ({@code gold_day_sources}) and which datasets' snapshots are behind their gold
 * ({@code gold_snapshot_due}, with the months that changed: {@code gold_snapshot_due_months}); read and written in
 * the caller's transaction.
 */
@ApplicationScoped
public class DaySourcesRepository {

    private static final String FIND = "SELECT fingerprint FROM gold_day_sources WHERE dataset = ? AND event_date = ?";
    private static final String RECORD = """
            INSERT INTO gold_day_sources (dataset, event_date, fingerprint, files, built_at) VALUES (?, ?, ?, ?, now())
            ON CONFLICT (dataset, event_date) DO UPDATE
            SET fingerprint = excluded.fingerprint, files = excluded.files, built_at = excluded.built_at""";
    private static final String MARK_DUE = """
            INSERT INTO gold_snapshot_due (dataset, since) VALUES (?, now()) ON CONFLICT (dataset) DO NOTHING""";
    private static final String MARK_MONTHS_DUE = """
            INSERT INTO gold_snapshot_due_months (dataset, month) SELECT ?, m FROM unnest(?::date[]) AS m
            ON CONFLICT DO NOTHING""";

    private final AgroalDataSource database;

    DaySourcesRepository(AgroalDataSource database) {
        this.database = database;
    }

    /** The fingerprint of the silver the day was last built from, if it was built by a version that records it. */
    public Optional<String> fingerprint(String dataset, LocalDate date) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setString(1, dataset);
            query.setDate(2, Date.valueOf(date));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records that the day was just built from {@code sources}. */
    public void record(String dataset, LocalDate date, SilverFingerprint sources) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement upsert = connection.prepareStatement(RECORD)) {
            upsert.setString(1, dataset);
            upsert.setDate(2, Date.valueOf(date));
            upsert.setString(3, sources.hex());
            upsert.setInt(4, sources.files());
            upsert.executeUpdate();
        }
    }

    /** Marks the dataset's snapshot, and its {@code months} (first days), as behind its gold; under the grain lock. */
    public void markSnapshotDue(String dataset, Collection<LocalDate> months) throws SQLException {
        update(MARK_DUE, dataset);
        try (Connection connection = database.getConnection();
                PreparedStatement mark = connection.prepareStatement(MARK_MONTHS_DUE)) {
            mark.setString(1, dataset);
            mark.setArray(2, connection.createArrayOf("date", months.stream().map(Date::valueOf).toArray()));
            mark.executeUpdate();
        }
    }

    /** The months (first days) whose gold changed since the dataset's last snapshot, ascending. */
    public List<LocalDate> snapshotDueMonths(String dataset) throws SQLException {
        List<LocalDate> months = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT month FROM gold_snapshot_due_months WHERE dataset = ? ORDER BY month")) {
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    months.add(row.getDate(1).toLocalDate());
                }
            }
        }
        return months;
    }

    /** Whether the dataset's gold changed since its last snapshot. */
    public boolean snapshotDue(String dataset) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT EXISTS (SELECT 1 FROM gold_snapshot_due WHERE dataset = ?)")) {
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** The dataset's snapshot is as new as its gold; call under the dataset's grain lock. */
    public void clearSnapshotDue(String dataset) throws SQLException {
        update("DELETE FROM gold_snapshot_due WHERE dataset = ?", dataset);
        update("DELETE FROM gold_snapshot_due_months WHERE dataset = ?", dataset);
    }

    private void update(String sql, String dataset) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, dataset);
            statement.executeUpdate();
        }
    }
}
