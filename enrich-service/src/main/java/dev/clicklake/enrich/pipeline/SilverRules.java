package dev.clicklake.enrich.pipeline;

import static dev.clicklake.contracts.clickstream.ClickstreamColumns.BRAND_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.CATEGORY_CODE_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.CATEGORY_ID_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.EVENT_TIME_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.EVENT_TYPE_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.PRICE_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.PRODUCT_ID_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.USER_ID_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.USER_SESSION_INDEX;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The silver rules: turns one CSV record into a cleaned {@link SilverEvent}, or says which rule it broke.
 * Pure and thread-safe. The README of enrich-service documents every rule as a table.
 */
public final class SilverRules {

    /** What brand and the category levels become when the source has none. */
    public static final String UNKNOWN = "unknown";

    /** The event types silver accepts, after trimming and lower-casing. */
    public static final List<String> EVENT_TYPES = List.of("view", "cart", "remove_from_cart", "purchase");

    private static final int MAX_PRICE_INTEGER_DIGITS = 10; // DECIMAL(12,2)
    private static final int MAX_DETAIL_VALUE = 64;
    private static final int SECONDS_PER_DAY = 86_400;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST_EXCLUSIVE = Instant.parse("+10000-01-01T00:00:00Z");

    private final ColumnOrder columns;

    public SilverRules(ColumnOrder columns) {
        this.columns = columns;
    }

    public RowResult apply(CsvRecord record) {
        try {
            return new RowResult.Cleaned(clean(record));
        } catch (RuleViolation violation) {
            return new RowResult.Rejected(violation.rule(), violation.detail());
        }
    }

    private SilverEvent clean(CsvRecord record) throws RuleViolation {
        if (record.problem() == CsvRecord.Problem.UNTERMINATED_QUOTE) {
            throw new RuleViolation(Rule.ROW_UNTERMINATED_QUOTE, "a quoted field is still open at the end of the split (the line is cut short)");
        }
        if (record.problem() == CsvRecord.Problem.TOO_LONG) {
            throw new RuleViolation(Rule.ROW_TOO_LONG, "the record is longer than " + record.text().length()
                    + " characters; only its beginning is kept");
        }
        List<String> fields = record.fields();
        if (fields.size() != ClickstreamColumns.COUNT) {
            throw new RuleViolation(Rule.ROW_FIELD_COUNT, "expected " + ClickstreamColumns.COUNT + " fields, found " + fields.size());
        }
        Instant eventTime = eventTime(field(fields, EVENT_TIME_INDEX));
        String eventType = eventType(field(fields, EVENT_TYPE_INDEX));
        long productId = nonNegativeId(field(fields, PRODUCT_ID_INDEX), Rule.PRODUCT_ID_INVALID, Rule.PRODUCT_ID_NEGATIVE);
        long categoryId = id(field(fields, CATEGORY_ID_INDEX), Rule.CATEGORY_ID_INVALID);
        long priceCents = priceCents(field(fields, PRICE_INDEX));
        long userId = nonNegativeId(field(fields, USER_ID_INDEX), Rule.USER_ID_INVALID, Rule.USER_ID_NEGATIVE);

        String categoryCode = orUnknown(field(fields, CATEGORY_CODE_INDEX).strip());
        String[] levels = categoryLevels(categoryCode);
        String brand = orUnknown(field(fields, BRAND_INDEX).strip().toLowerCase(Locale.ROOT));
        String session = field(fields, USER_SESSION_INDEX).strip();
        return new SilverEvent(eventTime, eventType, productId, categoryId, categoryCode, levels[0], levels[1], levels[2],
                brand, priceCents, userId, session.isEmpty() ? null : session);
    }

    private String field(List<String> fields, int column) {
        return columns.value(fields, column);
    }

    /** {@code yyyy-MM-dd HH:mm:ss UTC} (the REES46 form, parsed without a formatter), or ISO-8601 with an offset. */
    static Instant eventTime(String raw) throws RuleViolation {
        String value = raw.strip();
        Instant time;
        try {
            time = value.length() == 23 && value.endsWith(" UTC") ? reesTime(value) : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new RuleViolation(Rule.EVENT_TIME_FORMAT,
                    quote(raw) + " is neither 'yyyy-MM-dd HH:mm:ss UTC' nor ISO-8601 with an offset");
        }
        if (time.isBefore(EARLIEST) || !time.isBefore(LATEST_EXCLUSIVE)) {
            throw new RuleViolation(Rule.EVENT_TIME_RANGE, quote(raw) + " is outside the years 1..9999 (UTC)");
        }
        return time;
    }

    private static Instant reesTime(String v) {
        if (v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != ' ' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            throw new IllegalArgumentException("separators");
        }
        LocalDate date = LocalDate.of(digits(v, 0, 4), digits(v, 5, 2), digits(v, 8, 2));
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            throw new IllegalArgumentException("time of day");
        }
        return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second);
    }

    private static int digits(String value, int from, int count) {
        int result = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit");
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    static String eventType(String raw) throws RuleViolation {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        for (String type : EVENT_TYPES) {
            if (type.equals(value)) {
                return type;
            }
        }
        throw new RuleViolation(Rule.EVENT_TYPE_UNKNOWN, quote(raw) + " is not one of " + String.join(", ", EVENT_TYPES));
    }

    static long id(String raw, Rule invalid) throws RuleViolation {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(invalid, quote(raw) + " is not a 64-bit integer");
        }
    }

    static long nonNegativeId(String raw, Rule invalid, Rule negative) throws RuleViolation {
        long value = id(raw, invalid);
        if (value < 0) {
            throw new RuleViolation(negative, quote(raw) + " is negative");
        }
        return value;
    }

    /**
     * An exact decimal with at most two significant decimal places, in hundredths: digits, optionally a
     * point and more digits, optionally a leading minus. Never goes through a double.
     */
    static long priceCents(String raw) throws RuleViolation {
        String value = raw.strip();
        int start = value.startsWith("-") ? 1 : 0;
        int point = value.indexOf('.');
        int integerEnd = point < 0 ? value.length() : point;
        if (!allDigits(value, start, integerEnd) || integerEnd == start
                || point >= 0 && (point == value.length() - 1 || !allDigits(value, point + 1, value.length()))) {
            throw new RuleViolation(Rule.PRICE_INVALID, quote(raw) + " is not a decimal number");
        }
        int fractionEnd = value.length();
        while (point >= 0 && fractionEnd > point + 3 && value.charAt(fractionEnd - 1) == '0') {
            fractionEnd--; // 35.790 is exactly 35.79
        }
        int firstSignificant = start;
        while (firstSignificant < integerEnd - 1 && value.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        long cents = Long.parseLong(value.substring(firstSignificant, Math.min(integerEnd, firstSignificant + 12)))
                * 100 + (point < 0 ? 0 : hundredths(value, point + 1, Math.min(fractionEnd, point + 3)));
        if (start == 1 && cents != 0) {
            throw new RuleViolation(Rule.PRICE_NEGATIVE, quote(raw) + " is below zero");
        }
        if (point >= 0 && fractionEnd > point + 3) {
            throw new RuleViolation(Rule.PRICE_SCALE, quote(raw) + " has more than two decimal places");
        }
        if (integerEnd - firstSignificant > MAX_PRICE_INTEGER_DIGITS) {
            throw new RuleViolation(Rule.PRICE_RANGE, quote(raw) + " does not fit DECIMAL(12,2)");
        }
        return cents;
    }

    private static long hundredths(String value, int from, int to) {
        long result = 0;
        for (int i = from; i < from + 2; i++) {
            result = result * 10 + (i < to ? value.charAt(i) - '0' : 0);
        }
        return result;
    }

    private static boolean allDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** main, sub and item category: the first three dot-separated parts of the code, {@code unknown} where absent. */
    static String[] categoryLevels(String categoryCode) {
        String[] levels = {UNKNOWN, UNKNOWN, UNKNOWN};
        int from = 0;
        for (int level = 0; level < levels.length && from <= categoryCode.length(); level++) {
            int dot = categoryCode.indexOf('.', from);
            int to = dot < 0 ? categoryCode.length() : dot;
            levels[level] = orUnknown(categoryCode.substring(from, to).strip());
            from = to + 1;
        }
        return levels;
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? UNKNOWN : value;
    }

    private static String quote(String value) {
        return "'" + (value.length() > MAX_DETAIL_VALUE ? value.substring(0, MAX_DETAIL_VALUE) + "..." : value) + "'";
    }
}
