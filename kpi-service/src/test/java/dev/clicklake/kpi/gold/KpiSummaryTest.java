package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KpiSummaryTest {

    private static final LocalDate DAY_1 = LocalDate.of(2019, 10, 31);
    private static final LocalDate DAY_2 = LocalDate.of(2019, 11, 1);

    @Test
    void aRangeWithoutEventsHasZerosAndNullRatios() {
        KpiSummary summary = KpiSummary.of("shop", DAY_1, DAY_2,
                new PeriodFigures(0, 0, 0, 0, 0, new BigDecimal("0.00"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

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
    void ratiosComeFromTheSummedNumeratorsAndDenominators() {
        // 2 users, 3 sessions (1 bounced, 90.00001 s in all), 7 session events, 1 purchase of 10.05, 1 cart,
        // 5 views; 1 session carted and purchased
        KpiSummary summary = KpiSummary.of("shop", DAY_1, DAY_2.plusDays(1),
                new PeriodFigures(7, 5, 1, 0, 1, new BigDecimal("10.05"), 2, 3, 1, 3, 1, 1, 1, 1, 1, 7, 90_000_010L, 1));

        assertEquals(new BigDecimal("0.000000"), summary.cartAbandonmentRate());
        assertEquals(new BigDecimal("90.000010"), summary.sessionDurationSeconds());
        assertEquals(new BigDecimal("30.000003"), summary.avgSessionDurationS());
        assertEquals(new BigDecimal("0.333333"), summary.bounceRate());
        assertEquals(new BigDecimal("10.05"), summary.avgPurchasePrice());
        assertEquals(new BigDecimal("0.333333"), summary.conversionRate());
        assertEquals(new BigDecimal("0.500000"), summary.userConversionRate());
        assertEquals(new BigDecimal("1.500000"), summary.sessionsPerUser());
        assertEquals(new BigDecimal("2.333333"), summary.eventsPerSession());
        assertEquals(new BigDecimal("0.200000"), summary.viewToCartRate());
    }
}
