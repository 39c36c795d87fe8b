package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar of the grains, and when a stored grain still answers for its period. */
class PeriodsTest {

    @Test
    void aWholeMonthStartsOnTheFirstAndEndsOnTheNextFirst() {
        assertTrue(Periods.isWholeMonth(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 3, 1)));
        assertFalse(Periods.isWholeMonth(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29)));
        assertFalse(Periods.isWholeMonth(LocalDate.of(2020, 2, 2), LocalDate.of(2020, 3, 2)));
        assertFalse(Periods.isWholeMonth(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 1)));
    }

    @Test
    void theMonthsOfDatesAreSortedAndUnique() {
        assertEquals(List.of(LocalDate.of(2019, 9, 1), LocalDate.of(2019, 10, 1), LocalDate.of(2019, 11, 1)),
                Periods.monthsOf(List.of(LocalDate.of(2019, 11, 1), LocalDate.of(2019, 10, 31),
                        LocalDate.of(2019, 9, 30), LocalDate.of(2019, 10, 1))));
    }
}
