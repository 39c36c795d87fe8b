package dev.clicklake.enrich.pipeline;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One record of a CSV split, as read: where it starts, its text and its unquoted fields.
 *
 * @param line 1-based line number, in the file, of the record's first line
 * @param text the record's original text without its line ending (cut at the reader's record limit); null for a
 *     record without quotes, whose text is its fields joined by commas ({@link #text()} joins them when asked)
 * @param fields the unquoted field values
 * @param problem why the record could not be read whole, or null when it was
 */
public record CsvRecord(long line, String text, List<String> fields, Problem problem) {

    /** A record that could not be read whole. */
    public enum Problem {
        /** The split ended inside a quoted field: the record is cut short. */
        UNTERMINATED_QUOTE,
        /** The record was longer than the reader's limit; {@code text} holds its beginning only. */
        TOO_LONG
    }

    /** @param fields taken as they are: the caller hands them over and does not change them afterwards */
    public CsvRecord {
        fields = Collections.unmodifiableList(fields);
    }

    /** A record of one line without quotes: its text is its fields joined by commas, made only when asked for. */
    static CsvRecord unquoted(long line, List<String> fields) {
        return new CsvRecord(line, null, fields, null);
    }

    /** The record's original text without its line ending (cut at the reader's record limit). */
    @Override
    public String text() {
        return text != null ? text : String.join(",", fields);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CsvRecord that && line == that.line && text().equals(that.text())
                && fields.equals(that.fields) && problem == that.problem;
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, text(), fields, problem);
    }

    @Override
    public String toString() {
        return "CsvRecord[line=" + line + ", text=" + text() + ", fields=" + fields + ", problem=" + problem + "]";
    }
}
