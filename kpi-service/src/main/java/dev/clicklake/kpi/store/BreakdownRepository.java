package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.Dimension;
import dev.clicklake.kpi.gold.MemberFigures;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.roaringbitmap.longlong.Roaring64NavigableMap;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The breakdowns of gold: {@code daily_category_kpi}, {@code daily_brand_kpi}, {@code hourly_kpi} (the
 * figures per day and member) and {@code breakdown_id_sets} (the member's ids per day).
 */
@ApplicationScoped
public class BreakdownRepository {

    private static final String DELETE_SETS = "DELETE FROM breakdown_id_sets WHERE dataset = ? AND event_date = ?";
    private static final String COPY_SETS = """
            COPY breakdown_id_sets (dataset, event_date, dimension, member, users, sessions, buyers, carting_sessions,
                purchasing_sessions) FROM STDIN (FORMAT csv)""";
    private static final String COPY_FIGURES = """
            COPY %s (dataset, event_date, %s, events, views, carts, removes, purchases, revenue, users, sessions, buyers,
                carting_sessions, purchasing_sessions) FROM STDIN (FORMAT csv)""";
    private static final String RANGE_COUNTS = """
            SELECT CAST(%2$s AS TEXT), sum(events), sum(views), sum(carts), sum(removes), sum(purchases), sum(revenue)
            FROM %1$s WHERE dataset = ? AND event_date >= ? AND event_date < ?
            GROUP BY %2$s""";
    private static final String RANGE_SETS = """
            SELECT member, users, sessions, buyers, carting_sessions, purchasing_sessions
            FROM breakdown_id_sets
            WHERE dataset = ? AND dimension = ? AND event_date >= ? AND event_date < ? AND %s(member = ANY(?::text[]))""";
    /** How much CSV a {@link Writer} gathers before it copies (about twice that in bytes of heap). */
    private static final int COPY_CHARS = 4 << 20;
    private static final HexFormat HEX = HexFormat.of();

    private final AgroalDataSource database;

    BreakdownRepository(AgroalDataSource database) {
        this.database = database;
    }

    /** Removes every breakdown row of the day; call inside the day's rebuild transaction. */
    public void deleteDay(String dataset, LocalDate date) throws SQLException {
        try (Connection connection = database.getConnection()) {
            for (Dimension dimension : Dimension.values()) {
                delete(connection, "DELETE FROM " + table(dimension) + " WHERE dataset = ? AND event_date = ?", dataset, date);
            }
            delete(connection, DELETE_SETS, dataset, date);
        }
    }

    /** Writes a day's members of {@code dimension} with COPY; close it to write the last ones. */
    public Writer writer(String dataset, LocalDate date, Dimension dimension) throws SQLException {
        return new Writer(database.getConnection(), dataset, date, dimension);
    }

    /**
     * The additive counts of every member of {@code dimension} over [from, to), summed over the days (ids
     * not loaded), by member.
     */
    public Map<String, MemberFigures> counts(String dataset, Dimension dimension, LocalDate from, LocalDate to)
            throws SQLException {
        Map<String, MemberFigures> members = new LinkedHashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        RANGE_COUNTS.formatted(table(dimension), memberColumn(dimension)))) {
            bindRange(query, 1, dataset, from, to);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    MemberFigures member = new MemberFigures(row.getString(1));
                    member.addCounts(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                            row.getBigDecimal(7));
                    members.put(member.member(), member);
                }
            }
        }
        return members;
    }

    /**
     * ORs the stored ids over [from, to) of {@code members} (or, with {@code exclude}, of every other member)
     * into the figures {@code into} maps each member to: its own, or one shared figures (the "other" row).
     * Reads row by row, so a caller holds the merged sets and one day's row at a time.
     */
    public void mergeIds(String dataset, Dimension dimension, LocalDate from, LocalDate to,
            Collection<String> members, boolean exclude, Map<String, MemberFigures> into) throws SQLException {
        if (members.isEmpty() && !exclude) {
            return;
        }
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(RANGE_SETS.formatted(exclude ? "NOT " : ""))) {
            query.setFetchSize(64);
            query.setString(1, dataset);
            query.setString(2, dimension.parameter());
            query.setDate(3, Date.valueOf(from));
            query.setDate(4, Date.valueOf(to));
            query.setArray(5, connection.createArrayOf("text", members.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    into.get(row.getString(1)).addIds(bitmap(row, 2), bitmap(row, 3), bitmap(row, 4), bitmap(row, 5),
                            bitmap(row, 6));
                }
            }
        }
    }

    /**
     * One day's members of one dimension, written with PostgreSQL's COPY on the rebuild's connection: rows are
     * gathered as CSV up to {@link #COPY_CHARS} characters, then copied, figures first, then id sets; close it to
     * copy the rest.
     */
    public static final class Writer implements AutoCloseable {

        private final Connection connection;
        private final CopyManager copy;
        private final String copyFigures;
        private final String prefix;
        private final String setsPrefix;
        private final StringBuilder figures = new StringBuilder();
        private final StringBuilder sets = new StringBuilder();

        private Writer(Connection connection, String dataset, LocalDate date, Dimension dimension) throws SQLException {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.copyFigures = COPY_FIGURES.formatted(table(dimension), memberColumn(dimension));
            this.prefix = csv(dataset) + "," + date + ",";
            this.setsPrefix = prefix + csv(dimension.parameter()) + ",";
        }

        public void add(MemberFigures member) throws SQLException {
            String name = csv(member.member());
            figures.append(prefix).append(name).append(',').append(member.events()).append(',').append(member.views())
                    .append(',').append(member.carts()).append(',').append(member.removes()).append(',')
                    .append(member.purchases()).append(',').append(member.revenue().toPlainString()).append(',')
                    .append(member.users().getLongCardinality()).append(',')
                    .append(member.sessions().getLongCardinality()).append(',')
                    .append(member.buyers().getLongCardinality()).append(',')
                    .append(member.cartingSessions().getLongCardinality()).append(',')
                    .append(member.purchasingSessions().getLongCardinality()).append('\n');
            sets.append(setsPrefix).append(name);
            for (Roaring64NavigableMap ids : List.of(member.users(), member.sessions(), member.buyers(),
                    member.cartingSessions(), member.purchasingSessions())) {
                sets.append(",\\x").append(HEX.formatHex(BitmapCodec.toBytes(ids)));
            }
            sets.append('\n');
            if (figures.length() + sets.length() >= COPY_CHARS) {
                flush();
            }
        }

        private void flush() throws SQLException {
            try {
                if (!figures.isEmpty()) {
                    copy.copyIn(copyFigures, new StringReader(figures.toString()));
                }
                if (!sets.isEmpty()) {
                    copy.copyIn(COPY_SETS, new StringReader(sets.toString()));
                }
            } catch (IOException e) {
                throw new SQLException("cannot copy breakdown rows to PostgreSQL", e);
            }
            figures.setLength(0);
            sets.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                flush();
            }
        }

        /** A CSV field, quoted: COPY reads it back as it is, whatever commas, quotes or line ends it holds. */
        private static String csv(String value) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }

    static String table(Dimension dimension) {
        return switch (dimension) {
            case MAIN_CATEGORY -> "daily_category_kpi";
            case BRAND -> "daily_brand_kpi";
            case HOUR -> "hourly_kpi";
        };
    }

    private static String memberColumn(Dimension dimension) {
        return switch (dimension) {
            case MAIN_CATEGORY -> "main_category";
            case BRAND -> "brand";
            case HOUR -> "event_hour";
        };
    }

    private static void delete(Connection connection, String sql, String dataset, LocalDate date) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, dataset);
            statement.setDate(2, Date.valueOf(date));
            statement.executeUpdate();
        }
    }

    private static void bindRange(PreparedStatement query, int first, String dataset, LocalDate from, LocalDate to)
            throws SQLException {
        query.setString(first, dataset);
        query.setDate(first + 1, Date.valueOf(from));
        query.setDate(first + 2, Date.valueOf(to));
    }

    private static org.roaringbitmap.longlong.Roaring64NavigableMap bitmap(ResultSet row, int column) throws SQLException {
        return BitmapCodec.fromBytes(row.getBytes(column));
    }
}
