package dev.clicklake.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

/**
 * The lake's dedupe claims hold event keys: Apache Commons Codec's MurmurHash3 gives, bit for bit, the keys of
 * {@link EventKeyHasher}'s hand-written one (which stays, being faster), over its own encoding of the events.
 */
class EventKeyHasherLibraryTest {

    private static final int EVENTS = 200_000;

    @Test
    void commonsCodecGivesTheHandWrittenKeysForRandomEvents() {
        RandomSilverEvents events = new RandomSilverEvents(16);
        EventKeyHasher hasher = new EventKeyHasher();
        for (int i = 0; i < EVENTS; i++) {
            SilverEvent event = events.next();
            byte[] bytes = EventKeyBytes.of(event);
            EventKey handWritten = EventKeyHasher.murmur3(bytes, bytes.length);

            assertEquals(handWritten, commonsCodec(bytes, bytes.length), () -> "library, event " + event);
            assertEquals(handWritten, hasher.key(event), () -> "EventKeyHasher, event " + event);
        }
    }

    @Test
    void commonsCodecGivesTheHandWrittenHashForEveryTailLength() {
        byte[] bytes = new byte[64];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x80 + 37 * i); // high bits set: a sign extension would show
        }
        for (int length = 0; length <= bytes.length; length++) {
            assertEquals(EventKeyHasher.murmur3(bytes, length), commonsCodec(bytes, length), "length " + length);
        }
    }

    private static EventKey commonsCodec(byte[] bytes, int length) {
        long[] hash = MurmurHash3.hash128x64(bytes, 0, length, 0);
        return new EventKey(hash[0], hash[1]);
    }
}
