package dev.clicklake.contracts.runtime;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Retries an infrastructure operation (lake, broker, database) with capped exponential backoff until it
 * succeeds or the thread is interrupted. An outage then delays work instead of turning it into dead
 * letters or quarantined rows; the consumer does not acknowledge meanwhile, so a restart redelivers.
 */
public final class Backoff {

    private static final Logger LOG = Logger.getLogger(Backoff.class);

    private final Duration first;
    private final Duration max;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /**
     * Runs {@code work} until it returns; {@code what} names it in the warnings logged between tries. An
     * exception of one of the {@code permanent} types is not retried but thrown at once.
     */
    @SafeVarargs
    public final <T> T untilSuccess(String what, Callable<T> work, Class<? extends RuntimeException>... permanent)
            throws InterruptedException {
        long delay = first.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                for (Class<? extends RuntimeException> type : permanent) {
                    if (type.isInstance(e)) {
                        throw type.cast(e);
                    }
                }
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, delay, e.toString());
                Thread.sleep(delay);
                delay = Math.min(max.toMillis(), delay * 2);
            }
        }
    }
}
