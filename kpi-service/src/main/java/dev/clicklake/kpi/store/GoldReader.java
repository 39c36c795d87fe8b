package dev.clicklake.kpi.store;

import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.query.SqlFragment;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs catalog queries ({@code dev.clicklake.kpi.query.GoldSql}) against PostgreSQL: one read-only REPEATABLE
 * READ transaction per read (a page and its count see one snapshot), rows streamed through a server-side cursor
 * ({@code fetchSize}), never the whole result in memory.
 */
@ApplicationScoped
public class GoldReader {

    /** Rows per round trip of the cursor. */
    static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;

    GoldReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Receives rows one at a time: the values of the query's columns, in order. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Object[] row) throws Exception;
    }

    /** What a read does inside its transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Session session) throws Exception;
    }

    /** Runs {@code work} in one read-only snapshot. */
    public <T> T read(Work<T> work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return work.run(new Session(connection));
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
    }

    /** The statements of one read. */
    public static final class Session {
        private final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        /** The connection of the read, for statements of its own (closed and rolled back by {@link #read}). */
        public Connection connection() {
            return connection;
        }

        /** Streams the rows of {@code select}, whose result columns are {@code columns}, into {@code sink}. */
        public void stream(SqlFragment select, List<GoldColumn> columns, RowSink sink) throws Exception {
            try (PreparedStatement statement = prepare(select)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = value(rows, i + 1, columns.get(i));
                        }
                        sink.accept(row);
                    }
                }
            }
        }

        /** The single number {@code count} answers. */
        public long count(SqlFragment count) throws SQLException {
            try (PreparedStatement statement = prepare(count); ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        private PreparedStatement prepare(SqlFragment fragment) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(fragment.sql());
            for (int i = 0; i < fragment.params().size(); i++) {
                Object value = fragment.params().get(i);
                statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
            }
            return statement;
        }
    }

    /** A column's value as the Java type its {@link dev.clicklake.kpi.catalog.ValueType} stands for, or null. */
    private static Object value(ResultSet rows, int index, GoldColumn column) throws SQLException {
        Object value = switch (column.type()) {
            case TEXT -> rows.getString(index);
            case DATE -> rows.getObject(index, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime at = rows.getObject(index, OffsetDateTime.class);
                yield at == null ? null : at.toInstant();
            }
            case MONEY, RATE -> rows.getBigDecimal(index);
            case INT64 -> rows.getLong(index);
            case INT32 -> rows.getInt(index);
            case INT16 -> rows.getShort(index);
        };
        return rows.wasNull() ? null : value;
    }
}
