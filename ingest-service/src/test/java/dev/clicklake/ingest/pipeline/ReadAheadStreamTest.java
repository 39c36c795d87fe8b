package dev.clicklake.ingest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadStreamTest {

    @Test
    void theBytesComeThroughUnchangedWhateverTheChunkAndReadSizes() throws Exception {
        byte[] data = new byte[100_003];
        new Random(5).nextBytes(data);
        for (int chunk : new int[] {1, 1000, 65536, 200_000}) {
            try (ReadAheadStream in = new ReadAheadStream(new ByteArrayInputStream(data), chunk, 3, "test")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[777];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                }
                assertArrayEquals(data, out.toByteArray(), "chunk " + chunk);
                assertEquals(-1, in.read(), "the end stays the end");
            }
        }
    }

    @Test
    void aFailureOfTheSourceArrivesAsTheSameExceptionAfterTheBytesBeforeIt() throws Exception {
        IOException dropped = new IOException("connection reset");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3}), new InputStream() {
            @Override
            public int read() throws IOException {
                throw dropped;
            }
        });
        try (ReadAheadStream in = new ReadAheadStream(failing, 2, 2, "test")) {
            byte[] first = new byte[2];
            assertEquals(2, in.readNBytes(first, 0, 2));
            assertArrayEquals(new byte[] {1, 2}, first);
            IOException thrown = assertThrows(IOException.class, () -> in.readNBytes(4));
            assertSame(dropped, thrown);
        }
    }
}
