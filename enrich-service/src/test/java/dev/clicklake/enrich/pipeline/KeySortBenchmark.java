package dev.clicklake.enrich.pipeline;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link HandWrittenKeyRadixSort} (the sort {@link EventKeySet} had) against fastutil's radix sorts of two parallel long arrays (same signed (hi, lo) order),
 * over the same random keys, as many as a split's distinct events. One op = one sort of all the keys; each
 * invocation sorts a fresh copy, made outside the timing. Not a test: run by
 * {@code enrich-service/bench/libraries-benchmark.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KeySortBenchmark {

    /** Keys per sort: a 128 MiB split holds about a million rows. */
    @Param({"100000", "1000000"})
    public int keys;

    private long[] his;
    private long[] los;
    private long[] sortingHis;
    private long[] sortingLos;

    @Setup
    public void randomKeys() {
        Random random = new Random(2);
        his = random.longs(keys).toArray();
        los = random.longs(keys).toArray();
    }

    @Setup(Level.Invocation)
    public void freshCopy() {
        sortingHis = his.clone();
        sortingLos = los.clone();
    }

    @Benchmark
    public long handWritten() {
        HandWrittenKeyRadixSort.sort(sortingHis, sortingLos, keys);
        return sortingHis[keys / 2] ^ sortingLos[keys / 2];
    }

    @Benchmark
    public long fastutilRadixSort() {
        LongArrays.radixSort(sortingHis, sortingLos, 0, keys);
        return sortingHis[keys / 2] ^ sortingLos[keys / 2];
    }

    @Benchmark
    public long fastutilParallelRadixSort() {
        LongArrays.parallelRadixSort(sortingHis, sortingLos);
        return sortingHis[keys / 2] ^ sortingLos[keys / 2];
    }
}
