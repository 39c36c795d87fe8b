package dev.clicklake.kpi.gold;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * A random population for the range-correction tests: users seen (and buying) on scattered days, and sessions
 * spanning one to four days, some with gaps; {@link #direct} counts any range's figures by brute force.
 */
record RandomActivity(List<User> users, List<List<SessionDay>> sessions) {

    static final int DAYS = 9;
    static final long FIRST_DAY = 18_197; // 2019-10-28
    static final long DAY_MICROS = 86_400_000_000L;

    /** A user's activity: per day, absent, seen, or seen and bought. */
    record User(long id, int[] days) {
        boolean seenWithin(int from, int to, boolean buying) {
            for (int d = from; d <= to; d++) {
                if (days[d] == 2 || (!buying && days[d] == 1)) {
                    return true;
                }
            }
            return false;
        }
    }

    static RandomActivity of(Random random) {
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
        return new RandomActivity(users, sessions);
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

    /** The ids of the users seen (or, with {@code buying}, buying) on {@code day}. */
    Roaring64NavigableMap ids(int day, boolean buying) {
        Roaring64NavigableMap ids = new Roaring64NavigableMap();
        users.stream().filter(user -> user.seenWithin(day, day, buying)).forEach(user -> ids.addLong(user.id()));
        return ids;
    }

    /** The measures over days [from, to], counted directly, indexed like {@link CorrectedMeasure}. */
    long[] direct(int from, int to) {
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
