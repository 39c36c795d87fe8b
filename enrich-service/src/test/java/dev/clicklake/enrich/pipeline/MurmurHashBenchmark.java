package dev.clicklake.enrich.pipeline;

import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.MurmurHash3;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hand-written MurmurHash3 x64 128 against Apache Commons Codec's, over the same encoded random events
 * (one op = one event's key). Not a test: run by {@code enrich-service/bench/libraries-benchmark.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MurmurHashBenchmark {

    private static final int EVENTS = 4096;

    private byte[][] encoded;

    @Setup
    public void encodeEvents() {
        RandomSilverEvents events = new RandomSilverEvents(1);
        encoded = new byte[EVENTS][];
        for (int i = 0; i < EVENTS; i++) {
            encoded[i] = EventKeyBytes.of(events.next());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long handWritten() {
        long sum = 0;
        for (byte[] bytes : encoded) {
            EventKey key = EventKeyHasher.murmur3(bytes, bytes.length);
            sum += key.hi() ^ key.lo();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long commonsCodec() {
        long sum = 0;
        for (byte[] bytes : encoded) {
            long[] hash = MurmurHash3.hash128x64(bytes, 0, bytes.length, 0);
            EventKey key = new EventKey(hash[0], hash[1]);
            sum += key.hi() ^ key.lo();
        }
        return sum;
    }
}
