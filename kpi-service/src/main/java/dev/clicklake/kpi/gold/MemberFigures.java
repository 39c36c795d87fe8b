package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The measures of one member of a {@link Dimension} (or of several members together) over a period: additive
 * counts, and its distinct users, sessions, buyers, carting and purchasing sessions as bitmaps (users by
 * user_id, sessions by dictionary id). Built in place, one user, session or period at a time, so a
 * caller holds one member's bitmaps at once.
 */
public final class MemberFigures {

    private final String member;
    private long events;
    private long views;
    private long carts;
    private long removes;
    private long purchases;
    private BigDecimal revenue = new BigDecimal("0.00");
    private final Roaring64NavigableMap users = new Roaring64NavigableMap();
    private final Roaring64NavigableMap sessions = new Roaring64NavigableMap();
    private final Roaring64NavigableMap buyers = new Roaring64NavigableMap();
    private final Roaring64NavigableMap cartingSessions = new Roaring64NavigableMap();
    private final Roaring64NavigableMap purchasingSessions = new Roaring64NavigableMap();

    public MemberFigures(String member) {
        this.member = member;
    }

    /** A user with events in the member; a buyer when one of them is a purchase. */
    public void addUser(long userId, boolean purchased) {
        users.addLong(userId);
        if (purchased) {
            buyers.addLong(userId);
        }
    }

    /** A session (dictionary id) with events in the member; carting or purchasing when one of them is one. */
    public void addSession(long sessionId, boolean carted, boolean purchased) {
        sessions.addLong(sessionId);
        if (carted) {
            cartingSessions.addLong(sessionId);
        }
        if (purchased) {
            purchasingSessions.addLong(sessionId);
        }
    }

    /** Adds additive counts (of another day, or of another member folded into this one). */
    public void addCounts(long events, long views, long carts, long removes, long purchases, BigDecimal revenue) {
        this.events += events;
        this.views += views;
        this.carts += carts;
        this.removes += removes;
        this.purchases += purchases;
        this.revenue = this.revenue.add(revenue);
    }

    /** ORs another period's (or member's) id sets into this one's. */
    public void addIds(Roaring64NavigableMap users, Roaring64NavigableMap sessions, Roaring64NavigableMap buyers,
            Roaring64NavigableMap cartingSessions, Roaring64NavigableMap purchasingSessions) {
        this.users.or(users);
        this.sessions.or(sessions);
        this.buyers.or(buyers);
        this.cartingSessions.or(cartingSessions);
        this.purchasingSessions.or(purchasingSessions);
    }

    public String member() {
        return member;
    }

    public long events() {
        return events;
    }

    public long views() {
        return views;
    }

    public long carts() {
        return carts;
    }

    public long removes() {
        return removes;
    }

    public long purchases() {
        return purchases;
    }

    public BigDecimal revenue() {
        return revenue;
    }

    public Roaring64NavigableMap users() {
        return users;
    }

    public Roaring64NavigableMap sessions() {
        return sessions;
    }

    public Roaring64NavigableMap buyers() {
        return buyers;
    }

    public Roaring64NavigableMap cartingSessions() {
        return cartingSessions;
    }

    public Roaring64NavigableMap purchasingSessions() {
        return purchasingSessions;
    }
}
