package dev.clicklake.kpi.gold;

import java.math.BigDecimal;

/**
 * The exact session timing of a range: the sum over its sessions of (last - first event time within the
 * range) and the sessions with exactly one event in it.
 *
 * <p>Days store their own sums. A session with events on several days of the range contributes to each day's
 * sums its per-day parts; {@link #of} swaps those parts for the session's span over the range, and drops it
 * from the bounces (it has at least two events in the range).
 */
public record SessionTiming(long durationMicros, long bouncedSessions) {

    private static final int MICROS_SCALE = 6;

    /**
     * @param sets the merged id sets of the range, with its days' timing sums
     * @param multiDay what the days stored about the range's multi-day sessions
     */
    public static SessionTiming of(IdSets sets, MultiDaySessionFacts multiDay) {
        return new SessionTiming(sets.sessionDurationMicros() - multiDay.perDayDurationMicros() + multiDay.spanMicros(),
                sets.bouncedSessions() - multiDay.perDayBounces());
    }

    public BigDecimal durationSeconds() {
        return BigDecimal.valueOf(durationMicros, MICROS_SCALE);
    }
}
