package dev.clicklake.kpi.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, a quote or a line break; '.' decimals, ISO dates.
 * A text field that a spreadsheet would read as a formula (it starts with {@code = + - @}, a tab or a carriage
 * return) gets a leading single quote and is quoted, as OWASP's CSV-injection guidance says; numbers stay numbers.
 */
public final class CsvRows {

    /** The first characters that make Excel, LibreOffice or Google Sheets evaluate a cell. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;

    public CsvRows(Writer out) {
        this.out = out;
    }

    /** Writes one record. */
    public void write(List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** One field's text: empty for null, plain decimals, ISO-8601 dates and instants. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "\"'" + text.replace("\"", "\"\"") + '"';
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
