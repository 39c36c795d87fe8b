package dev.clicklake.kpi.gold;

/** A precomputed period (a month or the whole dataset) as stored: the days it was computed from and its figures. */
public record StoredGrain(DaySpan span, PeriodFigures figures) {
}
