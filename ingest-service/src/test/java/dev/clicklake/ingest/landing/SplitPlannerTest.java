package dev.clicklake.ingest.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Split;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitPlannerTest {

    @Test
    void splitsCoverEveryByteOnceAndStartOnLineBoundaries() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("row").append(i).append(",").append("x".repeat(random.nextInt(40))).append('\n');
        }
        byte[] data = text.toString().getBytes(StandardCharsets.US_ASCII);
        for (int target : new int[] {1, 17, 100, 1000, 100_000}) {
            for (int chunk : new int[] {1, 7, 4096}) {
                SplitPlanner planner = new SplitPlanner(target, 0, 1);
                for (int off = 0; off < data.length; off += chunk) {
                    planner.accept(data, off, Math.min(chunk, data.length - off));
                }
                List<Split> splits = planner.finish();
                assertCovers(data, 0, 1, splits);
                assertEquals(500, planner.rows());
            }
        }
    }

    @Test
    void lineEndsAreFoundAmongAnyBytesAtAnyChunkingAndAlignment() {
        Random random = new Random(11);
        byte[] data = new byte[20_000];
        for (int i = 0; i < data.length; i++) {
            int kind = random.nextInt(10);
            data[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? 0x0B : kind == 2 ? 0x09 : random.nextInt(256));
        }
        long newlines = 0;
        for (byte b : data) {
            newlines += b == '\n' ? 1 : 0;
        }
        for (int chunk : new int[] {1, 3, 8, 9, 63, 4096}) {
            SplitPlanner planner = new SplitPlanner(50, 0, 1);
            for (int off = 0; off < data.length; off += chunk) {
                planner.accept(data, off, Math.min(chunk, data.length - off));
            }
            List<Split> splits = planner.finish();
            assertCovers(data, 0, 1, splits);
            assertEquals(newlines + (data[data.length - 1] == '\n' ? 0 : 1), planner.rows(), "chunk " + chunk);
        }
    }

    @Test
    void aLastLineWithoutLineEndIsARowOfTheLastSplit() {
        byte[] data = "a\nb\nc".getBytes(StandardCharsets.US_ASCII);
        SplitPlanner planner = new SplitPlanner(2, 0, 1);
        planner.accept(data, 0, data.length);
        List<Split> splits = planner.finish();
        assertEquals(3, planner.rows());
        assertEquals(List.of(new Split(0, 3, 0, 2, 1, 1), new Split(1, 3, 2, 2, 2, 1), new Split(2, 3, 4, 1, 3, 1)), splits);
    }

    @Test
    void dataAfterAHeaderStartsAtItsOffsetAndLineTwo() {
        byte[] rows = "r1\nr2\n".getBytes(StandardCharsets.US_ASCII);
        SplitPlanner planner = new SplitPlanner(1000, 10, 2);
        planner.accept(rows, 0, rows.length);
        assertEquals(List.of(new Split(0, 1, 10, 6, 2, 2)), planner.finish());
    }

    /** Independent check: the splits, cut out of the data, are consecutive, whole lines, and numbered right. */
    static void assertCovers(byte[] data, long dataStart, long firstLine, List<Split> splits) {
        long expectedOffset = dataStart;
        long expectedLine = firstLine;
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            assertEquals(i, s.index());
            assertEquals(splits.size(), s.count());
            assertEquals(expectedOffset, s.offset(), "split " + i + " starts where the previous one ended");
            assertTrue(s.offset() == dataStart || data[(int) s.offset() - 1] == '\n', "split " + i + " starts a line");
            long lines = 0;
            for (long p = s.offset(); p < s.offset() + s.length(); p++) {
                if (data[(int) p] == '\n') {
                    lines++;
                }
            }
            boolean endsWithNewline = data[(int) (s.offset() + s.length() - 1)] == '\n';
            assertEquals(lines + (endsWithNewline ? 0 : 1), s.rows(), "rows of split " + i);
            assertEquals(expectedLine, s.firstLine(), "first line of split " + i);
            expectedOffset += s.length();
            expectedLine += s.rows();
        }
        assertEquals(data.length, expectedOffset, "the splits end at the end of the data");
    }
}
