package dev.clicklake.kpi.gold;

/**
 * What one session did on one day: its first and last event time that day (epoch microseconds), its events,
 * and whether it viewed, carted, purchased.
 */
public record SessionDay(long day, long firstMicros, long lastMicros, long events, boolean viewed, boolean carted,
        boolean purchased) {
}
