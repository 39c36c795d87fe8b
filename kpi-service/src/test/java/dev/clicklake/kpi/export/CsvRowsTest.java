package dev.clicklake.kpi.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "\tTAB", "\rCR"})
    void aTextCellAFormulaWouldStartWithIsNeutralisedByAQuote(String text) throws Exception {
        StringWriter out = new StringWriter();
        new CsvRows(out).write(List.of(text));
        assertEquals("\"'" + text.replace("\"", "\"\"") + "\"\r\n", out.toString());
    }

    @Test
    void numbersAndTextThatStartsSafelyAreLeftAlone() throws Exception {
        StringWriter out = new StringWriter();
        new CsvRows(out).write(Arrays.asList(new BigDecimal("-12.50"), -3L, "a=b", "x-1", "'quoted"));
        assertEquals("-12.50,-3,a=b,x-1,'quoted\r\n", out.toString());
    }
}
