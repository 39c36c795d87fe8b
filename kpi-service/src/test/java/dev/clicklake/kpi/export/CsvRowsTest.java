package dev.clicklake.kpi.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void fieldsAreQuotedOnlyWhenRfc4180NeedsIt() throws Exception {
        StringWriter out = new StringWriter();
        new CsvRows(out).write(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", null, "",
                new BigDecimal("1E+3"), new BigDecimal("0.000100"), LocalDate.of(2019, 10, 1),
                Instant.parse("2026-11-01T06:30:15.123456Z"), 42L));
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,,1000,0.000100,2019-10-01,"
                + "2026-11-01T06:30:15.123456Z,42\r\n", out.toString());
    }
}
