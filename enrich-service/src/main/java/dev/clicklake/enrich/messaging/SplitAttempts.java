package dev.clicklake.enrich.messaging;

import dev.clicklake.contracts.runtime.UnprocessableMessageException;

/**
 * The failed attempts at one message: a deterministic failure is let through to be retried (with backoff)
 * until it has happened {@code deterministicLimit} times, then the message is given up with the reason and the
 * count; a transient failure is always retried and does not count. Plain Java, one instance per message.
 */
final class SplitAttempts {

    private final int deterministicLimit;
    private int deterministic;
    private int transients;

    SplitAttempts(int deterministicLimit) {
        if (deterministicLimit < 1) {
            throw new IllegalArgumentException("deterministicLimit must be at least 1, not " + deterministicLimit);
        }
        this.deterministicLimit = deterministicLimit;
    }

    /**
     * Records a failed attempt; returns the refusal to dead-letter the message with, or null when the message
     * is to be tried again.
     */
    UnprocessableMessageException failed(SplitFailure failure) {
        if (failure instanceof SplitFailure.Transient) {
            transients++;
            return null;
        }
        deterministic++;
        if (deterministic < deterministicLimit) {
            return null;
        }
        return new UnprocessableMessageException(failure.reason() + " (failed deterministically on " + deterministic
                + " of at most " + deterministicLimit + " attempts, " + transients + " transient failures besides)");
    }

    int deterministicFailures() {
        return deterministic;
    }
}
