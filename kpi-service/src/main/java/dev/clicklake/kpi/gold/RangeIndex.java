package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Every range of one dataset's days answered from memory: the days' own figures as prefix sums, and the
 * {@link RangeCorrections} as per-first-day prefix sums over the last day. A range [from, to) then costs one
 * subtraction per measure for its days and one addition per day and measure for its corrections, whatever the
 * number of events. Built from one snapshot of gold, so every answer is of one version of it.
 */
public final class RangeIndex {

    /** The measures of {@link PeriodFigures} in order, revenue in cents. */
    private static final int MEASURES = 18;
    private static final int REVENUE = 5;
    /** Where each {@link CorrectedMeasure} sits among the {@link #MEASURES}. */
    private static final int[] CORRECTED_AT = {6, 8, 7, 9, 10, 11, 12, 13, 14, 16, 17};
    private static final int MONEY_SCALE = 2;

    /** One day's own figures. */
    public record Day(LocalDate date, PeriodFigures figures) {
    }

    private final long firstDay;
    private final int days;
    private final long[] dayPrefix;
    private final long[][] correctionPrefix;

    private RangeIndex(long firstDay, int days, long[] dayPrefix, long[][] correctionPrefix) {
        this.firstDay = firstDay;
        this.days = days;
        this.dayPrefix = dayPrefix;
        this.correctionPrefix = correctionPrefix;
    }

    /** The index of a dataset whose days are {@code days} (any order) and corrections {@code pairs}. */
    public static RangeIndex of(List<Day> days, List<RangeCorrections.Pair> pairs) {
        if (days.isEmpty()) {
            return new RangeIndex(0, 0, new long[MEASURES], new long[0][]);
        }
        long first = days.stream().mapToLong(day -> day.date().toEpochDay()).min().orElseThrow();
        long last = days.stream().mapToLong(day -> day.date().toEpochDay()).max().orElseThrow();
        int span = Math.toIntExact(last - first + 1);
        long[] prefix = new long[(span + 1) * MEASURES];
        for (Day day : days) {
            long[] values = values(day.figures());
            int at = (Math.toIntExact(day.date().toEpochDay() - first) + 1) * MEASURES;
            for (int m = 0; m < MEASURES; m++) {
                prefix[at + m] += values[m];
            }
        }
        for (int d = 1; d <= span; d++) {
            for (int m = 0; m < MEASURES; m++) {
                prefix[d * MEASURES + m] += prefix[(d - 1) * MEASURES + m];
            }
        }
        long[][] corrections = new long[span][];
        for (RangeCorrections.Pair pair : pairs) {
            int a = Math.toIntExact(pair.first().toEpochDay() - first);
            int b = Math.toIntExact(pair.last().toEpochDay() - first);
            if (a < 0 || b >= span) {
                throw new IllegalArgumentException("a correction pairs days outside the dataset's: " + pair.first()
                        + ", " + pair.last());
            }
            if (corrections[a] == null) {
                corrections[a] = new long[(span - a) * CorrectedMeasure.COUNT];
            }
            for (int m = 0; m < CorrectedMeasure.COUNT; m++) {
                corrections[a][(b - a) * CorrectedMeasure.COUNT + m] += pair.values()[m];
            }
        }
        for (long[] row : corrections) {
            for (int i = CorrectedMeasure.COUNT; row != null && i < row.length; i++) {
                row[i] += row[i - CorrectedMeasure.COUNT];
            }
        }
        return new RangeIndex(first, span, prefix, corrections);
    }

    /** The dataset's first day, or null when it has none. */
    public LocalDate firstDay() {
        return days == 0 ? null : LocalDate.ofEpochDay(firstDay);
    }

    /** The dataset's last day, or null when it has none. */
    public LocalDate lastDay() {
        return days == 0 ? null : LocalDate.ofEpochDay(firstDay + days - 1);
    }

    /** How many days the dataset spans, first to last (days without events included). */
    public int span() {
        return days;
    }

    /** The exact figures of the days in [from, to). */
    public PeriodFigures figures(LocalDate from, LocalDate to) {
        long[] sum = new long[MEASURES];
        int s = (int) Math.max(0, Math.min(days, from.toEpochDay() - firstDay));
        int e = (int) Math.max(0, Math.min(days, to.toEpochDay() - firstDay)) - 1;
        if (s <= e) {
            for (int m = 0; m < MEASURES; m++) {
                sum[m] = dayPrefix[(e + 1) * MEASURES + m] - dayPrefix[s * MEASURES + m];
            }
            for (int a = s; a < e; a++) {
                long[] row = correctionPrefix[a];
                if (row != null) {
                    for (int m = 0; m < CorrectedMeasure.COUNT; m++) {
                        sum[CORRECTED_AT[m]] += row[(e - a) * CorrectedMeasure.COUNT + m];
                    }
                }
            }
        }
        return new PeriodFigures(sum[0], sum[1], sum[2], sum[3], sum[4], BigDecimal.valueOf(sum[REVENUE], MONEY_SCALE),
                sum[6], sum[7], sum[8], sum[9], sum[10], sum[11], sum[12], sum[13], sum[14], sum[15], sum[16], sum[17]);
    }

    private static long[] values(PeriodFigures f) {
        return new long[] {f.events(), f.views(), f.carts(), f.removes(), f.purchases(),
            f.revenue().setScale(MONEY_SCALE).unscaledValue().longValueExact(), f.users(), f.sessions(), f.buyers(),
            f.viewingSessions(), f.cartingSessions(), f.purchasingSessions(), f.cartPurchaseSessions(),
            f.funnelCartSessions(), f.funnelPurchaseSessions(), f.sessionEvents(), f.sessionDurationMicros(),
            f.bouncedSessions()};
    }
}
