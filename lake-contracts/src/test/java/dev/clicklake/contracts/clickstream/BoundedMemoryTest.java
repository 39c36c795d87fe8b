package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory stays flat however many rows are written: measured while 2 million rows stream to nowhere. */
class BoundedMemoryTest {

    private static final long MB = 1024 * 1024;

    @Test
    void retainedHeapStaysSmallAndFlatWhileTwoMillionRowsStreamOut() throws IOException {
        HeapSampler sampler = new HeapSampler(40 * MB);
        ClickstreamSummary summary = new ClickstreamGenerator(ClickstreamOptions.builder()
                .seed(1).rows(2_000_000).days(2).build()).generate(sampler);

        assertEquals(2_000_000, summary.rows());
        List<Long> retained = sampler.retainedAfterGc;
        assertTrue(retained.size() >= 5, "samples: " + retained);
        long first = retained.get(0);
        long largest = retained.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(largest - first < 16 * MB, "retained heap grew from " + first / MB + " to " + largest / MB + " MB");
    }

    /** Discards what it is given and, every {@code interval} bytes, records the heap in use after a GC. */
    private static final class HeapSampler extends OutputStream {
        private final long interval;
        private final List<Long> retainedAfterGc = new ArrayList<>();
        private long bytes;

        HeapSampler(long interval) {
            this.interval = interval;
        }

        @Override
        public void write(int b) {
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count(len);
        }

        private void count(int length) {
            long before = bytes / interval;
            bytes += length;
            if (bytes / interval != before) {
                System.gc();
                Runtime runtime = Runtime.getRuntime();
                retainedAfterGc.add(runtime.totalMemory() - runtime.freeMemory());
            }
        }
    }
}
