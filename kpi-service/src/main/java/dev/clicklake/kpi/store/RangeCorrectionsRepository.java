package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.CorrectedMeasure;
import dev.clicklake.kpi.gold.GoldNotReadyException;
import dev.clicklake.kpi.gold.PeriodFigures;
import dev.clicklake.kpi.gold.RangeCorrections;
import dev.clicklake.kpi.gold.RangeIndex;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.stream.Collectors;

/**
 * The {@code range_corrections} of each dataset, and the exact {@link PeriodFigures} of any day range: one
 * statement (so one snapshot of gold) summing the range's daily rows and the corrections within it.
 */
@ApplicationScoped
public class RangeCorrectionsRepository {

    private static final String CORRECTED = Arrays.stream(CorrectedMeasure.values()).map(CorrectedMeasure::column)
            .collect(Collectors.joining(", "));
    private static final String INSERT = "INSERT INTO range_corrections (dataset, first_date, last_date, " + CORRECTED
            + ") SELECT ?, c.* FROM unnest(?::date[], ?::date[]"
            + ", ?::bigint[]".repeat(CorrectedMeasure.COUNT) + ") AS c";
    private static final String MARK_BUILT = """
            INSERT INTO range_corrections_built (dataset, days, pairs, built_at)
            VALUES (?, ?, (SELECT count(*) FROM range_corrections WHERE dataset = ?), now())
            ON CONFLICT (dataset) DO UPDATE SET days = excluded.days, pairs = excluded.pairs, built_at = excluded.built_at""";
    private static final String FIGURES = """
            WITH parts AS (
                SELECT %1$s, 1 AS days
                FROM daily_kpi WHERE dataset = ? AND event_date >= ? AND event_date < ?
                UNION ALL
                SELECT 0, 0, 0, 0, 0, 0.00, users, sessions, buyers, viewing_sessions, carting_sessions,
                       purchasing_sessions, cart_purchase_sessions, funnel_cart_sessions, funnel_purchase_sessions, 0,
                       session_duration_us, bounced_sessions, 0
                FROM range_corrections WHERE dataset = ? AND first_date >= ? AND last_date < ?)
            SELECT %2$s,
                   coalesce(sum(days), 0),
                   count(*) FILTER (WHERE days = 1 AND viewing_sessions IS NULL),
                   EXISTS (SELECT 1 FROM range_corrections_built WHERE dataset = ?)
            FROM parts""".formatted(MeasureColumns.LIST, MeasureColumns.SUMS);
    private static final int MEASURES = MeasureColumns.COUNT;
    private static final String READY = """
            SELECT EXISTS (SELECT 1 FROM range_corrections_built WHERE dataset = ?),
                   EXISTS (SELECT 1 FROM daily_kpi WHERE dataset = ?),
                   EXISTS (SELECT 1 FROM daily_kpi WHERE dataset = ? AND viewing_sessions IS NULL)""";
    private static final String DAYS = "SELECT event_date, " + MeasureColumns.LIST + " FROM daily_kpi WHERE dataset = ?";
    private static final String PAIRS = "SELECT first_date, last_date, " + CORRECTED
            + " FROM range_corrections WHERE dataset = ?";

    private final AgroalDataSource database;

    RangeCorrectionsRepository(AgroalDataSource database) {
        this.database = database;
    }

    /** Makes {@code corrections}, built from the dataset's {@code days} days, its only ones; call in a transaction. */
    public void replace(String dataset, RangeCorrections corrections, int days) throws SQLException {
        replace(dataset, Optional.empty(), corrections, days);
    }

    /**
     * Makes {@code corrections} the dataset's pairs whose last day is {@code from} or later, keeping those that end
     * before; {@code days} is how many days the dataset has now. Call in a transaction.
     */
    public void replaceEndingOnOrAfter(String dataset, LocalDate from, RangeCorrections corrections, int days)
            throws SQLException {
        replace(dataset, Optional.of(from), corrections, days);
    }

    /** Whether the dataset's corrections were built (by this version: there is a row for it). */
    public boolean built(String dataset) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT EXISTS (SELECT 1 FROM range_corrections_built WHERE dataset = ?)")) {
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private void replace(String dataset, Optional<LocalDate> from, RangeCorrections corrections, int days)
            throws SQLException {
        List<RangeCorrections.Pair> pairs = corrections.pairs();
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM range_corrections WHERE dataset = ?"
                    + (from.isPresent() ? " AND last_date >= ?" : ""))) {
                delete.setString(1, dataset);
                if (from.isPresent()) {
                    delete.setDate(2, Date.valueOf(from.get()));
                }
                delete.executeUpdate();
            }
            if (!pairs.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, dataset);
                    insert.setArray(2, connection.createArrayOf("date",
                            pairs.stream().map(pair -> Date.valueOf(pair.first())).toArray()));
                    insert.setArray(3, connection.createArrayOf("date",
                            pairs.stream().map(pair -> Date.valueOf(pair.last())).toArray()));
                    for (int m = 0; m < CorrectedMeasure.COUNT; m++) {
                        int measure = m;
                        insert.setArray(4 + m, connection.createArrayOf("bigint",
                                pairs.stream().map(pair -> pair.values()[measure]).toArray()));
                    }
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement built = connection.prepareStatement(MARK_BUILT)) {
                built.setString(1, dataset);
                built.setInt(2, days);
                built.setString(3, dataset);
                built.executeUpdate();
            }
        }
    }

    /**
     * Every day and correction of {@code dataset}, read in one read-only REPEATABLE READ snapshot, as an index
     * that answers any range from memory; an empty index when the dataset has no gold.
     *
     * @throws GoldNotReadyException when a day, or the dataset's corrections, are from an older gold
     */
    public RangeIndex index(String dataset) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return index(connection, dataset);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
    }

    private static RangeIndex index(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement ready = connection.prepareStatement(READY)) {
            for (int i = 1; i <= 3; i++) {
                ready.setString(i, dataset);
            }
            try (ResultSet row = ready.executeQuery()) {
                row.next();
                if (row.getBoolean(3) || (row.getBoolean(2) && !row.getBoolean(1))) {
                    throw notReady(dataset, "its days");
                }
            }
        }
        List<RangeIndex.Day> days = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(DAYS)) {
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    days.add(new RangeIndex.Day(row.getDate(1).toLocalDate(), MeasureColumns.read(row, 2)));
                }
            }
        }
        List<RangeCorrections.Pair> pairs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(PAIRS)) {
            query.setFetchSize(10_000);
            query.setString(1, dataset);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long[] values = new long[CorrectedMeasure.COUNT];
                    for (int m = 0; m < values.length; m++) {
                        values[m] = row.getLong(3 + m);
                    }
                    pairs.add(new RangeCorrections.Pair(row.getDate(1).toLocalDate(), row.getDate(2).toLocalDate(), values));
                }
            }
        }
        return RangeIndex.of(days, pairs);
    }

    /**
     * The exact figures of the days of {@code dataset} in [from, to).
     *
     * @throws GoldNotReadyException when a day of the range, or the dataset's corrections, are from an older gold
     */
    public PeriodFigures figures(String dataset, LocalDate from, LocalDate to) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(FIGURES)) {
            for (int part = 0; part < 2; part++) {
                query.setString(1 + 3 * part, dataset);
                query.setDate(2 + 3 * part, Date.valueOf(from));
                query.setDate(3 + 3 * part, Date.valueOf(to));
            }
            query.setString(7, dataset);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long days = row.getLong(MEASURES + 1);
                if (row.getLong(MEASURES + 2) > 0 || (days > 0 && !row.getBoolean(MEASURES + 3))) {
                    throw notReady(dataset, "its days between " + from + " and " + to);
                }
                return MeasureColumns.read(row, 1);
            }
        }
    }

    private static GoldNotReadyException notReady(String dataset, String what) {
        return new GoldNotReadyException("gold of " + dataset + " (" + what + ") was built by an older version and is"
                + " being rebuilt; ask again shortly");
    }
}
