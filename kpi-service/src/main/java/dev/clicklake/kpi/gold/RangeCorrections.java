package dev.clicklake.kpi.gold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes the non-additive measures of any day range exact from its days' own figures.
 *
 * <p>For a range [s, e] of days, a distinct count (or session timing) is the sum of its days' figures plus the
 * sum of the corrections at every pair of days (a, b) with s <= a < b <= e. The pairs come from the ids seen on
 * several days: a user seen on days 3 and 7 (and not between) adds -1 at (3, 7), so a range holding both days
 * counts it once, a range holding one of them once, and a range holding neither not at all. A session with
 * events on several days adds, for each pair of its days, the second difference of its figures over the runs
 * of its days (see {@link MultiDaySession}). This is the inclusion-exclusion of the field's
 * "distinct count over a range" problem solved once per gold build; a range then needs one sum over at most
 * days x days / 2 small rows instead of an OR of bitmaps, whatever the number of events.
 */
public final class RangeCorrections {

    /** The corrections at one pair of days, first < last, indexed by {@link CorrectedMeasure#ordinal()}. */
    public record Pair(LocalDate first, LocalDate last, long[] values) {
    }

    private final Map<Long, long[]> pairs = new HashMap<>();

    /** Adds {@code delta} to {@code measure} at the pair (first, last) of epoch days; first < last. */
    public void add(long firstDay, long lastDay, CorrectedMeasure measure, long delta) {
        if (firstDay >= lastDay) {
            throw new IllegalArgumentException("a correction pairs two different days, first before last: "
                    + firstDay + ", " + lastDay);
        }
        if (delta != 0) {
            pairs.computeIfAbsent(key(firstDay, lastDay), k -> new long[CorrectedMeasure.COUNT])[measure.ordinal()] += delta;
        }
    }

    /** The pairs with a correction other than zero, by first then last day. */
    public List<Pair> pairs() {
        List<Pair> nonZero = new ArrayList<>();
        pairs.forEach((key, values) -> {
            for (long value : values) {
                if (value != 0) {
                    nonZero.add(new Pair(LocalDate.ofEpochDay(first(key)), LocalDate.ofEpochDay(last(key)),
                            values.clone()));
                    return;
                }
            }
        });
        nonZero.sort(Comparator.comparing(Pair::first).thenComparing(Pair::last));
        return nonZero;
    }

    /** The sum of the corrections of every pair within the days [first, last]: what a range adds to its days. */
    public long[] within(long firstDay, long lastDay) {
        long[] sum = new long[CorrectedMeasure.COUNT];
        pairs.forEach((key, values) -> {
            if (first(key) >= firstDay && last(key) <= lastDay) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i];
                }
            }
        });
        return sum;
    }

    private static long key(long firstDay, long lastDay) {
        return (long) Math.toIntExact(firstDay) << 32 | (Math.toIntExact(lastDay) & 0xFFFF_FFFFL);
    }

    private static long first(long key) {
        return key >> 32;
    }

    private static long last(long key) {
        return (int) key;
    }
}
