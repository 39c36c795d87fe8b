package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/**
 * The gold v3 measure columns of one period as the tests expect them ({@link #expected}, from the rows
 * written, through the plain-Java {@link SummaryFigures} and {@link FunnelFigures}), or as a table stores them.
 */
public record Measures(long events, long views, long carts, long removes, long purchases, BigDecimal revenue,
        long users, long sessions, long buyers, long viewingSessions, long cartingSessions, long purchasingSessions,
        long cartPurchaseSessions, long funnelCartSessions, long funnelPurchaseSessions, long sessionEvents,
        long sessionDurationUs, long bouncedSessions) {

    /** The column list of every v3 table that stores all the measures, in this record's order. */
    public static final String COLUMNS = """
            events, views, carts, removes, purchases, revenue, users, sessions, buyers, viewing_sessions,
            carting_sessions, purchasing_sessions, cart_purchase_sessions, funnel_cart_sessions,
            funnel_purchase_sessions, session_events, session_duration_us, bounced_sessions""";

    /** The measures of [from, to) over the rows written. */
    public static Measures expected(LocalDate from, LocalDate to, Collection<SilverRow> rows) {
        SummaryFigures s = SummaryFigures.expected("any", from, to, rows);
        FunnelFigures f = FunnelFigures.expected("any", from, to, rows);
        return new Measures(s.events(), s.views(), s.carts(), s.removes(), s.purchases(), s.revenue(), s.users(),
                s.sessions(), s.buyers(), s.viewingSessions(), s.cartingSessions(), s.purchasingSessions(),
                s.cartingAndPurchasingSessions(), f.viewingCartingSessions(), f.viewingCartingPurchasingSessions(),
                s.sessionEvents(), s.sessionDurationSeconds().movePointRight(6).longValueExact(), s.bouncedSessions());
    }
}
