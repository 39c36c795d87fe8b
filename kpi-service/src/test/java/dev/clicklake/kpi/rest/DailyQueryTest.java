package dev.clicklake.kpi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DailyQueryTest {

    @Test
    void readsAHalfOpenRange() {
        DailyQuery query = DailyQuery.parse("rees46", "2019-10-31", "2019-11-01");

        assertEquals(new DailyQuery("rees46", LocalDate.of(2019, 10, 31), LocalDate.of(2019, 11, 1)), query);
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
            "rees46,   2019-10-03, 2019-10-02, from"})
    void namesTheWrongParameter(String dataset, String from, String to, String wrong) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> DailyQuery.parse(dataset, from, to));

        assertEquals(wrong, e.parameter());
    }
}
