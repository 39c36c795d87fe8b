package dev.clicklake.contracts.clickstream;

import java.util.SplittableRandom;

/**
 * One visit in progress: who, which session id, where it is in time and what it has in its cart.
 * The remaining events are spread uniformly over the rest of the planned duration, one at a time
 * (the next is the earliest of the remaining uniform times), so a session never needs its future
 * stored; like a person, a session clicks at most once a second, except when squeezed into the
 * last second of the window.
 */
final class ClickSession {

    private static final int MAX_FOLLOW_UPS = 4;
    private static final int MAX_EXTENSION_SECONDS = 180;

    private final byte[] sessionId;
    private final int userId;
    private final int otherUserId;
    private final int otherUserFrom;
    private final long windowLast;
    private double end;
    private double position;
    private long nextTime;
    private int remaining;
    private int emitted;
    private int lastProduct = -1;
    private final int[] followUps = new int[MAX_FOLLOW_UPS];
    private int followUpCount;

    /**
     * @param otherUserFrom event index from which {@code otherUserId} is written instead of {@code userId}
     * @param windowLast    last second of the time window, which {@code end} never passes
     */
    ClickSession(byte[] sessionId, int userId, int otherUserId, int otherUserFrom,
                 long start, double end, int events, long windowLast) {
        this.sessionId = sessionId;
        this.userId = userId;
        this.otherUserId = otherUserId;
        this.otherUserFrom = otherUserFrom;
        this.windowLast = windowLast;
        this.position = start;
        this.nextTime = start;
        this.end = Math.min(end, windowLast);
        this.remaining = events;
    }

    /** The {@code user_session} text as ASCII bytes, empty for the rare session without one. */
    byte[] sessionId() {
        return sessionId;
    }

    long nextTime() {
        return nextTime;
    }

    /** The {@code user_id} of the next event. */
    int userId() {
        return emitted >= otherUserFrom ? otherUserId : userId;
    }

    /** Whether the session has written its first event. */
    boolean started() {
        return emitted > 0;
    }

    /** Events still to come, the next one included. */
    int remaining() {
        return remaining;
    }

    /** The product of the last event, or -1 before the first. */
    int lastProduct() {
        return lastProduct;
    }

    void lastProduct(int product) {
        lastProduct = product;
    }

    int followUpCount() {
        return followUpCount;
    }

    /** Remembers an event owed later in this session (e.g. the purchase of a carted product); false when full. */
    boolean addFollowUp(int followUp) {
        if (followUpCount == MAX_FOLLOW_UPS) {
            return false;
        }
        followUps[followUpCount++] = followUp;
        return true;
    }

    /** The oldest owed event, removed. */
    int takeFollowUp() {
        int first = followUps[0];
        followUpCount--;
        System.arraycopy(followUps, 1, followUps, 0, followUpCount);
        return first;
    }

    /**
     * Moves past the event just written. A session owing more events than it has left grows to fit
     * them, lasting a little longer if its time is up. Returns false when the session is over.
     */
    boolean advance(SplittableRandom random) {
        emitted++;
        remaining--;
        if (remaining < followUpCount) {
            remaining = followUpCount;
            if (end - position < 1) {
                end = Math.min(windowLast, position + 1 + random.nextInt(MAX_EXTENSION_SECONDS));
            }
        }
        if (remaining == 0) {
            return false;
        }
        double earliestOfRemaining = 1 - StrictMath.pow(Distributions.openUnit(random), 1.0 / remaining);
        position += (end - position) * earliestOfRemaining;
        nextTime = Math.min(windowLast, Math.max((long) position, nextTime + 1));
        return true;
    }
}
