package dev.clicklake.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractViolationException;
import dev.clicklake.contracts.runtime.UnprocessableMessageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class SplitFailureTest {

    @Test
    void failuresThatWillRepeatAreDeterministic() {
        // as the emitter throws it: the producer's refusal wrapped by Mutiny
        assertInstanceOf(SplitFailure.Deterministic.class,
                SplitFailure.classify(new CompletionException(new RecordTooLargeException("1200000 bytes"))));
        assertInstanceOf(SplitFailure.Deterministic.class, SplitFailure.classify(
                new ContractViolationException(Contract.SILVER_READY, List.of("$.files: too many"))));
        assertInstanceOf(SplitFailure.Deterministic.class,
                SplitFailure.classify(new IOException("gone", new NoSuchFileException("bronze/x.csv"))));
        assertInstanceOf(SplitFailure.Deterministic.class, SplitFailure.classify(new NullPointerException("a bug")));
        assertInstanceOf(SplitFailure.Deterministic.class,
                SplitFailure.classify(new IllegalArgumentException("rows in 3 != written 2")));
    }

    @Test
    void infrastructureFaultsAreTransient() {
        assertInstanceOf(SplitFailure.Transient.class, SplitFailure.classify(new IOException("connection reset")));
        assertInstanceOf(SplitFailure.Transient.class, SplitFailure.classify(new SQLException("disk full")));
        assertInstanceOf(SplitFailure.Transient.class,
                SplitFailure.classify(new UncheckedIOException(new IOException("503 from the lake"))));
        assertInstanceOf(SplitFailure.Transient.class,
                SplitFailure.classify(new CompletionException(new NetworkException("broker gone"))));
    }

    @Test
    void aDeterministicFailureIsGivenUpOnItsLastAttemptWithTheReasonAndCount() {
        SplitAttempts attempts = new SplitAttempts(3);
        SplitFailure tooLarge = SplitFailure.classify(new RecordTooLargeException("the record is 1200000 bytes"));

        assertNull(attempts.failed(tooLarge));
        assertNull(attempts.failed(new SplitFailure.Transient("lake down")));
        assertNull(attempts.failed(tooLarge));
        UnprocessableMessageException givenUp = attempts.failed(tooLarge);

        assertEquals(3, attempts.deterministicFailures());
        String reason = givenUp.getMessage();
        assertTrue(reason.contains("the record is 1200000 bytes") && reason.contains("on 3 of at most 3 attempts")
                && reason.contains("1 transient"), reason);
    }

    @Test
    void transientFailuresAreNeverGivenUp() {
        SplitAttempts attempts = new SplitAttempts(1);
        for (int i = 0; i < 1_000; i++) {
            assertNull(attempts.failed(new SplitFailure.Transient("broker down")));
        }
        assertEquals(0, attempts.deterministicFailures());
    }
}
