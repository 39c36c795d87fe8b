package dev.clicklake.ingest.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own, at most {@code chunks} chunks of {@code chunkSize} bytes ahead
 * of the reader: receiving and checking a source then overlaps with writing it to the lake, which waits on
 * the store for every staged block. Memory is bounded by {@code (chunks + 2) * chunkSize}. A failure of the
 * source reaches the reader as the very exception the source threw, in place of the chunk it interrupted
 * (that chunk's bytes are not handed over: the write they belong to fails anyway).
 */
final class ReadAheadStream extends InputStream {

    private record Chunk(byte[] bytes, int length, IOException failure) {
        static final Chunk END = new Chunk(new byte[0], -1, null);
    }

    private final BlockingQueue<Chunk> ahead;
    private final Thread pump;
    private Chunk current;
    private int position;
    private volatile boolean closed;

    ReadAheadStream(InputStream source, int chunkSize, int chunks, String threadName) {
        this.ahead = new ArrayBlockingQueue<>(chunks);
        this.pump = new Thread(() -> pump(source, chunkSize), threadName);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream source, int chunkSize) {
        try {
            while (!closed) {
                byte[] bytes = new byte[chunkSize];
                int n = source.readNBytes(bytes, 0, chunkSize);
                if (n > 0) {
                    ahead.put(new Chunk(bytes, n, null));
                }
                if (n < chunkSize) {
                    ahead.put(Chunk.END);
                    return;
                }
            }
        } catch (IOException e) {
            offer(new Chunk(null, 0, e));
        } catch (RuntimeException e) {
            offer(new Chunk(null, 0, new IOException(e.toString(), e)));
        } catch (InterruptedException e) {
            // closed by the reader: nobody waits for more
        }
    }

    private void offer(Chunk last) {
        try {
            ahead.put(last);
        } catch (InterruptedException e) {
            // closed by the reader
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (current == null || current.length() >= 0 && position == current.length()) {
            current = next();
            position = 0;
        }
        if (current.failure() != null) {
            throw current.failure();
        }
        if (current.length() < 0) {
            return -1;
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    private Chunk next() throws IOException {
        try {
            return ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the source", e);
        }
    }

    /**
     * Stops reading ahead and waits until the pump has let go of the source (at most one chunk's read), so
     * that the caller may go on using the source (the next file of an archive); the source itself is closed
     * by whoever opened it.
     */
    @Override
    public void close() {
        closed = true;
        pump.interrupt();
        ahead.clear();
        try {
            pump.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
