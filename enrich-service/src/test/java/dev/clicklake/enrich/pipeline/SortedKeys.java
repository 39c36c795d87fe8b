package dev.clicklake.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;

/** A set's keys in the order {@link EventKeySet#sortedHalves} gives them, as key objects, for assertions. */
final class SortedKeys {

    private SortedKeys() {
    }

    static List<EventKey> of(EventKeySet set) {
        long[][] halves = set.sortedHalves();
        List<EventKey> keys = new ArrayList<>();
        for (int i = 0; i < halves[0].length; i++) {
            keys.add(new EventKey(halves[0][i], halves[1][i]));
        }
        return keys;
    }
}
