package dev.clicklake.ingest.source;

import java.io.IOException;
import java.time.Duration;

/**
 * The retry policy of one source, shared by every way it can fail (cannot connect, HTTP 5xx, dropped or
 * stalled midway, restarted from byte 0): at most {@code retries} further attempts in all, waiting
 * {@code backoff} before the first and twice as long before each next one.
 */
public final class RetryBudget {

    private final int retries;
    private final Duration backoff;
    private int failures;

    public RetryBudget(int retries, Duration backoff) {
        this.retries = retries;
        this.backoff = backoff;
    }

    /** A budget that never retries, for sources that cannot be read again (uploads, local files). */
    public static RetryBudget none() {
        return new RetryBudget(0, Duration.ZERO);
    }

    /**
     * Records a failure: waits before the next attempt, or throws when the budget is spent, with the
     * number of attempts and the last failure in the message.
     */
    public void spend(IOException failure) throws IOException {
        if (failures >= retries) {
            throw new IOException("the source failed " + (failures + 1) + " times; the last time: " + failure.getMessage(),
                    failure);
        }
        try {
            Thread.sleep(backoff.multipliedBy(1L << Math.min(failures, 20)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to try the source again", e);
        }
        failures++;
    }

    /** Failures recorded so far. */
    public int failures() {
        return failures;
    }

    /** Attempts allowed in all, the first one included. */
    public int attempts() {
        return retries + 1;
    }
}
