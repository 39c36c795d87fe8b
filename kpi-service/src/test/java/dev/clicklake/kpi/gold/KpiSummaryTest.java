package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiSummaryTest {

    private static final LocalDate DAY_1 = LocalDate.of(2019, 10, 31);
    private static final LocalDate DAY_2 = LocalDate.of(2019, 11, 1);
    private static final Map<String, Long> IDS = Map.of("a", 1L, "b", 2L, "c", 3L);

    @Test
    void aRangeWithoutEventsHasZerosAndNullRatios() {
        KpiSummary summary = KpiSummary.of("shop", DAY_1, DAY_2, List.of(), IdSets.empty(),
                SessionTiming.of(IdSets.empty(), MultiDaySessionFacts.NONE));

        assertEquals(0, summary.events());
        assertEquals(new BigDecimal("0.00"), summary.revenue());
        assertEquals(0, summary.sessions());
        assertNull(summary.avgPurchasePrice());
        assertNull(summary.conversionRate());
        assertNull(summary.userConversionRate());
        assertNull(summary.cartToPurchaseRate());
        assertNull(summary.cartAbandonmentRate());
        assertNull(summary.viewToCartRate());
        assertNull(summary.eventsPerSession());
        assertNull(summary.sessionsPerUser());
        assertNull(summary.avgSessionDurationS());
        assertNull(summary.bounceRate());
    }

    @Test
    void distinctCountsAreTheUnionOfTheDaysAndIntersectionsAndTimingSpanDays() {
        // session a carts on day 1 and buys on day 2; user 7 is on both days; b only views, c bounces
        IdSets day1 = IdSets.ofDay(new DayIdentities(
                List.of(new UserFact(7, false), new UserFact(8, false)),
                List.of(new SessionFact("a", true, true, false, 3, 0, 60_000_000L),
                        new SessionFact("b", true, false, false, 2, 10, 20))), IDS);
        IdSets day2 = IdSets.ofDay(new DayIdentities(
                List.of(new UserFact(7, true)),
                List.of(new SessionFact("a", false, false, true, 1, 90_000_000L, 90_000_000L),
                        new SessionFact("c", true, false, false, 1, 5, 5))), IDS);
        IdSets range = IdSets.union(List.of(day1, day2));
        // what daily_session_facts holds for session a: per-day durations 60 s and 0 s, one single-event day,
        // span from 0 to 90 s
        SessionTiming timing = SessionTiming.of(range, new MultiDaySessionFacts(60_000_000L, 1, 90_000_000L));

        List<DailyKpi> days = List.of(
                new DailyKpi("shop", DAY_1, 5, 4, 1, 0, 0, new BigDecimal("0.00"), 2, 2),
                new DailyKpi("shop", DAY_2, 2, 1, 0, 0, 1, new BigDecimal("10.05"), 1, 2));
        KpiSummary summary = KpiSummary.of("shop", DAY_1, DAY_2.plusDays(1), days, range, timing);

        assertEquals(2, summary.users());
        assertEquals(3, summary.sessions());
        assertEquals(1, summary.buyers());
        assertEquals(1, summary.cartingAndPurchasingSessions());
        assertEquals(new BigDecimal("0.000000"), summary.cartAbandonmentRate());
        assertEquals(7, summary.sessionEvents());
        assertEquals(1, summary.bouncedSessions());
        assertEquals(new BigDecimal("90.000010"), summary.sessionDurationSeconds());
        assertEquals(new BigDecimal("30.000003"), summary.avgSessionDurationS());
        assertEquals(new BigDecimal("0.333333"), summary.bounceRate());
        assertEquals(new BigDecimal("10.05"), summary.avgPurchasePrice());
        assertEquals(new BigDecimal("0.333333"), summary.conversionRate());
        assertEquals(new BigDecimal("1.500000"), summary.sessionsPerUser());
        assertArrayEquals(new long[] {1}, range.multiDaySessions().toArray());
        assertEquals(1, range.viewingCartingAndPurchasingSessions());
    }
}
