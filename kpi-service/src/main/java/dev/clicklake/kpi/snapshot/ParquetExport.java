package dev.clicklake.kpi.snapshot;

import dev.clicklake.kpi.config.EmbeddedDuckDb;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Writes PostgreSQL rows as a Parquet file with an embedded DuckDB, keeping the column names and types
 * (BIGINT, INTEGER, SMALLINT, NUMERIC(p, s) as DECIMAL(p, s), DATE, TEXT, TIMESTAMPTZ). Rows are appended as
 * they are read; DuckDB spills beyond its memory limit.
 */
public final class ParquetExport {

    private final Properties settings;

    public ParquetExport(int threads, String memoryLimit, Path spillDir) {
        this.settings = EmbeddedDuckDb.settings(threads, memoryLimit, spillDir);
    }

    /** Writes every row of {@code rows} to {@code file}; returns how many. */
    public long write(ResultSet rows, Path file) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add('"' + meta.getColumnLabel(i) + "\" " + duckdbType(meta, i));
        }
        long count = 0;
        try (DuckDBConnection duckdb = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", (Properties) settings.clone());
                Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE TABLE export (" + String.join(", ", columns) + ")");
            try (DuckDBAppender appender = duckdb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "export")) {
                while (rows.next()) {
                    appender.beginRow();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        append(appender, rows, meta, i);
                    }
                    appender.endRow();
                    count++;
                }
            }
            statement.execute("COPY export TO '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        return count;
    }

    private static String duckdbType(ResultSetMetaData meta, int column) throws SQLException {
        return switch (meta.getColumnTypeName(column)) {
            case "int8" -> "BIGINT";
            case "int4" -> "INTEGER";
            case "int2" -> "SMALLINT";
            case "numeric" -> "DECIMAL(%d, %d)".formatted(meta.getPrecision(column), meta.getScale(column));
            case "date" -> "DATE";
            case "text", "varchar" -> "VARCHAR";
            case "timestamptz" -> "TIMESTAMPTZ";
            default -> throw new IllegalArgumentException("no Parquet type for column " + meta.getColumnLabel(column)
                    + " of type " + meta.getColumnTypeName(column));
        };
    }

    private static void append(DuckDBAppender appender, ResultSet rows, ResultSetMetaData meta, int column)
            throws SQLException {
        if (rows.getObject(column) == null) {
            appender.appendNull();
            return;
        }
        switch (meta.getColumnTypeName(column)) {
            case "int8" -> appender.append(rows.getLong(column));
            case "int4" -> appender.append(rows.getInt(column));
            case "int2" -> appender.append(rows.getShort(column));
            case "numeric" -> appender.append(rows.getObject(column, BigDecimal.class));
            case "date" -> appender.append(rows.getObject(column, LocalDate.class));
            case "timestamptz" -> appender.append(rows.getObject(column, OffsetDateTime.class));
            default -> appender.append(rows.getString(column));
        }
    }
}
