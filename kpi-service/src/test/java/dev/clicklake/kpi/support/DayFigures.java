package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A day's figures as the tests expect them: {@link #expected} computes them from the rows a test wrote,
 * in plain Java, independently of the service; served JSON is read into the same record to compare.
 */
public record DayFigures(String dataset, LocalDate eventDate, long events, long views, long carts, long removes,
        long purchases, BigDecimal revenue, long users, long sessions) {

    /** The figures of {@code day} over every row (of any file) that falls in it. */
    public static DayFigures expected(String dataset, LocalDate day, Collection<SilverRow> rows) {
        List<SilverRow> ofDay = rows.stream()
                .filter(row -> row.eventTime().atZone(ZoneOffset.UTC).toLocalDate().equals(day))
                .toList();
        if (ofDay.isEmpty()) {
            throw new IllegalArgumentException("no row falls on " + day);
        }
        long views = 0;
        long carts = 0;
        long removes = 0;
        long purchases = 0;
        BigDecimal revenue = new BigDecimal("0.00");
        Set<Long> users = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        for (SilverRow row : ofDay) {
            switch (row.eventType()) {
                case "view" -> views++;
                case "cart" -> carts++;
                case "remove_from_cart" -> removes++;
                case "purchase" -> {
                    purchases++;
                    revenue = revenue.add(row.price());
                }
                default -> throw new IllegalArgumentException(row.eventType());
            }
            users.add(row.userId());
            sessions.add(row.userSession());
        }
        sessions.remove(null);
        return new DayFigures(dataset, day, ofDay.size(), views, carts, removes, purchases, revenue, users.size(),
                sessions.size());
    }
}
