package dev.clicklake.kpi.gold;

import java.util.Map;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The distinct ids of one day as compressed bitmaps, plus the day's per-session sums. Sessions are dictionary
 * ids, users their own ids. Stored with the day ({@code daily_id_sets}); {@link RangeCorrections} are built
 * from the days' sets, and the breakdowns OR them over ranges.
 */
public record IdSets(Roaring64NavigableMap users, Roaring64NavigableMap buyers, Roaring64NavigableMap sessions,
        Roaring64NavigableMap viewingSessions, Roaring64NavigableMap cartingSessions,
        Roaring64NavigableMap purchasingSessions, long sessionEvents, long sessionDurationMicros,
        long bouncedSessions) {

    /** No id at all: the sets of a period without events. */
    public static IdSets empty() {
        return new IdSets(new Roaring64NavigableMap(), new Roaring64NavigableMap(), new Roaring64NavigableMap(),
                new Roaring64NavigableMap(), new Roaring64NavigableMap(), new Roaring64NavigableMap(), 0, 0, 0);
    }

    /** A day's sets; {@code sessionIds} maps every session of {@code day} to its dictionary id. */
    public static IdSets ofDay(DayIdentities day, Map<String, Long> sessionIds) {
        IdSets sets = empty();
        for (UserFact user : day.users()) {
            sets.users.addLong(user.userId());
            if (user.purchased()) {
                sets.buyers.addLong(user.userId());
            }
        }
        long events = 0;
        long duration = 0;
        long bounced = 0;
        for (SessionFact session : day.sessions()) {
            long id = sessionIds.get(session.session());
            sets.sessions.addLong(id);
            addIf(session.viewed(), sets.viewingSessions, id);
            addIf(session.carted(), sets.cartingSessions, id);
            addIf(session.purchased(), sets.purchasingSessions, id);
            events += session.events();
            duration += session.durationMicros();
            bounced += session.events() == 1 ? 1 : 0;
        }
        return sets.withSessionSums(events, duration, bounced);
    }

    /** Sessions with both a cart and a purchase in the period. */
    public long cartingAndPurchasingSessions() {
        return and(cartingSessions, purchasingSessions).getLongCardinality();
    }

    /** Sessions with a view and a cart in the period. */
    public long viewingAndCartingSessions() {
        return and(viewingSessions, cartingSessions).getLongCardinality();
    }

    /** Sessions with a view, a cart and a purchase in the period. */
    public long viewingCartingAndPurchasingSessions() {
        Roaring64NavigableMap viewedAndCarted = and(viewingSessions, cartingSessions);
        viewedAndCarted.and(purchasingSessions);
        return viewedAndCarted.getLongCardinality();
    }

    private IdSets withSessionSums(long events, long durationMicros, long bounced) {
        return new IdSets(users, buyers, sessions, viewingSessions, cartingSessions, purchasingSessions, events,
                durationMicros, bounced);
    }

    private static void addIf(boolean condition, Roaring64NavigableMap bitmap, long id) {
        if (condition) {
            bitmap.addLong(id);
        }
    }

    private static Roaring64NavigableMap and(Roaring64NavigableMap a, Roaring64NavigableMap b) {
        Roaring64NavigableMap both = copy(a);
        both.and(b);
        return both;
    }

    private static Roaring64NavigableMap copy(Roaring64NavigableMap bitmap) {
        Roaring64NavigableMap copy = new Roaring64NavigableMap();
        copy.or(bitmap);
        return copy;
    }
}
