package dev.clicklake.kpi.gold;

import java.math.BigDecimal;

/**
 * The measures of gold schema v3 for one period (a day, a month, the whole dataset, any range): what every
 * table of that schema stores and every KPI card is computed from. Counts, revenue and session events add up
 * over periods; the distinct counts and session timing are exact for this period only.
 */
public record PeriodFigures(long events, long views, long carts, long removes, long purchases, BigDecimal revenue,
        long users, long sessions, long buyers, long viewingSessions, long cartingSessions, long purchasingSessions,
        long cartPurchaseSessions, long funnelCartSessions, long funnelPurchaseSessions, long sessionEvents,
        long sessionDurationMicros, long bouncedSessions) {

    private static final int MICROS_SCALE = 6;

    /** The figures of one day from its counts and its own id sets. */
    public static PeriodFigures ofDay(DailyKpi counts, IdSets day) {
        return new PeriodFigures(counts.events(), counts.views(), counts.carts(), counts.removes(), counts.purchases(),
                counts.revenue(), day.users().getLongCardinality(), day.sessions().getLongCardinality(),
                day.buyers().getLongCardinality(), day.viewingSessions().getLongCardinality(),
                day.cartingSessions().getLongCardinality(), day.purchasingSessions().getLongCardinality(),
                day.cartingAndPurchasingSessions(), day.viewingAndCartingSessions(),
                day.viewingCartingAndPurchasingSessions(), day.sessionEvents(), day.sessionDurationMicros(),
                day.bouncedSessions());
    }

    /** The sum over sessions of (last - first event time within the period), in seconds. */
    public BigDecimal sessionDurationSeconds() {
        return BigDecimal.valueOf(sessionDurationMicros, MICROS_SCALE);
    }
}
