package dev.clicklake.ingest.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A download that survives dropped connections: when a read fails (or the body ends before the announced
 * length), it waits (exponential backoff) and asks for the rest from the byte where it stopped, up to
 * {@code retries} times, so that the reader never notices. A source that cannot resume
 * ({@link NotResumableException}) fails at once.
 */
public final class ResumingInputStream extends InputStream {

    /** Opens the source again from {@code offset}; throws {@link NotResumableException} when it cannot. */
    @FunctionalInterface
    public interface Resumer {
        InputStream resumeAt(long offset) throws IOException;
    }

    /** The source cannot be asked for a byte range: retrying from the middle is pointless. */
    public static final class NotResumableException extends IOException {
        public NotResumableException(String reason) {
            super(reason);
        }
    }

    private final Resumer resumer;
    private final Long length;
    private final int retries;
    private final Duration backoff;
    private InputStream current;
    private long position;
    private int failures;

    /** @param length the total size announced by the source, when it announced one */
    public ResumingInputStream(InputStream first, Long length, Resumer resumer, int retries, Duration backoff) {
        this.current = first;
        this.length = length;
        this.resumer = resumer;
        this.retries = retries;
        this.backoff = backoff;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        while (true) {
            try {
                int n = current.read(buffer, offset, count);
                if (n > 0) {
                    position += n;
                } else if (n < 0 && length != null && position < length) {
                    throw new EOFException("the source ended after " + position + " of " + length + " bytes");
                }
                return n;
            } catch (NotResumableException e) {
                throw e;
            } catch (IOException e) {
                resume(e);
            }
        }
    }

    /** Bytes delivered so far. */
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        current.close();
    }

    private void resume(IOException cause) throws IOException {
        IOException last = cause;
        while (true) {
            if (failures >= retries) {
                throw new IOException("the source failed " + (failures + 1) + " times, the last at byte " + position
                        + ": " + last.getMessage(), last);
            }
            try {
                current.close();
            } catch (IOException ignored) {
                // the broken connection is dropped either way
            }
            sleep(backoff.multipliedBy(1L << failures));
            failures++;
            try {
                current = resumer.resumeAt(position);
                return;
            } catch (NotResumableException e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
        }
    }

    private static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to resume", e);
        }
    }
}
