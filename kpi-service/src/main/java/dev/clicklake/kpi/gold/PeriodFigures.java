package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.util.List;

/**
 * The measures of gold schema v3 for one period (a day, a month, the whole dataset, any range): what every
 * table of that schema stores and every KPI card is computed from. Counts, revenue and session events add up
 * over periods; the distinct counts and session timing are exact for this period only.
 */
public record PeriodFigures(long events, long views, long carts, long removes, long purchases, BigDecimal revenue,
        long users, long sessions, long buyers, long viewingSessions, long cartingSessions, long purchasingSessions,
        long cartPurchaseSessions, long funnelCartSessions, long funnelPurchaseSessions, long sessionEvents,
        long sessionDurationMicros, long bouncedSessions) {

    /**
     * The figures of a period from its days' rows ({@code days}, for the additive counts), its merged id sets
     * and its exact session timing.
     */
    public static PeriodFigures of(List<DailyKpi> days, IdSets ids, SessionTiming timing) {
        long events = 0;
        long views = 0;
        long carts = 0;
        long removes = 0;
        long purchases = 0;
        BigDecimal revenue = new BigDecimal("0.00");
        for (DailyKpi day : days) {
            events += day.events();
            views += day.views();
            carts += day.carts();
            removes += day.removes();
            purchases += day.purchases();
            revenue = revenue.add(day.revenue());
        }
        return new PeriodFigures(events, views, carts, removes, purchases, revenue,
                ids.users().getLongCardinality(), ids.sessions().getLongCardinality(), ids.buyers().getLongCardinality(),
                ids.viewingSessions().getLongCardinality(), ids.cartingSessions().getLongCardinality(),
                ids.purchasingSessions().getLongCardinality(), ids.cartingAndPurchasingSessions(),
                ids.viewingAndCartingSessions(), ids.viewingCartingAndPurchasingSessions(), ids.sessionEvents(),
                timing.durationMicros(), timing.bouncedSessions());
    }

    /** The figures of one day from its counts and its own id sets (no session spans another day of the period). */
    public static PeriodFigures ofDay(DailyKpi counts, IdSets day) {
        return of(List.of(counts), day, SessionTiming.of(day, MultiDaySessionFacts.NONE));
    }

    public SessionTiming timing() {
        return new SessionTiming(sessionDurationMicros, bouncedSessions);
    }
}
