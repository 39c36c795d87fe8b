package dev.clicklake.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventKeyHasherTest {

    private static final SilverEvent EVENT = new SilverEvent(Instant.parse("2019-10-01T00:00:00Z"), "view", 1,
            2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, "s1");

    private final EventKeyHasher hasher = new EventKeyHasher();

    @Test
    void equalEventsHaveOneKeyAndItNeverChanges() {
        SilverEvent same = new SilverEvent(Instant.parse("2019-10-01T02:00:00+02:00"), "view", 1,
                2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, "s1");

        assertEquals(hasher.key(EVENT), hasher.key(same));
        // keys are stored in the lake: the encoding and the hash must stay as they are (this value is also what
        // Guava's Hashing.murmur3_128() gives for the encoded bytes, read as two little-endian longs)
        assertEquals(new EventKey(0x6a05c67b512d0f52L, 0x7efd97939b2dab4L), hasher.key(EVENT));
    }

    @Test
    void eachSourceValueIsPartOfTheKey() {
        List<SilverEvent> variants = List.of(EVENT,
                new SilverEvent(Instant.parse("2019-10-01T00:00:01Z"), "view", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, "s1"),
                new SilverEvent(Instant.parse("2019-10-01T00:00:00.000001Z"), "view", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, "s1"),
                new SilverEvent(EVENT.eventTime(), "cart", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, "s1"),
                new SilverEvent(EVENT.eventTime(), "view", 2, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, "s1"),
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882654L, "a.b.c", "a", "b", "c", "samsung", 150, 10, "s1"),
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882655L, "a.b.d", "a", "b", "d", "samsung", 150, 10, "s1"),
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "apple", 150, 10, "s1"),
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 151, 10, "s1"),
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 11, "s1"),
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, "s2"),
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, null),
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882655L, "a.b.c", "a", "b", "c", "samsung", 150, 10, ""),
                // a value moved from one text field to its neighbour is another event
                new SilverEvent(EVENT.eventTime(), "view", 1, 2053013555631882655L, "a.b.csamsung", "a", "b", "csamsung", "", 150, 10, "s1"));

        Set<EventKey> keys = new HashSet<>();
        variants.forEach(variant -> keys.add(hasher.key(variant)));

        assertEquals(variants.size(), keys.size());
        assertNotEquals(hasher.key(variants.get(11)), hasher.key(variants.get(12)));
    }

    @Test
    void longTextIsHashedWhole() {
        String longBrand = "x".repeat(1_000);
        SilverEvent a = new SilverEvent(EVENT.eventTime(), "view", 1, 2, "c", "c", "unknown", "unknown", longBrand + "a", 1, 1, null);
        SilverEvent b = new SilverEvent(EVENT.eventTime(), "view", 1, 2, "c", "c", "unknown", "unknown", longBrand + "b", 1, 1, null);

        assertNotEquals(hasher.key(a), hasher.key(b));
        assertEquals(hasher.key(a), new EventKeyHasher().key(a));
    }
}
