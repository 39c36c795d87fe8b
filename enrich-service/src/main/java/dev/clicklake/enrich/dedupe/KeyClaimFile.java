package dev.clicklake.enrich.dedupe;

import dev.clicklake.enrich.pipeline.EventKey;
import dev.clicklake.enrich.pipeline.EventKeySet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One split's claim on the events of one event date: a binary file, {@code CLK1}, the claiming split
 * ({@link Claimant}, modified UTF-8), the number of keys, then each key's two longs (big-endian), in
 * ascending order. Named by its version ({@link ClaimLayout#claimName}). The same encoding is each section of a
 * {@link ClaimCompactionFile}.
 */
final class KeyClaimFile {

    /** Enough bytes for the magic number and any claimant: what {@link #claimant} needs of the file. */
    static final int HEADER_BYTES = 1024;

    private static final int MAGIC = 0x434c4b31; // "CLK1"
    private static final int BUFFER = 1 << 16;
    private static final int KEYS_PER_BLOCK = 4096;
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private KeyClaimFile() {
    }

    static void write(Path file, String claimant, EventKeySet keys) throws IOException {
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
            writeHeader(out, claimant, keys.size());
            long[][] halves = keys.sortedHalves();
            byte[] block = new byte[KEYS_PER_BLOCK * 16];
            for (int from = 0; from < keys.size(); from += KEYS_PER_BLOCK) {
                int count = Math.min(KEYS_PER_BLOCK, keys.size() - from);
                for (int i = 0; i < count; i++) {
                    BIG_ENDIAN_LONG.set(block, 16 * i, halves[0][from + i]);
                    BIG_ENDIAN_LONG.set(block, 16 * i + 8, halves[1][from + i]);
                }
                out.write(block, 0, 16 * count);
            }
        }
    }

    /** A claim object's content, buffered, for {@link #readFrom} or {@link #copy}. */
    static DataInputStream input(InputStream content) {
        return new DataInputStream(new BufferedInputStream(content, BUFFER));
    }

    /**
     * Reads a claim and returns its claimant, after giving each key it holds to the sink that
     * {@code sinkFor} returns for that claimant; when it returns null, the keys are passed over.
     */
    static String read(InputStream content, Function<String, Consumer<EventKey>> sinkFor) throws IOException {
        return readFrom(input(content), sinkFor);
    }

    /**
     * Reads one claim's encoding from {@code in} (a whole claim object, or a section of a
     * {@link ClaimCompactionFile}) as {@link #read} does; when the sink is null the keys are skipped, so that
     * {@code in} is left just after the claim either way.
     */
    static String readFrom(DataInputStream in, Function<String, Consumer<EventKey>> sinkFor) throws IOException {
        String claimant = header(in);
        int count = in.readInt();
        Consumer<EventKey> keys = sinkFor.apply(claimant);
        if (keys == null) {
            in.skipNBytes(16L * count);
            return claimant;
        }
        for (int i = count; i > 0; i--) {
            keys.accept(new EventKey(in.readLong(), in.readLong()));
        }
        return claimant;
    }

    /**
     * Copies one claim's encoding from {@code in} to {@code out}, its keys as they are (sorted) or none
     * ({@code withKeys} false: the copy is an empty claim of the same claimant, the keys are skipped); block by
     * block, never the whole claim in memory. Leaves {@code in} just after the claim.
     */
    static void copy(DataInputStream in, DataOutputStream out, boolean withKeys) throws IOException {
        String claimant = header(in);
        int count = in.readInt();
        writeHeader(out, claimant, withKeys ? count : 0);
        if (!withKeys) {
            in.skipNBytes(16L * count);
            return;
        }
        byte[] block = new byte[KEYS_PER_BLOCK * 16];
        for (int left = count; left > 0; ) {
            int keys = Math.min(KEYS_PER_BLOCK, left);
            in.readFully(block, 0, 16 * keys);
            out.write(block, 0, 16 * keys);
            left -= keys;
        }
    }

    /** The claimant alone, from the claim's first {@link #HEADER_BYTES} bytes or more. */
    static String claimant(InputStream content) throws IOException {
        return header(new DataInputStream(content));
    }

    private static void writeHeader(DataOutputStream out, String claimant, int keys) throws IOException {
        out.writeInt(MAGIC);
        out.writeUTF(claimant);
        out.writeInt(keys);
    }

    private static String header(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a claim file (bad magic number)");
        }
        return in.readUTF();
    }
}
