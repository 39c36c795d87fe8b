package dev.clicklake.ingest.landing;

/**
 * Checks that the start of a file is UTF-8 text: no NUL bytes (binary files, UTF-16) and well-formed
 * UTF-8 sequences. Only the first {@code limit} bytes are checked: a bad byte deep inside a row is a
 * row problem for silver to quarantine, not a reason to refuse a whole file.
 */
final class TextCheck {

    private final long limit;
    private long checked;
    private int pendingContinuations;

    TextCheck(long limit) {
        this.limit = limit;
    }

    void accept(byte[] buffer, int offset, int length) throws RejectedSourceException {
        int end = offset + (int) Math.min(length, Math.max(0, limit - checked));
        for (int i = offset; i < end; i++) {
            int b = buffer[i] & 0xFF;
            if (pendingContinuations > 0) {
                if ((b & 0xC0) != 0x80) {
                    throw notUtf8(checked + i - offset);
                }
                pendingContinuations--;
            } else if (b == 0) {
                throw new RejectedSourceException("the file is not text: a NUL byte at offset " + (checked + i - offset));
            } else if (b >= 0x80) {
                pendingContinuations = continuationsAfter(b);
                if (pendingContinuations < 0) {
                    throw notUtf8(checked + i - offset);
                }
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
