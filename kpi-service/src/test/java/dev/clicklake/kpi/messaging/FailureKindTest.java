package dev.clicklake.kpi.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    @Test
    void aDatabaseOrLakeOutageIsTransientHoweverWrapped() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new SQLException("connection refused", "08001")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new SQLException("deadlock detected", "40P01")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new RuntimeException(new IOException("lake",
                new ConnectException("Connection refused")))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new IllegalStateException("tx",
                new SQLException("the database system is shutting down", "57P03"))));
    }

    @Test
    void missingOrUnreadableSilverIsDeterministic() {
        assertEquals(FailureKind.DETERMINISTIC, FailureKind.of(new UncheckedIOException(new NoSuchFileException("x"))));
        assertEquals(FailureKind.DETERMINISTIC, FailureKind.of(new RuntimeException(
                new SQLException("Invalid Input Error: No magic bytes found at end of file 'x.parquet'"))));
        assertEquals(FailureKind.DETERMINISTIC, FailureKind.of(new SilverMismatchException("resized")));
    }

    @Test
    void anUnknownFailureIsRetried() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new IOException("something")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new SQLException("IO Error: disk")));
    }

    @Test
    void theBudgetIsSpentAfterMaxAttemptsAndStartsAgainAfterASuccess() {
        AttemptBudget budget = new AttemptBudget(3);
        assertFalse(budget.spentAfterFailure("a"));
        assertFalse(budget.spentAfterFailure("a"));
        budget.forget("a");
        assertFalse(budget.spentAfterFailure("a"));
        assertFalse(budget.spentAfterFailure("a"));
        assertFalse(budget.spentAfterFailure("b"));
        assertTrue(budget.spentAfterFailure("a"));
        assertFalse(budget.spentAfterFailure("a"));
    }
}
