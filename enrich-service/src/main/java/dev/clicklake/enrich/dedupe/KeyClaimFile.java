package dev.clicklake.enrich.dedupe;

import dev.clicklake.enrich.pipeline.EventKey;
import dev.clicklake.enrich.pipeline.EventKeySet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One split's claim on the events of one event date: a binary file, {@code CLK1}, the claiming split
 * ({@code <ingestionId>/<split index>}, modified UTF-8), the number of keys, then each key's two longs
 * (big-endian), in ascending order. Named by its version: {@code 0000000001.keys}.
 */
final class KeyClaimFile {

    private static final int MAGIC = 0x434c4b31; // "CLK1"
    private static final String SUFFIX = ".keys";
    private static final int BUFFER = 1 << 16;

    private KeyClaimFile() {
    }

    static String name(long version) {
        return String.format("%010d", version) + SUFFIX;
    }

    /** The version of the claim at {@code path}. */
    static long version(String path) throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.endsWith(SUFFIX)) {
            throw new IOException("not a claim file: " + path);
        }
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            throw new IOException("not a claim file: " + path, e);
        }
    }

    static void write(Path file, String claimant, EventKeySet keys) throws IOException {
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
            out.writeInt(MAGIC);
            out.writeUTF(claimant);
            out.writeInt(keys.size());
            for (EventKey key : keys.sorted()) {
                out.writeLong(key.hi());
                out.writeLong(key.lo());
            }
        }
    }

    /**
     * Reads a claim and returns its claimant; gives {@code keys} every key it holds unless the claimant is
     * {@code self} (a split's own claim needs no reading).
     */
    static String read(InputStream content, String self, Consumer<EventKey> keys) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(content, BUFFER));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a claim file (bad magic number)");
        }
        String claimant = in.readUTF();
        if (!claimant.equals(self)) {
            for (int i = in.readInt(); i > 0; i--) {
                keys.accept(new EventKey(in.readLong(), in.readLong()));
            }
        }
        return claimant;
    }
}
