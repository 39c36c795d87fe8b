package dev.clicklake.enrich.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the records of a CSV split (RFC 4180): comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes; lines end with LF or CRLF; the last line may lack its line ending,
 * or be cut short. A UTF-8 byte order mark at the very start is skipped.
 *
 * <p>Memory stays bounded whatever the input: a record longer than {@code maxRecordChars} is returned as
 * {@link CsvRecord.Problem#TOO_LONG} holding its first {@code maxRecordChars} characters, and reading
 * resumes after the next line break. Lenient where RFC 4180 is silent: a quote inside an unquoted field,
 * or text after a closing quote, is kept as text.
 *
 * <p>A line without quotes that lies whole in the buffer (nearly every line) is cut into fields straight
 * from the buffer; anything else goes through a character-by-character state machine.
 */
public final class CsvRecordReader {

    private static final char BOM = '\uFEFF';
    private static final int BUFFER_CHARS = 64 * 1024;
    private static final int USUAL_FIELDS = 9;

    private final Reader in;
    private final int maxRecordChars;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    private boolean started;
    private long line;

    private final StringBuilder text = new StringBuilder(256);
    private final StringBuilder field = new StringBuilder(64);
    private List<String> fields;

    /**
     * @param in the split's characters
     * @param firstLine line number, in the file, of the split's first line
     * @param maxRecordChars longest record kept whole
     */
    public CsvRecordReader(Reader in, long firstLine, int maxRecordChars) {
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be positive: " + maxRecordChars);
        }
        this.in = in;
        this.line = firstLine;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at the end of the split. */
    public CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            if (fill() && buffer[position] == BOM) {
                position++;
            }
        }
        if (position == limit && !fill()) {
            return null;
        }
        CsvRecord record = unquotedLineInBuffer();
        return record != null ? record : nextCharByChar();
    }

    /** The next record when it is a whole line in the buffer, without quotes and within the limit; else null. */
    private CsvRecord unquotedLineInBuffer() {
        int searchEnd = (int) Math.min(limit, (long) position + maxRecordChars + 1);
        int end = -1;
        for (int i = position; i < searchEnd; i++) {
            char c = buffer[i];
            if (c == '\n') {
                end = i;
                break;
            }
            if (c == '"') {
                return null;
            }
        }
        if (end < 0) {
            return null;
        }
        int textEnd = end > position && buffer[end - 1] == '\r' ? end - 1 : end;
        int commas = 0;
        for (int i = position; i < textEnd; i++) {
            commas += buffer[i] == ',' ? 1 : 0;
        }
        String[] values = new String[commas + 1];
        int fieldStart = position;
        int field = 0;
        for (int i = position; i < textEnd; i++) {
            if (buffer[i] == ',') {
                values[field++] = new String(buffer, fieldStart, i - fieldStart);
                fieldStart = i + 1;
            }
        }
        values[field] = new String(buffer, fieldStart, textEnd - fieldStart);
        CsvRecord record = CsvRecord.unquoted(line, Arrays.asList(values)); // no quotes: the text is the fields joined by commas
        position = end + 1;
        line++;
        return record;
    }

    private CsvRecord nextCharByChar() throws IOException {
        long recordLine = line;
        text.setLength(0);
        field.setLength(0);
        fields = new ArrayList<>(USUAL_FIELDS);
        boolean quoted = false;
        while (position < limit || fill()) {
            char c = buffer[position++];
            if (c == '\n') {
                line++;
                if (!quoted) {
                    return record(recordLine, null);
                }
            }
            if (text.length() == maxRecordChars) {
                if (c != '\n') {
                    skipPastLineBreak();
                }
                return record(recordLine, CsvRecord.Problem.TOO_LONG);
            }
            text.append(c);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (peek() == '"') {
                    text.append(buffer[position++]);
                    field.append('"');
                } else {
                    quoted = false;
                }
            } else if (c == ',') {
                endField();
            } else if (c == '"' && field.isEmpty() && startsField()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        return record(recordLine, quoted ? CsvRecord.Problem.UNTERMINATED_QUOTE : null);
    }

    private CsvRecord record(long recordLine, CsvRecord.Problem problem) {
        if (problem == null) {
            dropCarriageReturn();
        }
        endField();
        return new CsvRecord(recordLine, text.toString(), fields, problem);
    }

    /** A CR right before the LF (or the end of the split) belongs to the line ending. */
    private void dropCarriageReturn() {
        int last = text.length() - 1;
        if (last >= 0 && text.charAt(last) == '\r') {
            text.setLength(last);
            if (!field.isEmpty() && field.charAt(field.length() - 1) == '\r') {
                field.setLength(field.length() - 1);
            }
        }
    }

    /** True when the quote just read opens a field: it is the record's first character or follows a comma. */
    private boolean startsField() {
        int before = text.length() - 2;
        return before < 0 || text.charAt(before) == ',';
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
    }

    private void skipPastLineBreak() throws IOException {
        while (position < limit || fill()) {
            if (buffer[position++] == '\n') {
                line++;
                return;
            }
        }
    }

    private int peek() throws IOException {
        return position < limit || fill() ? buffer[position] : -1;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
