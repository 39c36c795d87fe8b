package dev.clicklake.contracts.clickstream;

import java.io.IOException;
import java.io.OutputStream;

/** A large write buffer in front of an output stream that also counts the bytes written. */
final class CountingSink {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private long flushed;

    CountingSink(OutputStream out) {
        this.out = out;
    }

    void write(byte[] bytes, int length) throws IOException {
        if (used + length > buffer.length) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, 0, length);
                flushed += length;
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, length);
        used += length;
    }

    void write(byte[] bytes) throws IOException {
        write(bytes, bytes.length);
    }

    long bytesWritten() {
        return flushed + used;
    }

    /** Writes out the buffer and flushes the stream (which stays open). */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        flushed += used;
        used = 0;
    }
}
