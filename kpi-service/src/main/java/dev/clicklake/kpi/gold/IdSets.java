package dev.clicklake.kpi.gold;

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

    /**
     * Collects a day's sets from its users and numbered sessions, each given once; ascending ids append to the
     * bitmaps' last containers, which is what makes building a day cheap.
     */
    public static final class Builder {

        private final IdSets sets = empty();
        private long events;
        private long duration;
        private long bounced;

        /** A user of the day, and whether they purchased that day. */
        public void addUser(long userId, boolean purchased) {
            sets.users.addLong(userId);
            addIf(purchased, sets.buyers, userId);
        }

        /** A session of the day (its dictionary id): its event types, events and first-to-last duration that day. */
        public void addSession(long id, boolean viewed, boolean carted, boolean purchased, long sessionEvents,
                long durationMicros) {
            sets.sessions.addLong(id);
            addIf(viewed, sets.viewingSessions, id);
            addIf(carted, sets.cartingSessions, id);
            addIf(purchased, sets.purchasingSessions, id);
            events += sessionEvents;
            duration += durationMicros;
            bounced += sessionEvents == 1 ? 1 : 0;
        }

        public IdSets build() {
            return sets.withSessionSums(events, duration, bounced);
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
