package dev.clicklake.ingest.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A source ready to be read: its bytes, its size when known in advance, a name for the bronze file, and
 * where it is, safe to log and store (no credentials, no query string).
 */
public record OpenedSource(InputStream body, Long length, String fileName, String displayUri) implements Closeable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
