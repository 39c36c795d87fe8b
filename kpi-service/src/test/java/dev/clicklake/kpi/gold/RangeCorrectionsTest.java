package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Days' own figures plus {@link RangeCorrections} give, for EVERY range of days, the figures counted directly
 * from the ids and sessions of the range (a brute-force count here, per range, over a random population of users
 * seen on scattered days and sessions spanning several days, some with gaps).
 */
class RangeCorrectionsTest {

    private static final int DAYS = RandomActivity.DAYS;
    private static final long FIRST_DAY = RandomActivity.FIRST_DAY;
    private static final long DAY_MICROS = RandomActivity.DAY_MICROS;

    @Test
    void daysPlusCorrectionsEqualADirectCountForEveryRange() {
        RandomActivity activity = RandomActivity.of(new Random(46));
        List<RandomActivity.User> users = activity.users();
        List<List<SessionDay>> sessions = activity.sessions();

        RangeCorrections corrections = new RangeCorrections();
        ReturningIds seen = new ReturningIds();
        ReturningIds bought = new ReturningIds();
        for (int d = 0; d < DAYS; d++) {
            long day = FIRST_DAY + d;
            seen.add(day, activity.ids(d, false), (previous, n) -> corrections.add(previous, day, CorrectedMeasure.USERS, -n));
            bought.add(day, activity.ids(d, true), (previous, n) -> corrections.add(previous, day, CorrectedMeasure.BUYERS, -n));
        }
        sessions.stream().filter(days -> days.size() > 1).forEach(days -> MultiDaySession.correct(days, corrections));

        long[][] dayFigures = new long[DAYS][];
        for (int d = 0; d < DAYS; d++) {
            dayFigures[d] = activity.direct(d, d);
        }
        for (int from = 0; from < DAYS; from++) {
            for (int to = from; to < DAYS; to++) {
                long[] served = corrections.within(FIRST_DAY + from, FIRST_DAY + to);
                for (int d = from; d <= to; d++) {
                    for (int m = 0; m < served.length; m++) {
                        served[m] += dayFigures[d][m];
                    }
                }
                assertArrayEquals(activity.direct(from, to), served, "days " + from + ".." + to);
            }
        }
        long[] allPairs = new long[CorrectedMeasure.COUNT];
        corrections.pairs().forEach(pair -> {
            for (int m = 0; m < allPairs.length; m++) {
                allPairs[m] += pair.values()[m];
            }
        });
        assertArrayEquals(corrections.within(FIRST_DAY, FIRST_DAY + DAYS - 1), allPairs);
    }

    @Test
    void aSessionThatCartsOnOneDayAndBuysOnTheNextIsACartPurchaseSessionOfRangesHoldingBoth() {
        RangeCorrections corrections = new RangeCorrections();
        MultiDaySession.correct(List.of(new SessionDay(FIRST_DAY, 0, 60_000_000L, 3, true, true, false),
                new SessionDay(FIRST_DAY + 1, DAY_MICROS + 5, DAY_MICROS + 5, 1, false, false, true)), corrections);

        long[] pair = corrections.within(FIRST_DAY, FIRST_DAY + 1);
        // each day alone: no cart-and-purchase session; both: one. Sessions 1 + 1 - 1; bounces 0 + 1 - 1.
        assertEquals(1, pair[CorrectedMeasure.CART_PURCHASE_SESSIONS.ordinal()]);
        assertEquals(-1, pair[CorrectedMeasure.SESSIONS.ordinal()]);
        assertEquals(-1, pair[CorrectedMeasure.BOUNCED_SESSIONS.ordinal()]);
        // durations 60 s + 0 s, plus the gap from the last event of day 1 to the first of day 2
        assertEquals(DAY_MICROS + 5 - 60_000_000L, pair[CorrectedMeasure.SESSION_DURATION_US.ordinal()]);
    }

    @Test
    void daysComeInAscendingOrderAndPairsJoinTwoDifferentDays() {
        ReturningIds ids = new ReturningIds();
        ids.add(FIRST_DAY + 1, new Roaring64NavigableMap(), (previous, n) -> { });
        assertThrows(IllegalArgumentException.class, () -> ids.add(FIRST_DAY, new Roaring64NavigableMap(), (p, n) -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> new RangeCorrections().add(FIRST_DAY, FIRST_DAY, CorrectedMeasure.USERS, -1));
    }
}
