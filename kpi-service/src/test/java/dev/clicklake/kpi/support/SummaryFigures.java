package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPI cards of a range as the tests expect them: {@link #expected} computes them in plain Java, straight
 * from the rows a test wrote, by the README's definitions (rates to 6 places and money to 2, half-even);
 * served JSON is read into the same record to compare.
 */
public record SummaryFigures(String dataset, LocalDate from, LocalDate to, long events, long views, long carts,
        long removes, long purchases, BigDecimal revenue, long users, long sessions, long buyers, long viewingSessions,
        long cartingSessions, long purchasingSessions, long cartingAndPurchasingSessions, long sessionEvents,
        long bouncedSessions, BigDecimal sessionDurationSeconds, BigDecimal avgPurchasePrice, BigDecimal conversionRate,
        BigDecimal sessionConversionRate, BigDecimal userConversionRate, BigDecimal cartToPurchaseRate,
        BigDecimal cartAbandonmentRate, BigDecimal viewToCartRate, BigDecimal eventsPerSession,
        BigDecimal sessionsPerUser, BigDecimal avgSessionDurationS, BigDecimal bounceRate) {

    /** What one session did in the range. */
    private static final class Session {
        Instant first;
        Instant last;
        long events;
        boolean viewed;
        boolean carted;
        boolean purchased;
    }

    /** The cards over every row (of any file) whose event time falls in [from, to). */
    public static SummaryFigures expected(String dataset, LocalDate from, LocalDate to, Collection<SilverRow> rows) {
        List<SilverRow> inRange = rows.stream().filter(row -> {
            LocalDate day = row.eventTime().atZone(ZoneOffset.UTC).toLocalDate();
            return !day.isBefore(from) && day.isBefore(to);
        }).toList();
        long views = count(inRange, "view");
        long carts = count(inRange, "cart");
        long removes = count(inRange, "remove_from_cart");
        long purchases = count(inRange, "purchase");
        BigDecimal revenue = inRange.stream().filter(row -> row.eventType().equals("purchase")).map(SilverRow::price)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
        Set<Long> users = new HashSet<>();
        Set<Long> buyers = new HashSet<>();
        Map<String, Session> sessions = new HashMap<>();
        for (SilverRow row : inRange) {
            users.add(row.userId());
            if (row.eventType().equals("purchase")) {
                buyers.add(row.userId());
            }
            if (row.userSession() != null) {
                Session session = sessions.computeIfAbsent(row.userSession(), s -> new Session());
                session.first = session.first == null || row.eventTime().isBefore(session.first) ? row.eventTime() : session.first;
                session.last = session.last == null || row.eventTime().isAfter(session.last) ? row.eventTime() : session.last;
                session.events++;
                session.viewed |= row.eventType().equals("view");
                session.carted |= row.eventType().equals("cart");
                session.purchased |= row.eventType().equals("purchase");
            }
        }
        Collection<Session> all = sessions.values();
        long sessionCount = all.size();
        long viewing = all.stream().filter(s -> s.viewed).count();
        long carting = all.stream().filter(s -> s.carted).count();
        long purchasing = all.stream().filter(s -> s.purchased).count();
        long cartingAndPurchasing = all.stream().filter(s -> s.carted && s.purchased).count();
        long sessionEvents = all.stream().mapToLong(s -> s.events).sum();
        long bounced = all.stream().filter(s -> s.events == 1).count();
        long durationMicros = all.stream()
                .mapToLong(s -> java.time.Duration.between(s.first, s.last).toNanos() / 1_000).sum();
        BigDecimal durationSeconds = BigDecimal.valueOf(durationMicros, 6);
        return new SummaryFigures(dataset, from, to, inRange.size(), views, carts, removes, purchases, revenue,
                users.size(), sessionCount, buyers.size(), viewing, carting, purchasing, cartingAndPurchasing,
                sessionEvents, bounced, durationSeconds,
                divide(revenue, purchases, 2),
                rate(purchases, sessionCount),
                rate(purchasing, sessionCount),
                rate(buyers.size(), users.size()),
                rate(purchases, carts),
                carting == 0 ? null : BigDecimal.ONE.subtract(
                        BigDecimal.valueOf(cartingAndPurchasing).divide(BigDecimal.valueOf(carting), 20, RoundingMode.HALF_EVEN))
                        .setScale(6, RoundingMode.HALF_EVEN),
                rate(carts, views),
                rate(sessionEvents, sessionCount),
                rate(sessionCount, users.size()),
                divide(durationSeconds, sessionCount, 6),
                rate(bounced, sessionCount));
    }

    private static long count(List<SilverRow> rows, String type) {
        return rows.stream().filter(row -> row.eventType().equals(type)).count();
    }

    private static BigDecimal rate(long numerator, long denominator) {
        return divide(BigDecimal.valueOf(numerator), denominator, 6);
    }

    private static BigDecimal divide(BigDecimal numerator, long denominator, int scale) {
        return denominator == 0 ? null : numerator.divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN);
    }
}
