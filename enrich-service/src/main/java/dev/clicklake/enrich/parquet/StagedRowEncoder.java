package dev.clicklake.enrich.parquet;

import dev.clicklake.enrich.pipeline.SilverEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Encodes one cleaned event as a line of the staging CSV that DuckDB reads back with {@link #READ_OPTIONS}:
 * every value already typed and checked, so DuckDB only converts. Columns, in order: event time (epoch
 * microseconds), event_type, product_id, category_id, category_code, main_category, sub_category,
 * item_category, brand, price (with two decimals), user_id, user_session (an empty field for null), event_hour.
 * A text value is written as it is unless it is empty or holds a comma, a quote, a line break or a character
 * beyond ASCII, or starts or ends with a space; then it is quoted, quotes doubled (a line break stays inside
 * the quotes). Not thread-safe: it reuses one buffer.
 */
final class StagedRowEncoder {

    /** The staging CSV's columns and their DuckDB types, for {@code read_csv(columns = ...)}. */
    static final String COLUMNS = "{'event_time_us': 'BIGINT', 'event_type': 'VARCHAR', 'product_id': 'BIGINT',"
            + " 'category_id': 'BIGINT', 'category_code': 'VARCHAR', 'main_category': 'VARCHAR',"
            + " 'sub_category': 'VARCHAR', 'item_category': 'VARCHAR', 'brand': 'VARCHAR', 'price': 'DECIMAL(12,2)',"
            + " 'user_id': 'BIGINT', 'user_session': 'VARCHAR', 'event_hour': 'TINYINT'}";

    /**
     * How DuckDB must read the staging CSV: no detection, no header; an unquoted empty field is null, a quoted
     * one is text.
     */
    static final String READ_OPTIONS = "header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
            + " new_line = '\\n', allow_quoted_nulls = false, columns = " + COLUMNS;

    private byte[] line = new byte[512];
    private int length;

    /** The line for this event, ending with a line feed; valid until the next call. */
    byte[] encode(SilverEvent event) {
        length = 0;
        number(epochMicros(event.eventTime()));
        comma();
        text(event.eventType());
        comma();
        number(event.productId());
        comma();
        number(event.categoryId());
        comma();
        text(event.categoryCode());
        comma();
        text(event.mainCategory());
        comma();
        text(event.subCategory());
        comma();
        text(event.itemCategory());
        comma();
        text(event.brand());
        comma();
        price(event.priceCents());
        comma();
        number(event.userId());
        comma();
        if (event.userSession() != null) {
            text(event.userSession());
        }
        comma();
        number(event.eventHour());
        put((byte) '\n');
        return line;
    }

    /** The length of the line {@link #encode} returned last. */
    int length() {
        return length;
    }

    private void comma() {
        put((byte) ',');
    }

    private void number(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            put((byte) '-');
            value = -value;
        }
        int digits = digits(value);
        ensure(digits);
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            long tenth = value / 10;
            line[i] = (byte) ('0' + (value - tenth * 10));
            value = tenth;
        }
        length = end;
    }

    private static int digits(long value) {
        long bound = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (value < bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }

    private void price(long cents) {
        number(cents / 100);
        put((byte) '.');
        put((byte) ('0' + cents % 100 / 10));
        put((byte) ('0' + cents % 10));
    }

    private void text(String value) {
        int n = value.length();
        ensure(n + 2);
        int start = length;
        boolean plain = n > 0 && value.charAt(0) != ' ' && value.charAt(n - 1) != ' ';
        for (int i = 0; i < n && plain; i++) {
            char c = value.charAt(i);
            plain = c < 0x80 && c != ',' && c != '"' && c != '\n' && c != '\r';
            line[length++] = (byte) c;
        }
        if (!plain) {
            length = start;
            quoted(value);
        }
    }

    private void quoted(String value) {
        line[length++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == '"') {
                escaped(value, i);
                return;
            }
            line[length++] = (byte) c;
        }
        line[length++] = '"';
    }

    /** The rest of a value from its first non-ASCII character or quote on, with its closing quote. */
    private void escaped(String value, int from) {
        byte[] bytes = value.substring(from).replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length + 1);
        System.arraycopy(bytes, 0, line, length, bytes.length);
        length += bytes.length;
        line[length++] = '"';
    }

    private void ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            put((byte) value.charAt(i));
        }
    }

    private void put(byte b) {
        ensure(1);
        line[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > line.length) {
            line = Arrays.copyOf(line, Math.max(2 * line.length, length + more));
        }
    }

    private static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
