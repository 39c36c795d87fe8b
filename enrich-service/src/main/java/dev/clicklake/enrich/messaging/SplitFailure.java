package dev.clicklake.enrich.messaging;

import dev.clicklake.contracts.event.ContractViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Why processing a split failed, as data: a {@link Deterministic} failure fails the same way however often it
 * is tried (a contract violation, a record too large for the broker, a missing object, a bug), a
 * {@link Transient} one is an infrastructure fault (lake, broker, disk) that a later try can get past.
 */
public sealed interface SplitFailure {

    /** What went wrong, for logs and the dead letter's reason. */
    String reason();

    record Deterministic(String reason) implements SplitFailure {
    }

    record Transient(String reason) implements SplitFailure {
    }

    /**
     * Classifies a failure by its cause chain: a known deterministic cause anywhere wins, then a known
     * infrastructure cause; any other unchecked exception is a bug and deterministic, any other checked one
     * transient.
     */
    static SplitFailure classify(Throwable failure) {
        String reason = failure.toString();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof ContractViolationException
                    || cause instanceof NoSuchFileException) {
                return new Deterministic(cause.toString());
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException || cause instanceof SQLException
                    || cause instanceof RetriableException || cause instanceof TimeoutException) {
                return new Transient(reason);
            }
        }
        return failure instanceof RuntimeException ? new Deterministic(reason) : new Transient(reason);
    }
}
