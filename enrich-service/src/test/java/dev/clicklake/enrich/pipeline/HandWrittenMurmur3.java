package dev.clicklake.enrich.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The MurmurHash3 x64 128 (seed 0) that {@link EventKeyHasher} computed by hand until it used Apache Commons
 * Codec's, kept unchanged as the reference the lake's stored keys were made with:
 * {@link EventKeyHasherLibraryTest} proves the library gives the same keys, and {@link MurmurHashBenchmark}
 * measures the two side by side.
 */
final class HandWrittenMurmur3 {

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private HandWrittenMurmur3() {
    }

    /** The hash of the first {@code length} bytes of {@code buffer}, as (h1, h2). */
    static EventKey hash(byte[] buffer, int length) {
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
