package dev.clicklake.kpi.gold;

/**
 * What the days of a range stored about the sessions that have events on two or more of them: the sum of
 * their per-day durations, how many of their per-day parts had a single event, and the sum of their spans
 * (last event in the range - first event in the range).
 */
public record MultiDaySessionFacts(long perDayDurationMicros, long perDayBounces, long spanMicros) {

    /** No multi-day session. */
    public static final MultiDaySessionFacts NONE = new MultiDaySessionFacts(0, 0, 0);
}
