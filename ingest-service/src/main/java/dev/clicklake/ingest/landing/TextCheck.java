package dev.clicklake.ingest.landing;

/**
 * Checks that the start of a file is UTF-8 text: no NUL bytes (binary files, UTF-16) and well-formed
 * UTF-8 sequences as the Unicode standard defines them (its table 3-7): no overlong forms, no encoded UTF-16
 * surrogates (ED A0..BF, as CESU-8 writes them), nothing above U+10FFFF. Only the first {@code limit} bytes are checked: a bad byte deep inside a row is a
 * row problem for silver to quarantine, not a reason to refuse a whole file.
 */
final class TextCheck {

    private final long limit;
    private long checked;
    private int pendingContinuations;
    /** The range the next continuation byte must be in: narrower than 80..BF right after some lead bytes. */
    private int nextLow = 0x80;
    private int nextHigh = 0xBF;

    TextCheck(long limit) {
        this.limit = limit;
    }

    void accept(byte[] buffer, int offset, int length) throws RejectedSourceException {
        int end = offset + (int) Math.min(length, Math.max(0, limit - checked));
        for (int i = offset; i < end; i++) {
            int b = buffer[i] & 0xFF;
            if (pendingContinuations > 0) {
                if (b < nextLow || b > nextHigh) {
                    throw notUtf8(checked + i - offset);
                }
                pendingContinuations--;
                nextLow = 0x80;
                nextHigh = 0xBF;
            } else if (b == 0) {
                throw new RejectedSourceException("the file is not text: a NUL byte at offset " + (checked + i - offset));
            } else if (b >= 0x80) {
                pendingContinuations = continuationsAfter(b);
                if (pendingContinuations < 0) {
                    throw notUtf8(checked + i - offset);
                }
                nextLow = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
                nextHigh = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
            }
        }
        checked += length;
    }

    private static int continuationsAfter(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 1;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 2;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 3;
        }
        return -1;
    }

    private static RejectedSourceException notUtf8(long offset) {
        return new RejectedSourceException("the file is not UTF-8: an invalid byte sequence at offset " + offset);
    }
}
