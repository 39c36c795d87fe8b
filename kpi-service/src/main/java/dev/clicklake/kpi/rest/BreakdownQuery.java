package dev.clicklake.kpi.rest;

import dev.clicklake.kpi.gold.Dimension;
import dev.clicklake.kpi.gold.Ranking;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A checked request for a breakdown: the range, the dimension, how many members and ranked by what. */
public record BreakdownQuery(DailyQuery range, Dimension dimension, int top, Ranking by) {

    public static final int DEFAULT_TOP = 10;
    public static final int MAX_TOP = 1000;

    /**
     * Reads the raw query parameters beside a checked range.
     *
     * @throws InvalidParameterException naming the first parameter that is missing or wrong
     */
    public static BreakdownQuery parse(DailyQuery range, String dimension, String top, String by) {
        if (dimension == null || dimension.isBlank()) {
            throw new InvalidParameterException("dimension", "dimension is required: one of " + names(Dimension.values()));
        }
        Dimension parsedDimension = Dimension.of(dimension).orElseThrow(() -> new InvalidParameterException("dimension",
                "dimension must be one of " + names(Dimension.values()) + ", not '" + dimension + "'"));
        Ranking parsedBy = by == null ? Ranking.EVENTS : Ranking.of(by).orElseThrow(() -> new InvalidParameterException(
                "by", "by must be one of " + names(Ranking.values()) + ", not '" + by + "'"));
        return new BreakdownQuery(range, parsedDimension, top == null ? DEFAULT_TOP : top(top), parsedBy);
    }

    private static int top(String top) {
        try {
            int value = Integer.parseInt(top);
            if (value >= 1 && value <= MAX_TOP) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException("top", "top must be a whole number from 1 to " + MAX_TOP + ", not '" + top + "'");
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
