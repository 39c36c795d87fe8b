package dev.clicklake.enrich.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Computes an event's {@link EventKey}: MurmurHash3 x64 128 (seed 0) over a fixed encoding of its nine cleaned
 * source values, in column order: event_time (epoch seconds, then nanoseconds), event_type, product_id,
 * category_id, category_code, brand, price in cents, user_id, user_session. Numbers are little-endian; a string
 * is its length in chars then its UTF-16 chars, a missing session the length -1. The derived columns are
 * functions of these, so they are left out. Keys are stored in the lake: this encoding must never change. The
 * hash is the same as Guava's {@code Hashing.murmur3_128()} (its 16 bytes read as two little-endian longs).
 *
 * <p>Reuses one buffer: one instance per thread.
 */
public final class EventKeyHasher {

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private byte[] buffer = new byte[256];
    private int length;

    public EventKey key(SilverEvent event) {
        length = 0;
        putLong(event.eventTime().getEpochSecond());
        putLong(event.eventTime().getNano());
        putString(event.eventType());
        putLong(event.productId());
        putLong(event.categoryId());
        putString(event.categoryCode());
        putString(event.brand());
        putLong(event.priceCents());
        putLong(event.userId());
        putString(event.userSession());
        return murmur3(buffer, length);
    }

    private void putLong(long value) {
        ensure(8);
        LONG_LE.set(buffer, length, value);
        length += 8;
    }

    private void putString(String value) {
        if (value == null) {
            putLong(-1);
            return;
        }
        putLong(value.length());
        ensure(2 * value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            buffer[length++] = (byte) c;
            buffer[length++] = (byte) (c >>> 8);
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + more));
        }
    }

    /**
     * MurmurHash3 x64 128, seed 0, of the first {@code length} bytes, as (h1, h2). Written here rather than taken
     * from Apache Commons Codec ({@code MurmurHash3.hash128x64}, which gives the same keys): that one took about
     * twice as long per key (README, Performance).
     */
    static EventKey murmur3(byte[] buffer, int length) {
        long h1 = 0;
        long h2 = 0;
        int blocks = length / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = (long) LONG_LE.get(buffer, 16 * i);
            long k2 = (long) LONG_LE.get(buffer, 16 * i + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = 16 * blocks;
        long k1 = 0;
        long k2 = 0;
        for (int i = length - 1; i >= tail; i--) {
            long b = buffer[i] & 0xffL;
            if (i - tail >= 8) {
                k2 |= b << (8 * (i - tail - 8));
            } else {
                k1 |= b << (8 * (i - tail));
            }
        }
        if (length - tail > 8) {
            h2 ^= mixK2(k2);
        }
        if (length - tail > 0) {
            h1 ^= mixK1(k1);
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new EventKey(h1, h2);
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
