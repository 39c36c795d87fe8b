package dev.clicklake.kpi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DailyQueryTest {

    /** The limits this class's cases are checked against (those of the config defaults). */
    static final RequestLimits LIMITS = new RequestLimits(LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 31), 3660);

    @Test
    void readsAHalfOpenRange() {
        DailyQuery query = DailyQuery.parse("rees46", "2019-10-31", "2019-11-01", LIMITS);

        assertEquals(new DailyQuery("rees46", LocalDate.of(2019, 10, 31), LocalDate.of(2019, 11, 1)), query);
    }

    @Test
    void readsTheLongestRangeAndTheEdgesOfTheWindow() {
        assertEquals(LocalDate.of(2010, 1, 8), DailyQuery.parse("rees46", "2000-01-01", "2010-01-08", LIMITS).to());
        assertEquals(LocalDate.of(1970, 1, 1), DailyQuery.parse("rees46", "1970-01-01", "1970-01-02", LIMITS).from());
        assertEquals(LocalDate.of(9999, 12, 31), DailyQuery.parse("rees46", "9999-12-30", "9999-12-31", LIMITS).to());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL,     2019-10-01, 2019-10-02, dataset",
            "'',       2019-10-01, 2019-10-02, dataset",
            "Rees46,   2019-10-01, 2019-10-02, dataset",
            "'a b',    2019-10-01, 2019-10-02, dataset",
            "rees46,   NULL,       2019-10-02, from",
            "rees46,   2019-10-01, NULL,       to",
            "rees46,   2019-13-01, 2019-10-02, from",
            "rees46,   2019-10-01, 2019/10/02, to",
            "rees46,   2019-10-02, 2019-10-02, from",
            "rees46,   2019-10-03, 2019-10-02, from",
            "rees46,   -999999999-01-01, 2019-10-02, from",
            "rees46,   2019-10-01, +999999999-12-31, to",
            "rees46,   1969-12-31, 1970-01-02, from",
            "rees46,   2019-10-01, +10000-01-01, to",
            "rees46,   2000-01-01, 2010-01-09, to",
            "rees46,   1970-01-01, 9999-12-31, to"})
    void namesTheWrongParameter(String dataset, String from, String to, String wrong) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> DailyQuery.parse(dataset, from, to, LIMITS));

        assertEquals(wrong, e.parameter());
    }
}
