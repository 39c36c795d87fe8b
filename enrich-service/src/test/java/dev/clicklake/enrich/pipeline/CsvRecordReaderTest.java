package dev.clicklake.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    @Test
    void readsLfLinesWithLineNumbersFromTheSplitsFirstLine() throws IOException {
        List<CsvRecord> records = read("a,b\nc,d\n", 41);

        assertEquals(2, records.size());
        assertRecord(records.get(0), 41, "a,b", null, "a", "b");
        assertRecord(records.get(1), 42, "c,d", null, "c", "d");
    }

    @Test
    void dropsTheCarriageReturnOfCrlfLineEndings() throws IOException {
        List<CsvRecord> records = read("a,b\r\nc,\r\n", 1);

        assertRecord(records.get(0), 1, "a,b", null, "a", "b");
        assertRecord(records.get(1), 2, "c,", null, "c", "");
    }

    @Test
    void readsALastLineWithoutLineEnding() throws IOException {
        List<CsvRecord> records = read("a,b\nc,d", 1);

        assertEquals(2, records.size());
        assertRecord(records.get(1), 2, "c,d", null, "c", "d");
    }

    @Test
    void readsALastLineCutShortAsTheFieldsItHas() throws IOException {
        List<CsvRecord> records = read("a,b,c\r\na,b", 7);

        assertRecord(records.get(1), 8, "a,b", null, "a", "b");
    }

    @Test
    void keepsCommasQuotesAndLineBreaksInsideQuotedFields() throws IOException {
        List<CsvRecord> records = read("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,line\n", 1);

        assertEquals(2, records.size());
        assertRecord(records.get(0), 1, "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"", null, "x,y", "say \"hi\"", "two\nlines");
        assertRecord(records.get(1), 3, "next,line", null, "next", "line");
    }

    @Test
    void readsEmptyQuotedFieldsAndQuotedFieldsBeforeCrlf() throws IOException {
        List<CsvRecord> records = read("\"\",\"a\"\r\n", 1);

        assertRecord(records.get(0), 1, "\"\",\"a\"", null, "", "a");
    }

    @Test
    void reportsAQuotedFieldLeftOpenAtTheEndOfTheSplit() throws IOException {
        List<CsvRecord> records = read("a,b\nc,\"d,e\n", 1);

        assertRecord(records.get(1), 2, "c,\"d,e\n", CsvRecord.Problem.UNTERMINATED_QUOTE, "c", "d,e\n");
    }

    @Test
    void keepsAQuoteInsideAnUnquotedFieldAsText() throws IOException {
        List<CsvRecord> records = read("ab\"c,d\n", 1);

        assertRecord(records.get(0), 1, "ab\"c,d", null, "ab\"c", "d");
    }

    @Test
    void keepsACarriageReturnThatDoesNotEndTheLine() throws IOException {
        List<CsvRecord> records = read("a\rb,c\n", 1);

        assertRecord(records.get(0), 1, "a\rb,c", null, "a\rb", "c");
    }

    @Test
    void skipsAByteOrderMarkAtTheStartOnly() throws IOException {
        List<CsvRecord> records = read("\uFEFFa,b\n\uFEFFc\n", 1);

        assertRecord(records.get(0), 1, "a,b", null, "a", "b");
        assertRecord(records.get(1), 2, "\uFEFFc", null, "\uFEFFc");
    }

    @Test
    void returnsABlankLineAsOneEmptyField() throws IOException {
        List<CsvRecord> records = read("a\n\nb\n", 1);

        assertEquals(3, records.size());
        assertRecord(records.get(1), 2, "", null, "");
    }

    @Test
    void readsNothingFromAnEmptySplit() throws IOException {
        assertEquals(List.of(), read("", 1));
    }

    @Test
    void cutsARecordLongerThanTheLimitAndResumesAfterTheNextLineBreak() throws IOException {
        String longLine = "x".repeat(30) + ",\"open quote that never closes";
        List<CsvRecord> records = read("a,b\n" + longLine + "\nc,d\n", 1, 10);

        assertEquals(3, records.size());
        assertEquals(CsvRecord.Problem.TOO_LONG, records.get(1).problem());
        assertEquals(2, records.get(1).line());
        assertEquals("x".repeat(10), records.get(1).text());
        assertRecord(records.get(2), 3, "c,d", null, "c", "d");
    }

    @Test
    void cutsAQuotedFieldThatSwallowsLinesAtTheLimit() throws IOException {
        List<CsvRecord> records = read("\"a\nb\nc\nd\ne,f\ng,h\n", 1, 5);

        assertEquals(CsvRecord.Problem.TOO_LONG, records.get(0).problem());
        assertEquals("\"a\nb\n", records.get(0).text());
        // the record was cut inside line 3; reading resumes with line 4
        assertRecord(records.get(1), 4, "d", null, "d");
    }

    @Test
    void keepsARecordOfExactlyTheLimit() throws IOException {
        List<CsvRecord> records = read("abcd\nef\n", 1, 4);

        assertRecord(records.get(0), 1, "abcd", null, "abcd");
        assertRecord(records.get(1), 2, "ef", null, "ef");
    }

    @Test
    void readsRecordsAcrossBufferBoundaries() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",\"q").append(i).append("\"\r\n");
        }
        List<CsvRecord> records = read(csv.toString(), 1);

        assertEquals(20_000, records.size());
        for (int i = 0; i < records.size(); i++) {
            assertRecord(records.get(i), i + 1, i + ",\"q" + i + "\"", null, Integer.toString(i), "q" + i);
        }
    }

    private static List<CsvRecord> read(String csv, long firstLine) throws IOException {
        return read(csv, firstLine, 8192);
    }

    private static List<CsvRecord> read(String csv, long firstLine, int maxRecordChars) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new StringReader(csv), firstLine, maxRecordChars);
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        assertNull(reader.next());
        return records;
    }

    private static void assertRecord(CsvRecord record, long line, String text, CsvRecord.Problem problem, String... fields) {
        assertEquals(new CsvRecord(line, text, List.of(fields), problem), record);
    }
}
