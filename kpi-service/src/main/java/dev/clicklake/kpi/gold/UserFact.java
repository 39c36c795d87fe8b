package dev.clicklake.kpi.gold;

/** A user seen on a UTC day, and whether they purchased that day. */
public record UserFact(long userId, boolean purchased) {
}
