package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A {@code daily_kpi} row as a test writes it, and the ratios the README defines, computed here in plain Java
 * (BigDecimal, half-even) independently of the SQL that serves them. {@code buyers == null} stands for a day
 * built before gold v3 (every v3 measure null).
 */
public record DailyGoldRow(String dataset, LocalDate eventDate, long events, long views, long carts, long removes,
                           long purchases, BigDecimal revenue, long users, long sessions, Long buyers,
                           Long viewingSessions, Long cartingSessions, Long purchasingSessions,
                           Long cartPurchaseSessions, Long funnelCartSessions, Long funnelPurchaseSessions,
                           Long sessionEvents, Long sessionDurationUs, Long bouncedSessions, OffsetDateTime builtAt) {

    /**
     * {@code days} consecutive days from {@code first}, figures drawn from {@code seed}: every 5th day predates v3,
     * every 7th has no sessions (null session ratios), every 4th no purchases.
     */
    public static List<DailyGoldRow> days(String dataset, LocalDate first, int days, long seed) {
        Random random = new Random(seed);
        List<DailyGoldRow> rows = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            long views = 50 + random.nextInt(1000);
            long carts = random.nextInt(80);
            long purchases = i % 4 == 3 ? 0 : random.nextInt(40);
            long removes = random.nextInt(10);
            long events = views + carts + purchases + removes;
            BigDecimal revenue = purchases == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(100 + random.nextInt(900_000), 2).multiply(BigDecimal.valueOf(purchases));
            long sessions = i % 7 == 6 ? 0 : 1 + random.nextInt(300);
            long users = Math.max(1, sessions - random.nextInt((int) Math.max(1, sessions / 2)));
            OffsetDateTime built = OffsetDateTime.of(2026, 11, 1, 6, 30, 15, 123_456_000, ZoneOffset.UTC).plusHours(i);
            if (i % 5 == 4) {
                rows.add(new DailyGoldRow(dataset, first.plusDays(i), events, views, carts, removes, purchases, revenue,
                        users, sessions, null, null, null, null, null, null, null, null, null, null, null));
                continue;
            }
            long carting = sessions == 0 ? 0 : random.nextInt((int) sessions + 1);
            long purchasing = sessions == 0 ? 0 : random.nextInt((int) sessions + 1);
            long cartPurchase = Math.min(carting, purchasing) / 2;
            long bounced = sessions / 3;
            rows.add(new DailyGoldRow(dataset, first.plusDays(i), events, views, carts, removes, purchases, revenue,
                    users, sessions, (long) random.nextInt((int) users + 1), sessions, carting, purchasing,
                    cartPurchase, cartPurchase, cartPurchase / 2, events - random.nextInt(5),
                    sessions * (long) random.nextInt(5_000_000_00), bounced, built));
        }
        return rows;
    }

    /** The row as {@code column -> value} for {@link GoldRowWriter#insert}. */
    public Map<String, Object> columns() {
        return GoldRowWriter.row("dataset", dataset, "event_date", eventDate, "events", events, "views", views,
                "carts", carts, "removes", removes, "purchases", purchases, "revenue", revenue, "users", users,
                "sessions", sessions, "buyers", buyers, "viewing_sessions", viewingSessions,
                "carting_sessions", cartingSessions, "purchasing_sessions", purchasingSessions,
                "cart_purchase_sessions", cartPurchaseSessions, "funnel_cart_sessions", funnelCartSessions,
                "funnel_purchase_sessions", funnelPurchaseSessions, "session_events", sessionEvents,
                "session_duration_us", sessionDurationUs, "bounced_sessions", bouncedSessions, "built_at", builtAt);
    }

    public BigDecimal conversionRate() {
        return rate(BigDecimal.valueOf(purchases), sessions, 6);
    }

    public BigDecimal cartAbandonmentRate() {
        return cartingSessions == null ? null : rate(BigDecimal.valueOf(cartingSessions - cartPurchaseSessions), cartingSessions, 6);
    }

    public BigDecimal avgSessionDurationS() {
        return sessionDurationUs == null ? null
                : rate(BigDecimal.valueOf(sessionDurationUs).movePointLeft(6), sessions, 6);
    }

    public BigDecimal avgPurchasePrice() {
        return rate(revenue, purchases, 2);
    }

    public BigDecimal bounceRate() {
        return bouncedSessions == null ? null : rate(BigDecimal.valueOf(bouncedSessions), sessions, 6);
    }

    private static BigDecimal rate(BigDecimal numerator, long denominator, int scale) {
        return denominator == 0 ? null : numerator.divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN);
    }
}
