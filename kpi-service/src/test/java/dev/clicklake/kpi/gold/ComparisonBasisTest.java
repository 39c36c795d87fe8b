package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonBasisTest {

    @Test
    void thePreviousPeriodIsTheEqualLengthOneJustBefore() {
        assertArrayEquals(new LocalDate[] {LocalDate.of(2019, 10, 30), LocalDate.of(2019, 11, 1)},
                ComparisonBasis.PREVIOUS_PERIOD.previous(LocalDate.of(2019, 11, 1), LocalDate.of(2019, 11, 3)));
    }

    @Test
    void thePreviousMonthIsTheSameDaysOneCalendarMonthEarlier() {
        assertArrayEquals(new LocalDate[] {LocalDate.of(2019, 10, 1), LocalDate.of(2019, 11, 1)},
                ComparisonBasis.PREVIOUS_MONTH.previous(LocalDate.of(2019, 11, 1), LocalDate.of(2019, 12, 1)));
        assertArrayEquals(new LocalDate[] {LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 1)},
                ComparisonBasis.PREVIOUS_MONTH.previous(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 4, 1)));
        assertArrayEquals(new LocalDate[] {LocalDate.of(2019, 2, 28), LocalDate.of(2019, 3, 1)},
                ComparisonBasis.PREVIOUS_MONTH.previous(LocalDate.of(2019, 3, 31), LocalDate.of(2019, 4, 1)));
    }

    @Test
    void basesAreNamedByTheirParameter() {
        assertEquals(Optional.of(ComparisonBasis.PREVIOUS_MONTH), ComparisonBasis.named("previous-month"));
        assertEquals(Optional.empty(), ComparisonBasis.named("PREVIOUS_MONTH"));
    }
}
