package dev.clicklake.kpi.gold;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Calendar arithmetic of the gold grains. */
public final class Periods {

    /** Bounds of a range that holds every day of any dataset. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate AFTER_LAST_DAY = LocalDate.of(9999, 12, 31);

    private Periods() {
    }

    /** Whether [from, to) is exactly one calendar month. */
    public static boolean isWholeMonth(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1));
    }

    /** The first day of each month that {@code dates} touch, sorted and unique. */
    public static List<LocalDate> monthsOf(Collection<LocalDate> dates) {
        return dates.stream().map(date -> date.withDayOfMonth(1)).distinct().sorted().toList();
    }
}
