package dev.clicklake.kpi.messaging;

import java.io.FileNotFoundException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Whether a failure of a silver-ready's build would fail the same way again. Transient: the database, the lake or
 * the broker is down, slow or busy (a connection, a timeout, a deadlock); retried with backoff as long as it lasts.
 * Deterministic: the message's silver is missing or unreadable (no such object, a Parquet file DuckDB refuses), or
 * the code cannot handle it; dead-lettered after a bounded number of attempts. Anything not known is transient.
 */
enum FailureKind {
    TRANSIENT, DETERMINISTIC;

    /** PostgreSQL SQLSTATE prefixes of faults that go away: connection, resources, shutdown, conflicts. */
    private static final List<String> TRANSIENT_STATES = List.of("08", "53", "57P", "40001", "40P01", "55P03");
    /** How DuckDB's errors about the contents it reads begin. */
    private static final List<String> DUCKDB_CONTENT_ERRORS = List.of("Invalid Input Error", "Conversion Error",
            "Binder Error", "Parser Error", "Serialization Error");

    static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransient(t)) {
                return TRANSIENT;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isDeterministic(t)) {
                return DETERMINISTIC;
            }
        }
        return TRANSIENT;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                || t instanceof TimeoutException || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException || t instanceof RetriableException) {
            return true;
        }
        return t instanceof SQLException sql && sql.getSQLState() != null
                && TRANSIENT_STATES.stream().anyMatch(sql.getSQLState()::startsWith);
    }

    private static boolean isDeterministic(Throwable t) {
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException || t instanceof SilverMismatchException
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof NullPointerException || t instanceof ArithmeticException
                || t instanceof DateTimeException || t instanceof ClassCastException
                || t instanceof IndexOutOfBoundsException) {
            return true;
        }
        return t instanceof SQLException && t.getMessage() != null
                && DUCKDB_CONTENT_ERRORS.stream().anyMatch(t.getMessage()::startsWith);
    }
}
