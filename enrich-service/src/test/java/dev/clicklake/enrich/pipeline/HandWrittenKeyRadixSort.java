package dev.clicklake.enrich.pipeline;

import java.util.Arrays;

/**
 * The radix sort of keys {@link EventKeySet} used until it used fastutil's {@code LongArrays.radixSort}, kept
 * unchanged as the baseline of {@link KeySortBenchmark}.
 *
 * <p>Sorts 128-bit keys held as two parallel arrays ({@code his[i]}, {@code los[i]}) into ascending (hi, lo) order,
 * both halves compared as signed longs, as {@code Long.compare} does. An LSD radix sort over 16-bit digits: eight
 * stable passes, no comparisons and no object per key, several times faster than sorting key objects with a
 * comparator (the comparator sort was a tenth of a split's Java time).
 */
final class HandWrittenKeyRadixSort {

    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int DIGITS_PER_HALF = Long.SIZE / DIGIT_BITS;

    private HandWrittenKeyRadixSort() {
    }

    /** Sorts the first {@code size} keys of the arrays in place. */
    static void sort(long[] his, long[] los, int size) {
        flipSigns(his, los, size); // signed order = unsigned order of the values with their sign bit flipped
        long[] hisBuffer = new long[size];
        long[] losBuffer = new long[size];
        int[] counts = new int[BUCKETS];
        long[] fromHi = his;
        long[] fromLo = los;
        long[] toHi = hisBuffer;
        long[] toLo = losBuffer;
        for (int pass = 0; pass < 2 * DIGITS_PER_HALF; pass++) {
            boolean lowHalf = pass < DIGITS_PER_HALF;
            int shift = (pass % DIGITS_PER_HALF) * DIGIT_BITS;
            long[] digits = lowHalf ? fromLo : fromHi;
            Arrays.fill(counts, 0);
            for (int i = 0; i < size; i++) {
                counts[(int) (digits[i] >>> shift) & (BUCKETS - 1)]++;
            }
            for (int bucket = 0, start = 0; bucket < BUCKETS; bucket++) {
                int count = counts[bucket];
                counts[bucket] = start;
                start += count;
            }
            for (int i = 0; i < size; i++) {
                int to = counts[(int) (digits[i] >>> shift) & (BUCKETS - 1)]++;
                toHi[to] = fromHi[i];
                toLo[to] = fromLo[i];
            }
            long[] swap = fromHi;
            fromHi = toHi;
            toHi = swap;
            swap = fromLo;
            fromLo = toLo;
            toLo = swap;
        }
        // an even number of passes: the sorted keys are back in the caller's arrays
        flipSigns(his, los, size);
    }

    private static void flipSigns(long[] his, long[] los, int size) {
        for (int i = 0; i < size; i++) {
            his[i] ^= Long.MIN_VALUE;
            los[i] ^= Long.MIN_VALUE;
        }
    }
}
