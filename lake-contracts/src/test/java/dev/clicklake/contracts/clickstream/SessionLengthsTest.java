package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionLengthsTest {

    @Test
    void lengthsAverageTheWantedMeanWithManySingleEventsAndALongTail() {
        SessionLengths lengths = new SessionLengths(4.6);
        SplittableRandom random = new SplittableRandom(2);
        int draws = 1_000_000;
        long sum = 0;
        int single = 0;
        int longest = 0;
        for (int i = 0; i < draws; i++) {
            int length = lengths.sample(random);
            sum += length;
            single += length == 1 ? 1 : 0;
            longest = Math.max(longest, length);
        }
        assertEquals(4.6, lengths.mean(), 1e-6);
        assertEquals(4.6, sum / (double) draws, 0.1);
        assertEquals(0.5, single / (double) draws, 0.05);
        assertTrue(longest > 500 && longest <= SessionLengths.MAX_LENGTH, "longest " + longest);
    }

    @Test
    void aMeanOfOneMeansSingleEventSessions() {
        SessionLengths lengths = new SessionLengths(1);
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(1, lengths.sample(random));
        }
    }
}
