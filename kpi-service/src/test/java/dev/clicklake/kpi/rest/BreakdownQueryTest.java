package dev.clicklake.kpi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clicklake.kpi.gold.Dimension;
import dev.clicklake.kpi.gold.Ranking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreakdownQueryTest {

    private static final DailyQuery RANGE = DailyQuery.parse("shop", "2019-10-01", "2019-11-01", DailyQueryTest.LIMITS);

    @Test
    void defaultsToTheTopTenByEvents() {
        assertEquals(new BreakdownQuery(RANGE, Dimension.BRAND, 10, Ranking.EVENTS),
                BreakdownQuery.parse(RANGE, "brand", null, null));
        assertEquals(new BreakdownQuery(RANGE, Dimension.HOUR, 1000, Ranking.PURCHASES),
                BreakdownQuery.parse(RANGE, "hour", "1000", "purchases"));
    }

    @ParameterizedTest
    @CsvSource(value = {"'', 5, events, dimension", "Brand, 5, events, dimension", "brand, 0, events, top",
            "brand, -1, events, top", "brand, 1001, events, top", "brand, 2.5, events, top", "brand, 5, Revenue, by",
            "brand, 5, '', by"})
    void namesTheWrongParameter(String dimension, String top, String by, String parameter) {
        InvalidParameterException error = assertThrows(InvalidParameterException.class,
                () -> BreakdownQuery.parse(RANGE, dimension, top, by));
        assertEquals(parameter, error.parameter());
    }
}
