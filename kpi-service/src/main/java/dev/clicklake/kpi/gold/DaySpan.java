package dev.clicklake.kpi.gold;

import java.time.LocalDate;

/** The days with gold within some period: first and last (null when none), how many, and their events. */
public record DaySpan(LocalDate first, LocalDate last, int days, long events) {

    /** No day. */
    public static final DaySpan NONE = new DaySpan(null, null, 0, 0);

    public boolean isEmpty() {
        return days == 0;
    }
}
