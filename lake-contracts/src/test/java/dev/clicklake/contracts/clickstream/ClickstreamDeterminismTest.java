package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClickstreamDeterminismTest {

    /** Options that exercise every random path: duplicates, bad rows, empty sessions, CRLF and a cut line. */
    private static ClickstreamOptions.Builder everyPath(long seed) {
        return ClickstreamOptions.builder().seed(seed).rows(30_000).days(3).catalogSize(20_000)
                .duplicateShare(0.01).badRows(40).emptySessionShare(0.01).multiUserSessionShare(0.01)
                .lineEnding(LineEnding.CRLF).cutLastLine(true);
    }

    @Test
    void theSameSeedAndOptionsGiveByteIdenticalFiles() {
        GeneratedFile first = GeneratedFile.of(everyPath(7));
        GeneratedFile second = GeneratedFile.of(everyPath(7));
        assertArrayEquals(first.bytes(), second.bytes());
        assertEquals(first.summary(), second.summary());
    }

    @Test
    void differentSeedsGiveDifferentFilesOfTheSameRowCount() {
        GeneratedFile first = GeneratedFile.of(everyPath(7));
        GeneratedFile second = GeneratedFile.of(everyPath(8));
        assertFalse(Arrays.equals(first.bytes(), second.bytes()));
        assertEquals(first.summary().rows(), second.summary().rows());
        assertFalse(first.dataLines().get(1).equals(second.dataLines().get(1)));
    }

    @Test
    void theSummaryAgreesWithTheFile() {
        GeneratedFile file = GeneratedFile.of(everyPath(7).lineEnding(LineEnding.LF).cutLastLine(false));
        ClickstreamSummary summary = file.summary();
        List<String> rows = file.dataLines();

        assertEquals(30_000, rows.size());
        assertEquals(30_000, summary.rows());
        assertEquals(file.bytes().length, summary.bytes());
        long goodRows = summary.eventTypes().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(summary.rows(), goodRows + summary.badRowCount());
        assertEquals(40, summary.badRowCount());
        assertEquals(timeOf(rows.get(0)), summary.firstEventTime());
        assertEquals(timeOf(rows.get(rows.size() - 1)), summary.lastEventTime());
    }

    private static Instant timeOf(String row) {
        return LocalDateTime.parse(row.substring(0, 23), Rees46Rules.EVENT_TIME).toInstant(ZoneOffset.UTC);
    }
}
