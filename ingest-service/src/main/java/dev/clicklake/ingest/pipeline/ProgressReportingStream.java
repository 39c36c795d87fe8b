package dev.clicklake.ingest.pipeline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Reports the running byte count to a listener every {@code every} bytes while a source streams in. */
final class ProgressReportingStream extends FilterInputStream {

    private final long every;
    private final LongConsumer listener;
    private long received;
    private long nextReport;

    ProgressReportingStream(InputStream source, long every, LongConsumer listener) {
        super(source);
        this.every = every;
        this.listener = listener;
        this.nextReport = every;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        received += n;
        if (received >= nextReport) {
            listener.accept(received);
            nextReport = received + every;
        }
    }
}
