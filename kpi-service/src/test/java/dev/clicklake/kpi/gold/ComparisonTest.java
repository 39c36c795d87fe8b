package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void aChangeIsAbsoluteAndRelativeToThePrevious() {
        Change change = Change.of("sessions", new BigDecimal("150"), new BigDecimal("120"));

        assertEquals(new BigDecimal("30"), change.absolute());
        assertEquals(new BigDecimal("0.250000"), change.relative());
    }

    @Test
    void aChangeFromZeroHasNoRelativeChange() {
        Change change = Change.of("purchases", new BigDecimal("4"), BigDecimal.ZERO);

        assertEquals(new BigDecimal("4"), change.absolute());
        assertNull(change.relative());
    }

    @Test
    void aChangeOfAnUndefinedRatioIsUndefined() {
        Change change = Change.of("conversionRate", new BigDecimal("0.100000"), null);

        assertNull(change.absolute());
        assertNull(change.relative());
    }
}
