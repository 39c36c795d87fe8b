package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A breakdown row as the tests expect it: {@link #expected} groups the rows written by member in plain Java
 * and computes each member's (and the "other" rows') figures with {@link SummaryFigures#expected} over exactly
 * its rows, so distinct counts of "other" are those of the union of its members. Served JSON reads into it.
 */
public record BreakdownFigures(String member, boolean other, int members, long events, long views, long carts,
        long removes, long purchases, BigDecimal revenue, long users, long sessions, long buyers, long cartingSessions,
        long purchasingSessions, BigDecimal avgPurchasePrice, BigDecimal conversionRate,
        BigDecimal sessionConversionRate, BigDecimal userConversionRate, BigDecimal cartToPurchaseRate,
        BigDecimal viewToCartRate) {

    /** The member of a row in each dimension, as silver holds it. */
    public static Function<SilverRow, String> memberOf(String dimension) {
        return switch (dimension) {
            case "main_category" -> row -> row.categoryCode().isEmpty() ? "" : row.categoryCode().split("\\.")[0];
            case "brand" -> SilverRow::brand;
            case "hour" -> row -> Integer.toString(row.eventTime().atZone(ZoneOffset.UTC).getHour());
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    /** The rows of the breakdown of [from, to) by {@code dimension}, top {@code top} by {@code by}, then "other". */
    public static List<BreakdownFigures> expected(LocalDate from, LocalDate to, Collection<SilverRow> rows,
            String dimension, int top, String by) {
        Map<String, List<SilverRow>> byMember = rows.stream()
                .filter(row -> {
                    LocalDate day = row.eventTime().atZone(ZoneOffset.UTC).toLocalDate();
                    return !day.isBefore(from) && day.isBefore(to);
                })
                .collect(Collectors.groupingBy(memberOf(dimension), TreeMap::new, Collectors.toList()));
        Map<String, SummaryFigures> figures = new TreeMap<>();
        byMember.forEach((member, memberRows) -> figures.put(member, SummaryFigures.expected("any", from, to, memberRows)));
        List<String> order = new ArrayList<>(figures.keySet());
        if (dimension.equals("hour")) {
            order.sort(Comparator.comparingInt(Integer::parseInt));
            top = order.size();
        } else {
            Comparator<String> measure = switch (by) {
                case "events" -> Comparator.comparingLong(member -> figures.get(member).events());
                case "revenue" -> Comparator.comparing(member -> figures.get(member).revenue());
                case "purchases" -> Comparator.comparingLong(member -> figures.get(member).purchases());
                default -> throw new IllegalArgumentException(by);
            };
            order.sort(measure.reversed().thenComparing(Comparator.naturalOrder()));
        }
        List<BreakdownFigures> expected = new ArrayList<>();
        for (String member : order.subList(0, Math.min(top, order.size()))) {
            expected.add(of(member, false, 1, figures.get(member)));
        }
        List<String> rest = order.subList(Math.min(top, order.size()), order.size());
        if (!rest.isEmpty()) {
            List<SilverRow> restRows = rest.stream().flatMap(member -> byMember.get(member).stream()).toList();
            expected.add(of(null, true, rest.size(), SummaryFigures.expected("any", from, to, restRows)));
        }
        return expected;
    }

    private static BreakdownFigures of(String member, boolean other, int members, SummaryFigures s) {
        return new BreakdownFigures(member, other, members, s.events(), s.views(), s.carts(), s.removes(), s.purchases(),
                s.revenue(), s.users(), s.sessions(), s.buyers(), s.cartingSessions(), s.purchasingSessions(),
                s.avgPurchasePrice(), s.conversionRate(), s.sessionConversionRate(), s.userConversionRate(),
                s.cartToPurchaseRate(), s.viewToCartRate());
    }
}
