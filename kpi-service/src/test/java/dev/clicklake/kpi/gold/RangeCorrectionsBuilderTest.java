package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Both ways of {@link RangeCorrectionsBuilder} over the stored days of a random population: every pair from scratch
 * gives each range exactly its brute-force figures, and the pairs ending on or after any day, scanned back, are
 * exactly the ones a rebuild from scratch finds there, so stored pairs ending before plus those are the whole set.
 */
class RangeCorrectionsBuilderTest {

    private static final int DAYS = RandomActivity.DAYS;

    @Test
    void everyPairFromScratchGivesEveryRangeItsDirectFigures() throws Exception {
        RandomActivity activity = RandomActivity.of(new Random(7));
        RangeCorrections corrections = new RangeCorrectionsBuilder(stored(activity)).all(days(DAYS));

        for (int from = 0; from < DAYS; from++) {
            for (int to = from; to < DAYS; to++) {
                long[] served = corrections.within(RandomActivity.FIRST_DAY + from, RandomActivity.FIRST_DAY + to);
                for (int d = from; d <= to; d++) {
                    long[] day = activity.direct(d, d);
                    for (int m = 0; m < served.length; m++) {
                        served[m] += day[m];
                    }
                }
                assertArrayEquals(activity.direct(from, to), served, "days " + from + ".." + to);
            }
        }
    }

    @Test
    void pairsEndingOnOrAfterADayAreExactlyThoseOfARebuildFromScratch() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            RandomActivity activity = RandomActivity.of(new Random(seed));
            RangeCorrectionsBuilder builder = new RangeCorrectionsBuilder(stored(activity));
            List<RangeCorrections.Pair> everyPair = builder.all(days(DAYS)).pairs();
            for (int first = 0; first < DAYS; first++) {
                LocalDate from = days(DAYS).get(first);
                List<RangeCorrections.Pair> kept = everyPair.stream().filter(pair -> pair.last().isBefore(from)).toList();
                List<RangeCorrections.Pair> rescanned = builder.endingOnOrAfter(days(DAYS), from).pairs();
                assertEquals(render(everyPair.stream().filter(pair -> !pair.last().isBefore(from)).toList()),
                        render(rescanned), "seed " + seed + ", pairs ending on or after day " + first);
                List<RangeCorrections.Pair> merged = new ArrayList<>(kept);
                merged.addAll(rescanned);
                assertEquals(everyPair.size(), merged.size());
            }
        }
    }

    private static List<LocalDate> days(int count) {
        return IntStream.range(0, count).mapToObj(d -> LocalDate.ofEpochDay(RandomActivity.FIRST_DAY + d)).toList();
    }

    private static List<String> render(List<RangeCorrections.Pair> pairs) {
        return pairs.stream().map(pair -> pair.first() + ".." + pair.last() + " " + java.util.Arrays.toString(pair.values()))
                .toList();
    }

    /** The days' id sets and session facts as gold stores them, sessions numbered by their place in the list. */
    private static DaySets stored(RandomActivity activity) {
        Map<LocalDate, IdSets> sets = new HashMap<>();
        Map<LocalDate, Map<Long, SessionDay>> facts = new HashMap<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate date = LocalDate.ofEpochDay(RandomActivity.FIRST_DAY + d);
            IdSets day = IdSets.empty();
            day.users().or(activity.ids(d, false));
            day.buyers().or(activity.ids(d, true));
            sets.put(date, day);
            facts.put(date, new HashMap<>());
        }
        for (int s = 0; s < activity.sessions().size(); s++) {
            long id = s + 1;
            for (SessionDay day : activity.sessions().get(s)) {
                LocalDate date = LocalDate.ofEpochDay(day.day());
                IdSets of = sets.get(date);
                of.sessions().addLong(id);
                add(day.viewed(), of.viewingSessions(), id);
                add(day.carted(), of.cartingSessions(), id);
                add(day.purchased(), of.purchasingSessions(), id);
                facts.get(date).put(id, day);
            }
        }
        return new DaySets() {
            @Override
            public IdSets day(LocalDate date) {
                return sets.get(date);
            }

            @Override
            public void sessionFacts(LocalDate date, Roaring64NavigableMap sessions, SessionFactSink sink) {
                sessions.forEach(id -> {
                    SessionDay day = facts.get(date).get(id);
                    if (day != null) {
                        sink.accept(id, day.firstMicros(), day.lastMicros(), day.events());
                    }
                });
            }
        };
    }

    private static void add(boolean condition, Roaring64NavigableMap bitmap, long id) {
        if (condition) {
            bitmap.addLong(id);
        }
    }
}
