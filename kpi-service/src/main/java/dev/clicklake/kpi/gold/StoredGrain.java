package dev.clicklake.kpi.gold;

/**
 * A precomputed period (a month or the whole dataset) as stored: the days it was computed from and its
 * figures. It still answers for its period while the days there match {@code span} (same number of days and
 * of events): a day rebuilt since is recomputed into the grain right after, and until then the range is
 * computed from the days.
 */
public record StoredGrain(DaySpan span, PeriodFigures figures) {

    /** Whether it was computed from {@code current}, the days the period has now. */
    public boolean matches(DaySpan current) {
        return span.days() == current.days() && span.events() == current.events();
    }
}
