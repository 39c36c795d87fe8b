package dev.clicklake.kpi.gold;

/**
 * What one session did within one UTC day: which event types it had, how many events, and the times (epoch
 * microseconds) of its first and last event of that day.
 */
public record SessionFact(String session, boolean viewed, boolean carted, boolean purchased, long events,
        long firstMicros, long lastMicros) {

    public long durationMicros() {
        return lastMicros - firstMicros;
    }
}
