package dev.clicklake.enrich.pipeline;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The distinct events of one split, as keys per event date: tells a first occurrence from a repeat. */
public final class DistinctEvents {

    private final EventKeyHasher hasher = new EventKeyHasher();
    private final Map<LocalDate, EventKeySet> byDate = new TreeMap<>();
    private LocalDate lastDate;
    private EventKeySet lastDateKeys;

    /** The event's key when this is its first occurrence in the split, or null for a repeat. */
    public EventKey firstSeen(SilverEvent event) {
        EventKey key = hasher.key(event);
        LocalDate date = event.eventDate();
        if (!date.equals(lastDate)) { // rows mostly come in time order: one map lookup per change of date
            lastDate = date;
            lastDateKeys = byDate.computeIfAbsent(date, d -> new EventKeySet());
        }
        return lastDateKeys.add(key) ? key : null;
    }

    /** How many event dates the split's events fall on so far. */
    public int dateCount() {
        return byDate.size();
    }

    /** The keys of the split's distinct events, by event date in ascending order. */
    public Map<LocalDate, EventKeySet> byDate() {
        return Collections.unmodifiableMap(byDate);
    }
}
