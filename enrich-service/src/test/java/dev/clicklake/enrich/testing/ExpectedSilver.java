package dev.clicklake.enrich.testing;

import dev.clicklake.contracts.clickstream.BadRowKind;
import dev.clicklake.contracts.clickstream.ClickstreamSummary;
import dev.clicklake.contracts.event.BronzeLanded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What silver should hold for a CSV file, worked out from its text with plain string handling and never with
 * the code under test: a data line in the canonical REES46 form is a good row (every silver rule keeps it as
 * it is), any other data line is a bad row; duplicate lines are one event.
 */
public final class ExpectedSilver {

    /** A data line in the canonical REES46 form. */
    public static final Pattern GOOD_LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC,"
            + "(view|cart|remove_from_cart|purchase),\\d{1,18},\\d{1,19},[a-z0-9._]*,[a-z0-9._&' -]*,\\d{1,10}\\.\\d\\d,"
            + "\\d{1,18},[0-9a-f-]*");

    private ExpectedSilver() {
    }

    /** The figures of the distinct good lines of all the splits together. */
    public static SilverAggregates distinctGoodLines(byte[] bytes, List<BronzeLanded> splits) {
        Set<String> expected = new LinkedHashSet<>();
        for (BronzeLanded split : splits) {
            BronzeSplits.lines(bytes, split.split()).stream()
                    .filter(line -> GOOD_LINE.matcher(line).matches())
                    .forEach(expected::add);
        }
        return SilverAggregates.ofCsv(List.copyOf(expected));
    }

    /** Data lines in the file (a last line without a line ending included). */
    public static long dataLines(byte[] bytes, boolean header) {
        List<String> lines = lines(bytes);
        return lines.size() - (header ? 1 : 0) - (lines.get(lines.size() - 1).isEmpty() ? 1 : 0);
    }

    /** 1-based line numbers, in the file, of the data lines that are not good lines. */
    public static List<Long> badLineNumbers(byte[] bytes, boolean header) {
        List<String> lines = lines(bytes);
        List<Long> bad = new ArrayList<>();
        for (int i = header ? 1 : 0; i < lines.size(); i++) {
            boolean endOfFile = i == lines.size() - 1 && lines.get(i).isEmpty();
            if (!endOfFile && !GOOD_LINE.matcher(lines.get(i)).matches()) {
                bad.add(i + 1L);
            }
        }
        return bad;
    }

    /** Line {@code number} (1-based) of the file, without its line ending. */
    public static String line(byte[] bytes, long number) {
        return lines(bytes).get((int) number - 1);
    }

    /** The rule that rejects each kind of bad row the generator injects, counted as the summary says. */
    public static Map<String, Long> quarantinedByRule(ClickstreamSummary summary) {
        Map<String, Long> byRule = new TreeMap<>();
        summary.badRows().forEach((kind, count) -> byRule.merge(rule(kind), count, Long::sum));
        return byRule;
    }

    private static String rule(BadRowKind kind) {
        return switch (kind) {
            case UNPARSEABLE_TIME -> "event_time.format";
            case UNKNOWN_EVENT_TYPE -> "event_type.unknown";
            case NON_NUMERIC_PRODUCT_ID -> "product_id.invalid";
            case CATEGORY_ID_AS_DOUBLE -> "category_id.invalid";
            case NEGATIVE_PRICE -> "price.negative";
            case TOO_MANY_PRICE_DECIMALS -> "price.scale";
            case MISSING_USER_ID -> "user_id.invalid";
            case MISSING_FIELD, EXTRA_FIELD -> "row.field_count";
        };
    }

    private static List<String> lines(byte[] bytes) {
        return List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1));
    }
}
