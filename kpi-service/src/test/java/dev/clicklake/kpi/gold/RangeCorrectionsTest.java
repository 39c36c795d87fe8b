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

    private static final int DAYS = 9;
    private static final long FIRST_DAY = 18_197; // 2019-10-28
    private static final long DAY_MICROS = 86_400_000_000L;

    /** A user's activity: per day, absent, seen, or seen and bought. */
    private record User(long id, int[] days) {
        boolean seenWithin(int from, int to, boolean buying) {
            for (int d = from; d <= to; d++) {
                if (days[d] == 2 || (!buying && days[d] == 1)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void daysPlusCorrectionsEqualADirectCountForEveryRange() {
        Random random = new Random(46);
        List<User> users = new ArrayList<>();
        for (long id = 1; id <= 300; id++) {
            int[] days = new int[DAYS];
            for (int d = 0; d < DAYS; d++) {
                days[d] = random.nextDouble() < 0.3 ? (random.nextDouble() < 0.2 ? 2 : 1) : 0;
            }
            users.add(new User(id * 1_000_003L, days));
        }
        List<List<SessionDay>> sessions = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            sessions.add(sessionDays(random));
        }

        RangeCorrections corrections = new RangeCorrections();
        ReturningIds seen = new ReturningIds();
        ReturningIds bought = new ReturningIds();
        for (int d = 0; d < DAYS; d++) {
            long day = FIRST_DAY + d;
            seen.add(day, ids(users, d, false), (previous, n) -> corrections.add(previous, day, CorrectedMeasure.USERS, -n));
            bought.add(day, ids(users, d, true), (previous, n) -> corrections.add(previous, day, CorrectedMeasure.BUYERS, -n));
        }
        sessions.stream().filter(days -> days.size() > 1).forEach(days -> MultiDaySession.correct(days, corrections));

        long[][] dayFigures = new long[DAYS][];
        for (int d = 0; d < DAYS; d++) {
            dayFigures[d] = direct(users, sessions, d, d);
        }
        for (int from = 0; from < DAYS; from++) {
            for (int to = from; to < DAYS; to++) {
                long[] served = corrections.within(FIRST_DAY + from, FIRST_DAY + to);
                for (int d = from; d <= to; d++) {
                    for (int m = 0; m < served.length; m++) {
                        served[m] += dayFigures[d][m];
                    }
                }
                assertArrayEquals(direct(users, sessions, from, to), served, "days " + from + ".." + to);
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

    /** One to four distinct days, ascending, each with events, times within the day, and flags. */
    private static List<SessionDay> sessionDays(Random random) {
        TreeMap<Integer, SessionDay> days = new TreeMap<>();
        int start = random.nextInt(DAYS);
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int d = Math.min(DAYS - 1, start + (random.nextDouble() < 0.7 ? i : random.nextInt(DAYS - start)));
            long events = 1 + random.nextInt(3);
            long first = d * DAY_MICROS + random.nextInt(1_000_000);
            long last = events == 1 ? first : first + random.nextInt(1_000_000);
            days.put(d, new SessionDay(FIRST_DAY + d, first, last, events, random.nextDouble() < 0.8,
                    random.nextDouble() < 0.3, random.nextDouble() < 0.2));
        }
        return new ArrayList<>(days.values());
    }

    private static Roaring64NavigableMap ids(List<User> users, int day, boolean buying) {
        Roaring64NavigableMap ids = new Roaring64NavigableMap();
        users.stream().filter(user -> user.seenWithin(day, day, buying)).forEach(user -> ids.addLong(user.id()));
        return ids;
    }

    /** The measures over days [from, to], counted directly, indexed like {@link CorrectedMeasure}. */
    private static long[] direct(List<User> users, List<List<SessionDay>> sessions, int from, int to) {
        long[] figures = new long[CorrectedMeasure.COUNT];
        figures[CorrectedMeasure.USERS.ordinal()] = users.stream().filter(u -> u.seenWithin(from, to, false)).count();
        figures[CorrectedMeasure.BUYERS.ordinal()] = users.stream().filter(u -> u.seenWithin(from, to, true)).count();
        for (List<SessionDay> session : sessions) {
            List<SessionDay> in = session.stream()
                    .filter(day -> day.day() >= FIRST_DAY + from && day.day() <= FIRST_DAY + to).toList();
            if (in.isEmpty()) {
                continue;
            }
            boolean viewed = in.stream().anyMatch(SessionDay::viewed);
            boolean carted = in.stream().anyMatch(SessionDay::carted);
            boolean purchased = in.stream().anyMatch(SessionDay::purchased);
            figures[CorrectedMeasure.SESSIONS.ordinal()]++;
            figures[CorrectedMeasure.VIEWING_SESSIONS.ordinal()] += viewed ? 1 : 0;
            figures[CorrectedMeasure.CARTING_SESSIONS.ordinal()] += carted ? 1 : 0;
            figures[CorrectedMeasure.PURCHASING_SESSIONS.ordinal()] += purchased ? 1 : 0;
            figures[CorrectedMeasure.CART_PURCHASE_SESSIONS.ordinal()] += carted && purchased ? 1 : 0;
            figures[CorrectedMeasure.FUNNEL_CART_SESSIONS.ordinal()] += viewed && carted ? 1 : 0;
            figures[CorrectedMeasure.FUNNEL_PURCHASE_SESSIONS.ordinal()] += viewed && carted && purchased ? 1 : 0;
            figures[CorrectedMeasure.SESSION_DURATION_US.ordinal()] +=
                    in.stream().mapToLong(SessionDay::lastMicros).max().orElseThrow()
                            - in.stream().mapToLong(SessionDay::firstMicros).min().orElseThrow();
            figures[CorrectedMeasure.BOUNCED_SESSIONS.ordinal()] +=
                    in.stream().mapToLong(SessionDay::events).sum() == 1 ? 1 : 0;
        }
        return figures;
    }
}
