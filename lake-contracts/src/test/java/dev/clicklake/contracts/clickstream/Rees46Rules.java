package dev.clicklake.contracts.clickstream;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The REES46 row rules, written independently of the generator so that tests can judge its output
 * (and the real sample files) by them.
 */
final class Rees46Rules {

    static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern(ClickstreamColumns.EVENT_TIME_PATTERN)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PRICE = Pattern.compile("[0-9]+\\.[0-9]{2}");
    private static final Pattern CATEGORY_CODE = Pattern.compile("([a-z_]+(\\.[a-z_]+){1,3})?");
    /** Mostly version 4 UUIDs, but about 1 % of the real sessions carry other version and variant digits. */
    private static final Pattern SESSION = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?");

    /** One row that passed the rules. */
    record Row(LocalDateTime time, EventType type, long productId, long categoryId, String categoryCode,
               String brand, long priceCents, long userId, String session) {
    }

    private Rees46Rules() {
    }

    /** The column whose rule {@code line} breaks ("field count" for a wrong number of fields), or empty. */
    static Optional<String> brokenRule(String line) {
        String[] f = line.split(",", -1);
        if (f.length != ClickstreamColumns.COUNT) {
            return Optional.of("field count");
        }
        if (!isEventTime(f[0])) {
            return Optional.of(ClickstreamColumns.EVENT_TIME);
        }
        if (EventType.fromWireName(f[1]).isEmpty()) {
            return Optional.of(ClickstreamColumns.EVENT_TYPE);
        }
        if (!DIGITS.matcher(f[2]).matches()) {
            return Optional.of(ClickstreamColumns.PRODUCT_ID);
        }
        if (!DIGITS.matcher(f[3]).matches() || f[3].length() > 19) {
            return Optional.of(ClickstreamColumns.CATEGORY_ID);
        }
        if (!CATEGORY_CODE.matcher(f[4]).matches()) {
            return Optional.of(ClickstreamColumns.CATEGORY_CODE);
        }
        if (!PRICE.matcher(f[6]).matches()) {
            return Optional.of(ClickstreamColumns.PRICE);
        }
        if (!DIGITS.matcher(f[7]).matches()) {
            return Optional.of(ClickstreamColumns.USER_ID);
        }
        if (!SESSION.matcher(f[8]).matches()) {
            return Optional.of(ClickstreamColumns.USER_SESSION);
        }
        return Optional.empty();
    }

    /** Parses a row that passes the rules; fails the test otherwise. */
    static Row parse(String line) {
        brokenRule(line).ifPresent(rule -> {
            throw new AssertionError("breaks the " + rule + " rule: " + line);
        });
        String[] f = line.split(",", -1);
        String price = f[6];
        int dot = price.indexOf('.');
        long cents = Long.parseLong(price.substring(0, dot)) * 100 + Long.parseLong(price.substring(dot + 1));
        return new Row(LocalDateTime.parse(f[0], EVENT_TIME), EventType.fromWireName(f[1]).orElseThrow(),
                Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5], cents, Long.parseLong(f[7]), f[8]);
    }

    private static boolean isEventTime(String text) {
        try {
            LocalDateTime.parse(text, EVENT_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
