package dev.clicklake.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventKeySetTest {

    @Test
    void holdsEachKeyOnceAcrossGrowth() {
        EventKeySet set = new EventKeySet();
        Set<EventKey> reference = new HashSet<>();
        Random random = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            // few distinct his, so that probing and equal his are exercised
            EventKey key = new EventKey(random.nextInt(100), random.nextInt(1_000));
            assertEquals(reference.add(key), set.add(key));
        }

        assertEquals(reference.size(), set.size());
        reference.forEach(key -> assertTrue(set.contains(key)));
        assertFalse(set.contains(new EventKey(100, 0)));
    }

    @Test
    void listsItsKeysInSignedOrder() {
        EventKeySet set = new EventKeySet();
        set.add(new EventKey(3, -1));
        set.add(new EventKey(-5, 7));
        set.add(new EventKey(3, -2));
        set.add(new EventKey(0, 0));

        assertEquals(List.of(new EventKey(-5, 7), new EventKey(0, 0), new EventKey(3, -2), new EventKey(3, -1)),
                SortedKeys.of(set));
        assertTrue(new EventKeySet().isEmpty());
    }
}
