package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrafficClockTest {

    private final TrafficClock clock = new TrafficClock(LocalDate.of(2019, 10, 1), 31, new SplittableRandom(1));

    @Test
    void theWindowRunsFromTheStartDayForTheGivenDays() {
        assertEquals(LocalDate.of(2019, 10, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC), clock.start());
        assertEquals(LocalDate.of(2019, 11, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC), clock.end());
        assertEquals(clock.start(), clock.timeAt(0));
        assertEquals(clock.end() - 1, clock.timeAt(1));
    }

    @Test
    void timeAtAndTrafficBeforeAreInverses() {
        for (double fraction = 0.001; fraction < 1; fraction += 0.0371) {
            long time = clock.timeAt(fraction);
            assertTrue(clock.trafficBefore(time) <= fraction && fraction < clock.trafficBefore(time + 1) + 1e-12,
                    "fraction " + fraction + " at " + time);
        }
    }

    @Test
    void afternoonsAreBusierThanNights() {
        long day = clock.start() + 86_400 * 10;
        double night = clock.trafficBefore(day + 3 * 3_600) - clock.trafficBefore(day + 2 * 3_600);
        double afternoon = clock.trafficBefore(day + 15 * 3_600) - clock.trafficBefore(day + 14 * 3_600);
        assertTrue(afternoon > 5 * night, "afternoon " + afternoon + ", night " + night);
    }
}
