package dev.clicklake.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The claim files need keys in signed (hi, lo) order: fastutil's radix sort of the two halves (which
 * {@link EventKeySet} uses) gives it, as did the hand-written sort it replaced ({@link HandWrittenKeyRadixSort}).
 */
class KeyRadixSortTest {

    private static final Comparator<EventKey> SIGNED = Comparator.comparingLong(EventKey::hi).thenComparingLong(EventKey::lo);

    @Test
    void sortsLikeASignedComparisonOfHiThenLo() {
        Random random = new Random(3);
        List<EventKey> keys = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            keys.add(new EventKey(random.nextLong(), random.nextLong()));
        }
        // equal his (ordered by lo), extremes, negative and positive halves, duplicates
        for (long hi : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 42}) {
            for (long lo : new long[] {Long.MAX_VALUE, 0, Long.MIN_VALUE, -7, 7, 7}) {
                keys.add(new EventKey(hi, lo));
            }
        }
        assertEquals(sortedByComparator(keys), radixSorted(keys));
        assertEquals(sortedByComparator(keys), handWrittenSorted(keys));
    }

    @Test
    void sortsNothingAndOne() {
        assertEquals(List.of(), radixSorted(List.of()));
        assertEquals(List.of(new EventKey(-5, 9)), radixSorted(List.of(new EventKey(-5, 9))));
    }

    @Test
    void eventKeySetSortsThroughIt() {
        EventKeySet set = new EventKeySet();
        Random random = new Random(5);
        List<EventKey> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            EventKey key = new EventKey(random.nextInt(50) - 25, random.nextLong());
            if (set.add(key)) {
                keys.add(key);
            }
        }
        assertEquals(sortedByComparator(keys), SortedKeys.of(set));
    }

    private static List<EventKey> sortedByComparator(List<EventKey> keys) {
        return keys.stream().sorted(SIGNED).toList();
    }

    private static List<EventKey> radixSorted(List<EventKey> keys) {
        long[] his = keys.stream().mapToLong(EventKey::hi).toArray();
        long[] los = keys.stream().mapToLong(EventKey::lo).toArray();
        LongArrays.radixSort(his, los, 0, keys.size());
        return asKeys(his, los);
    }

    private static List<EventKey> handWrittenSorted(List<EventKey> keys) {
        long[] his = keys.stream().mapToLong(EventKey::hi).toArray();
        long[] los = keys.stream().mapToLong(EventKey::lo).toArray();
        HandWrittenKeyRadixSort.sort(his, los, keys.size());
        return asKeys(his, los);
    }

    private static List<EventKey> asKeys(long[] his, long[] los) {
        List<EventKey> sorted = new ArrayList<>();
        for (int i = 0; i < his.length; i++) {
            sorted.add(new EventKey(his[i], los[i]));
        }
        return sorted;
    }
}
