package dev.clicklake.enrich.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
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
 */
public final class CsvRecordReader {

    private static final char BOM = '\uFEFF';
    private static final int BUFFER_CHARS = 64 * 1024;

    private final Reader in;
    private final int maxRecordChars;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    private boolean started;
    private long line;

    private final StringBuilder text = new StringBuilder(256);
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>(16);

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
        long recordLine = line;
        text.setLength(0);
        field.setLength(0);
        fields.clear();
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
            } else if (c == '"' && field.isEmpty() && endsWithSeparator()) {
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

    /** True when the field being read starts right here, i.e. nothing of it is in {@code text} yet. */
    private boolean endsWithSeparator() {
        int before = text.length() - 2; // the quote itself was just appended
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
