package dev.clicklake.ingest.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A download that survives dropped or stalled connections: when a read fails (or the body ends before the
 * announced length), it spends one retry of the source's {@link RetryBudget} (which waits) and asks for
 * the rest from the byte where it stopped, so that the reader never notices. A source that cannot resume
 * throws {@link SourceRestartException} at once: the reader must start again from byte 0.
 */
public final class ResumingInputStream extends InputStream {

    /** Opens the source again from {@code offset}; throws {@link SourceRestartException} when it cannot. */
    @FunctionalInterface
    public interface Resumer {
        InputStream resumeAt(long offset) throws IOException;
    }

    private final Resumer resumer;
    private final Long length;
    private final RetryBudget budget;
    private InputStream current;
    private long position;

    /** @param length the total size announced by the source, when it announced one */
    public ResumingInputStream(InputStream first, Long length, Resumer resumer, RetryBudget budget) {
        this.current = first;
        this.length = length;
        this.resumer = resumer;
        this.budget = budget;
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
            } catch (SourceRestartException e) {
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
            try {
                current.close();
            } catch (IOException ignored) {
                // the broken connection is dropped either way
            }
            try {
                budget.spend(last);
            } catch (IOException spent) {
                throw new IOException(spent.getMessage() + " (at byte " + position + ")", last);
            }
            try {
                current = resumer.resumeAt(position);
                return;
            } catch (SourceRestartException | CheckedDnsResolver.RefusedAddressException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                current = InputStream.nullInputStream();
            }
        }
    }
}
