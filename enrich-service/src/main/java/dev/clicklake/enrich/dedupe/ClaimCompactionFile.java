package dev.clicklake.enrich.dedupe;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The claims 1..v on one event date in one object, so that a reader opens it instead of each of them: a
 * binary file, {@code CLC1}, v, then one section per version 1..v in order: the version, whether its claim
 * was void when the compaction was written, and the claim itself in {@link KeyClaimFile}'s encoding (its
 * claimant, and its keys unless it was void). Named by v ({@link ClaimLayout#compactionName}); the claim
 * objects stay beside it, and a reader still skips a section whose void came later.
 */
final class ClaimCompactionFile {

    private static final int MAGIC = 0x434c4331; // "CLC1"
    private static final int BUFFER = 1 << 16;

    /** What a reader does with each section, in version order. */
    @FunctionalInterface
    interface Sections {
        /**
         * Reads exactly one claim from {@code claim} ({@link KeyClaimFile#readFrom} or {@link KeyClaimFile#copy}).
         *
         * @param voidedAtCompaction whether the claim was void when the compaction was written (then it holds no key)
         */
        void section(long version, boolean voidedAtCompaction, DataInputStream claim) throws IOException;
    }

    private ClaimCompactionFile() {
    }

    /** Reads compaction {@code version}, giving its sections, 1 to {@code version}, to {@code sections}. */
    static void read(InputStream content, long version, Sections sections) throws IOException {
        DataInputStream in = KeyClaimFile.input(content);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a claim compaction (bad magic number)");
        }
        long last = in.readLong();
        if (last != version) {
            throw new IOException("claim compaction " + version + " holds claims 1.." + last);
        }
        for (long expected = 1; expected <= last; expected++) {
            long section = in.readLong();
            if (section != expected) {
                throw new IOException("claim compaction " + version + ": section " + section + " where " + expected
                        + " belongs");
            }
            sections.section(section, in.readBoolean(), in);
        }
    }

    /** Writes a compaction section by section, each copied straight from its claim. */
    static final class Writer implements Closeable {

        private final long version;
        private final DataOutputStream out;
        private long written;

        /** Starts compaction {@code version} in {@code file}. */
        Writer(Path file, long version) throws IOException {
            this.version = version;
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
            out.writeInt(MAGIC);
            out.writeLong(version);
        }

        /**
         * Adds claim {@code claimVersion}, the one after the last added, copied from {@code claim} (a claim
         * object's content or a section of an earlier compaction): with its keys, or none when it is void.
         */
        void add(long claimVersion, boolean voided, DataInputStream claim) throws IOException {
            if (claimVersion != written + 1 || claimVersion > version) {
                throw new IOException("claim compaction " + version + ": claim " + claimVersion + " after " + written);
            }
            out.writeLong(claimVersion);
            out.writeBoolean(voided);
            KeyClaimFile.copy(claim, out, !voided);
            written = claimVersion;
        }

        /** Ends the file; refuses one that does not hold every claim 1..version. */
        @Override
        public void close() throws IOException {
            out.close();
            if (written != version) {
                throw new IOException("claim compaction " + version + " ends at claim " + written);
            }
        }
    }
}
