package dev.clicklake.ingest.landing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds line ends ({@code '\n'}) eight bytes at a time: every byte of the file passes here, and a
 * byte-by-byte loop was the landing path's largest CPU cost (profiled with JFR, see the README).
 */
final class LineEnds {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private LineEnds() {
    }

    /** Index of the first {@code '\n'} in {@code buffer[from, end)}, or -1. */
    static int next(byte[] buffer, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long x = (long) LONGS.get(buffer, i) ^ NEWLINES; // a zero byte where a '\n' was
            // the lowest flagged byte is the first zero byte (flags above it may be borrows, never below)
            long zeros = (x - ONES) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
