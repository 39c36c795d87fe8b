package dev.clicklake.kpi.gold;

import java.util.List;
import java.util.Map;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The distinct ids of a period as compressed bitmaps, plus the per-session figures that add up over days.
 * Sessions are dictionary ids, users their own ids. A day's sets are built by {@link #ofDay}; a range's are
 * the {@link #union} of its days: an OR of each set, exact whatever the range. Intersections (sessions that
 * both carted and purchased, the funnel) are taken after merging, so a session that carts on one day and
 * buys on the next counts.
 *
 * <p>Session timing (duration, bounces) is summed per day; the union also collects the sessions that have
 * events on two or more of the days ({@link #multiDaySessions()}), whose timing {@link SessionTiming} corrects.
 */
public record IdSets(Roaring64NavigableMap users, Roaring64NavigableMap buyers, Roaring64NavigableMap sessions,
        Roaring64NavigableMap viewingSessions, Roaring64NavigableMap cartingSessions,
        Roaring64NavigableMap purchasingSessions, Roaring64NavigableMap multiDaySessions, long sessionEvents,
        long sessionDurationMicros, long bouncedSessions) {

    /** No id at all: the sets of a period without events. */
    public static IdSets empty() {
        return new IdSets(new Roaring64NavigableMap(), new Roaring64NavigableMap(), new Roaring64NavigableMap(),
                new Roaring64NavigableMap(), new Roaring64NavigableMap(), new Roaring64NavigableMap(),
                new Roaring64NavigableMap(), 0, 0, 0);
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

    /** The sets of disjoint periods (days) together, built in place: one OR per day and set. */
    public static IdSets union(List<IdSets> periods) {
        Union union = new Union();
        periods.forEach(union::add);
        return union.result();
    }

    /**
     * The union of disjoint periods built one period at a time, so a caller reading days holds the merged
     * sets and one day, not every day at once.
     */
    public static final class Union {

        private final IdSets all = empty();
        private long events;
        private long duration;
        private long bounced;

        public void add(IdSets period) {
            Roaring64NavigableMap seenBefore = copy(period.sessions);
            seenBefore.and(all.sessions);
            all.multiDaySessions.or(seenBefore);
            all.multiDaySessions.or(period.multiDaySessions);
            all.users.or(period.users);
            all.buyers.or(period.buyers);
            all.sessions.or(period.sessions);
            all.viewingSessions.or(period.viewingSessions);
            all.cartingSessions.or(period.cartingSessions);
            all.purchasingSessions.or(period.purchasingSessions);
            events += period.sessionEvents;
            duration += period.sessionDurationMicros;
            bounced += period.bouncedSessions;
        }

        public IdSets result() {
            return all.withSessionSums(events, duration, bounced);
        }
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
        return new IdSets(users, buyers, sessions, viewingSessions, cartingSessions, purchasingSessions,
                multiDaySessions, events, durationMicros, bounced);
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
