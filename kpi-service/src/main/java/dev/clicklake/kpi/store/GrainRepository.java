package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.DaySpan;
import dev.clicklake.kpi.gold.StoredGrain;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The precomputed month and whole-dataset grains ({@code monthly_kpi}, {@code dataset_kpi}). */
@ApplicationScoped
public class GrainRepository {

    private static final String DELETE_MONTH = "DELETE FROM monthly_kpi WHERE dataset = ? AND month = ?";
    private static final String INSERT_MONTH = "INSERT INTO monthly_kpi (dataset, month, days, " + MeasureColumns.LIST
            + ", built_at) VALUES (?, ?, ?, " + MeasureColumns.PARAMETERS + ", now())";
    private static final String DELETE_DATASET = "DELETE FROM dataset_kpi WHERE dataset = ?";
    private static final String INSERT_DATASET = "INSERT INTO dataset_kpi (dataset, first_date, last_date, days, "
            + MeasureColumns.LIST + ", built_at) VALUES (?, ?, ?, ?, " + MeasureColumns.PARAMETERS + ", now())";
    private static final String SPAN = """
            SELECT min(event_date), max(event_date), count(*), coalesce(sum(events), 0)
            FROM daily_kpi WHERE dataset = ? AND event_date >= ? AND event_date < ?""";
    /** Month locks take the low 32 bits of the key; the dataset lock takes this value, above every month. */
    private static final long DATASET_LOCK = 0xFFFF_FFFFL;

    private final AgroalDataSource database;

    GrainRepository(AgroalDataSource database) {
        this.database = database;
    }

    /**
     * Serialises the recomputation of the grains of {@code dataset} until the transaction ends: one advisory
     * lock per month in ascending order, then the dataset's, so two transactions always lock in the same order
     * and never deadlock. Keys are single 64-bit values (a key space apart from the days' two-int locks).
     */
    public void lock(String dataset, List<LocalDate> months) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            long high = ((long) dataset.hashCode()) << 32;
            for (LocalDate month : months.stream().sorted().distinct().toList()) {
                lock.setLong(1, high | (month.getYear() * 12L + month.getMonthValue() - 1));
                lock.execute();
            }
            lock.setLong(1, high | DATASET_LOCK);
            lock.execute();
        }
    }

    /** Makes {@code month} the month's row, or removes it when the month has no events; call in a transaction. */
    public void replaceMonth(String dataset, LocalDate month, Optional<StoredGrain> figures) throws SQLException {
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_MONTH)) {
                delete.setString(1, dataset);
                delete.setDate(2, Date.valueOf(month));
                delete.executeUpdate();
            }
            if (figures.isPresent()) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_MONTH)) {
                    insert.setString(1, dataset);
                    insert.setDate(2, Date.valueOf(month));
                    insert.setInt(3, figures.get().span().days());
                    MeasureColumns.bind(insert, 4, figures.get().figures());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** Makes {@code figures} the dataset's row, or removes it when it has no day; call in a transaction. */
    public void replaceDataset(String dataset, Optional<StoredGrain> figures) throws SQLException {
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_DATASET)) {
                delete.setString(1, dataset);
                delete.executeUpdate();
            }
            if (figures.isPresent()) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_DATASET)) {
                    DaySpan span = figures.get().span();
                    insert.setString(1, dataset);
                    insert.setDate(2, Date.valueOf(span.first()));
                    insert.setDate(3, Date.valueOf(span.last()));
                    insert.setInt(4, span.days());
                    MeasureColumns.bind(insert, 5, figures.get().figures());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The days of {@code dataset} in [from, to) that have gold: first, last, how many, their events. */
    public DaySpan span(String dataset, LocalDate from, LocalDate to) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(SPAN)) {
            query.setString(1, dataset);
            query.setDate(2, Date.valueOf(from));
            query.setDate(3, Date.valueOf(to));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Date first = row.getDate(1);
                return first == null ? DaySpan.NONE
                        : new DaySpan(first.toLocalDate(), row.getDate(2).toLocalDate(), row.getInt(3), row.getLong(4));
            }
        }
    }
}
