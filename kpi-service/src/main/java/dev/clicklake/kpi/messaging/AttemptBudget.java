package dev.clicklake.kpi.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per message, the attempts that failed deterministically, so such a message is dead-lettered after
 * {@code maxAttempts} instead of retried forever. Held in memory: a restart gives a message a fresh budget, which
 * is still bounded.
 */
final class AttemptBudget {

    private final int maxAttempts;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    AttemptBudget(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** Counts one more deterministic failure of {@code message}; whether its budget is now spent (it is forgotten then). */
    boolean spentAfterFailure(String message) {
        int failed = failures.merge(message, 1, Integer::sum);
        if (failed >= maxAttempts) {
            failures.remove(message);
            return true;
        }
        return false;
    }

    /** {@code message} succeeded (or was dead-lettered): its count starts again. */
    void forget(String message) {
        failures.remove(message);
    }
}
