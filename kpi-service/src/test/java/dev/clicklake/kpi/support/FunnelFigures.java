package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The session funnel of a range as the tests expect it, computed in plain Java from the rows written. */
public record FunnelFigures(String dataset, LocalDate from, LocalDate to, long viewingSessions,
        long viewingCartingSessions, long viewingCartingPurchasingSessions, long views, long carts, long purchases,
        BigDecimal viewToCartSessionRate, BigDecimal cartToPurchaseSessionRate) {

    public static FunnelFigures expected(String dataset, LocalDate from, LocalDate to, Collection<SilverRow> rows) {
        List<SilverRow> inRange = rows.stream().filter(row -> {
            LocalDate day = row.eventTime().atZone(ZoneOffset.UTC).toLocalDate();
            return !day.isBefore(from) && day.isBefore(to);
        }).toList();
        Map<String, Set<String>> typesBySession = new HashMap<>();
        inRange.stream().filter(row -> row.userSession() != null).forEach(row ->
                typesBySession.computeIfAbsent(row.userSession(), s -> new HashSet<>()).add(row.eventType()));
        long viewing = typesBySession.values().stream().filter(t -> t.contains("view")).count();
        long carting = typesBySession.values().stream().filter(t -> t.contains("view") && t.contains("cart")).count();
        long buying = typesBySession.values().stream()
                .filter(t -> t.contains("view") && t.contains("cart") && t.contains("purchase")).count();
        return new FunnelFigures(dataset, from, to, viewing, carting, buying,
                inRange.stream().filter(row -> row.eventType().equals("view")).count(),
                inRange.stream().filter(row -> row.eventType().equals("cart")).count(),
                inRange.stream().filter(row -> row.eventType().equals("purchase")).count(),
                rate(carting, viewing), rate(buying, carting));
    }

    private static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_EVEN);
    }
}
