package dev.clicklake.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumingInputStreamTest {

    private static final byte[] DATA = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes();

    @Test
    void aDroppedConnectionResumesFromTheByteWhereItStopped() throws Exception {
        List<Long> asked = new ArrayList<>();
        ResumingInputStream in = new ResumingInputStream(dropsAfter(0, 10), (long) DATA.length, offset -> {
            asked.add(offset);
            return asked.size() == 1 ? dropsAfter((int) offset, 20) : new ByteArrayInputStream(DATA, (int) offset, DATA.length);
        }, new RetryBudget(3, Duration.ZERO));
        assertArrayEquals(DATA, in.readAllBytes());
        assertEquals(List.of(10L, 20L), asked);
    }

    @Test
    void aBodyEndingBeforeTheAnnouncedLengthIsResumedToo() throws Exception {
        ResumingInputStream in = new ResumingInputStream(new ByteArrayInputStream(DATA, 0, 5), (long) DATA.length,
                offset -> new ByteArrayInputStream(DATA, (int) offset, DATA.length), new RetryBudget(1, Duration.ZERO));
        assertArrayEquals(DATA, in.readAllBytes());
    }

    @Test
    void aSourceThatCannotResumeAsksToBeReadAgainFromTheStartAfterSpendingOneRetry() {
        List<Long> asked = new ArrayList<>();
        RetryBudget budget = new RetryBudget(5, Duration.ZERO);
        ResumingInputStream in = new ResumingInputStream(dropsAfter(0, 10), (long) DATA.length, offset -> {
            asked.add(offset);
            throw new SourceRestartException("no ranges", null);
        }, budget);
        SourceRestartException e = assertThrows(SourceRestartException.class, in::readAllBytes);
        assertEquals("no ranges", e.getMessage());
        assertEquals(List.of(10L), asked);
        assertEquals(1, budget.failures(), "the drop itself spent one retry of the source's budget");
    }

    @Test
    void theBudgetIsSharedSoThatEveryKindOfFailureCountsTowardsOneLimit() throws Exception {
        RetryBudget budget = new RetryBudget(2, Duration.ZERO);
        budget.spend(new IOException("HTTP 503"));
        ResumingInputStream in = new ResumingInputStream(dropsAfter(0, 10), (long) DATA.length,
                offset -> dropsAfter((int) offset, (int) offset + 5), budget);
        IOException e = assertThrows(IOException.class, in::readAllBytes);
        assertTrue(e.getMessage().contains("3 times") && e.getMessage().contains("byte 15"), e.getMessage());
    }

    @Test
    void itGivesUpAfterTheRetriesAndSaysWhere() {
        ResumingInputStream in = new ResumingInputStream(dropsAfter(0, 10), (long) DATA.length, offset -> {
            throw new IOException("connection refused");
        }, new RetryBudget(2, Duration.ofMillis(1)));
        IOException e = assertThrows(IOException.class, in::readAllBytes);
        assertTrue(e.getMessage().contains("3 times") && e.getMessage().contains("byte 10"), e.getMessage());
    }

    /** Serves DATA from {@code from}, then fails after byte {@code until} like a dropped connection. */
    private static InputStream dropsAfter(int from, int until) {
        InputStream part = new ByteArrayInputStream(Arrays.copyOfRange(DATA, from, until));
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = part.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }
        };
    }
}
