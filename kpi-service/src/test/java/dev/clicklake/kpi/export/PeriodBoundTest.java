package dev.clicklake.kpi.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clicklake.kpi.rest.InvalidParameterException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodBoundTest {

    @ParameterizedTest
    @CsvSource({
            "2019-10-01,                     2019-10-01",
            "2019-10-01T00:00:00,            2019-10-01",
            "2019-10-01T00:00,               2019-10-01",
            "2019-10-01T00:00:00Z,           2019-10-01",
            "2019-10-01T00:00:00.000+00:00,  2019-10-01",
            "2019-10-01T00:00:00+01:00,      2019-10-01",
            "2019-10-01T00:00:00-01:00,      2019-10-02",
            "2019-09-30T23:00:00-01:00,      2019-10-01",
            "2019-10-01T00:00:00.000001Z,    2019-10-02",
            "2019-12-31T12:00:00,            2020-01-01"})
    void aBoundIsTheFirstUtcDayStartingAtOrAfterIt(String value, LocalDate day) {
        assertEquals(day, PeriodBound.firstDayFrom("from", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2019-13-01", "2019-10-01T25:00:00", "01/10/2019", "2019-10-01 00:00:00"})
    void anythingElseIsRefusedNamingTheParameter(String value) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> PeriodBound.firstDayFrom("to", value));
        assertEquals("to", e.parameter());
    }
}
