package dev.clicklake.ingest.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * An upload's body as the landing reads it. The HTTP server ends a blocking read that waits longer than
 * {@code quarkus.http.read-timeout} (set from {@code clicklake.ingest.upload.idle-timeout}) with an
 * IOException; this names it for the ledger: "upload stalled", after how many bytes and for how long.
 */
final class UploadBody extends FilterInputStream {

    private final Duration idleTimeout;
    private long bytes;

    UploadBody(InputStream body, Duration idleTimeout) {
        super(body);
        this.idleTimeout = idleTimeout;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long started = System.nanoTime();
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (waited.compareTo(idleTimeout.minusMillis(idleTimeout.toMillis() / 10)) >= 0) {
                throw new IOException("upload stalled: no byte for " + idleTimeout
                        + " (clicklake.ingest.upload.idle-timeout) after " + bytes + " bytes", e);
            }
            throw e;
        }
        if (n > 0) {
            bytes += n;
        }
        return n;
    }
}
