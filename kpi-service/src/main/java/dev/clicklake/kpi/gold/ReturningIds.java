package dev.clicklake.kpi.gold;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Finds, day after day in ascending order, the ids seen on an earlier day, and the day each was last seen on.
 * Holds one bitmap per earlier day of the ids last seen there, so every id seen so far is held once: memory
 * grows with the distinct ids, not with the days.
 */
public final class ReturningIds {

    /** Receives how many ids of the current day were last seen on {@code previousDay}. */
    @FunctionalInterface
    public interface Sink {
        void returned(long previousDay, long ids);
    }

    private final TreeMap<Long, Roaring64NavigableMap> lastSeenOn = new TreeMap<>();

    /**
     * Takes the ids of {@code day}, later than every day before: reports to {@code sink}, for each earlier
     * day, the ids last seen there, and returns every id of {@code day} seen before.
     */
    public Roaring64NavigableMap add(long day, Roaring64NavigableMap ids, Sink sink) {
        if (!lastSeenOn.isEmpty() && lastSeenOn.lastKey() >= day) {
            throw new IllegalArgumentException("days must come in ascending order: " + day + " after " + lastSeenOn.lastKey());
        }
        Roaring64NavigableMap returning = new Roaring64NavigableMap();
        Iterator<Map.Entry<Long, Roaring64NavigableMap>> earlier = lastSeenOn.entrySet().iterator();
        while (earlier.hasNext()) {
            Map.Entry<Long, Roaring64NavigableMap> previous = earlier.next();
            Roaring64NavigableMap back = new Roaring64NavigableMap();
            back.or(ids);
            back.and(previous.getValue());
            long count = back.getLongCardinality();
            if (count > 0) {
                sink.returned(previous.getKey(), count);
                previous.getValue().andNot(back);
                returning.or(back);
                if (previous.getValue().isEmpty()) {
                    earlier.remove();
                }
            }
        }
        Roaring64NavigableMap seen = new Roaring64NavigableMap();
        seen.or(ids);
        lastSeenOn.put(day, seen);
        return returning;
    }
}
