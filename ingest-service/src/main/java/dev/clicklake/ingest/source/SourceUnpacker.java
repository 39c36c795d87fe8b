package dev.clicklake.ingest.source;

import dev.clicklake.ingest.landing.FileNames;
import dev.clicklake.ingest.landing.RejectedSourceException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Hands over the CSV file(s) inside a source while it streams: a plain file as it is, a gzip file
 * decompressed, every {@code .csv} entry of a zip archive one after the other. The format is told by the
 * first bytes (magic numbers), whatever the name or Content-Type says. For an archive, its own size and
 * SHA-256 are measured on the way through.
 *
 * <p>What an archive is not allowed to do is the source's fault and deterministic, so it is a
 * {@link RejectedSourceException}: corrupt compressed data, an entry name that is not a plain relative name,
 * more entries than {@link Limits#maxEntries}, more decompressed bytes than {@link Limits#maxTotalBytes} in all,
 * or a file that decompresses more than {@link Limits#maxRatio} times its compressed size once past
 * {@link Limits#ratioGrace}. A limit that trips stops the whole archive: no further file of it is handed over.
 */
public final class SourceUnpacker {

    private static final int BUFFER = 256 * 1024;

    public enum Format {
        PLAIN, GZIP, ZIP
    }

    /** Receives one file of the source, found in a source of the given format; must read it to its end (or fail). */
    @FunctionalInterface
    public interface FileHandler {
        void accept(String fileName, InputStream content, Format foundIn) throws IOException;
    }

    /** What the source itself was: its format, and for an archive its name, size and SHA-256. */
    public record Unpacked(Format format, String archiveName, long archiveBytes, String archiveSha256, int files) {

        public Optional<Archive> archive() {
            return format == Format.PLAIN ? Optional.empty()
                    : Optional.of(new Archive(archiveName, archiveBytes, archiveSha256));
        }
    }

    /** What an archive may hold (clicklake.ingest.archive.*). */
    public record Limits(int maxEntries, long maxTotalBytes, long maxRatio, long ratioGrace) {

        /** No limits beyond those of the JVM: for tests of the unpacking alone. */
        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** The archive a file came out of, as the ledger records it. */
    public record Archive(String name, long bytes, String sha256) {
    }

    private SourceUnpacker() {
    }

    public static Format detect(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return Format.GZIP;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.ZIP;
        }
        return Format.PLAIN;
    }

    /**
     * Streams every file of {@code source} to {@code handler}. A zip without any {@code .csv} entry hands
     * over nothing ({@code files} is 0).
     */
    public static Unpacked unpack(InputStream source, String sourceName, FileHandler handler) throws IOException {
        return unpack(source, sourceName, Limits.NONE, handler);
    }

    /** {@link #unpack(InputStream, String, FileHandler)} within {@code limits}. */
    public static Unpacked unpack(InputStream source, String sourceName, Limits limits, FileHandler handler)
            throws IOException {
        MessageDigest digest = sha256();
        CountingStream counted = new CountingStream(new DigestInputStream(source, digest));
        BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER);
        buffered.mark(4);
        Format format = detect(buffered.readNBytes(4));
        buffered.reset();
        int files = 0;
        switch (format) {
            case PLAIN -> {
                ((DigestInputStream) counted.source()).on(false);
                handler.accept(sourceName, buffered, format);
                return new Unpacked(format, null, counted.bytes, null, 1);
            }
            case GZIP -> {
                Budget budget = new Budget(limits, counted);
                InputStream gzip;
                try {
                    gzip = new GZIPInputStream(buffered, BUFFER);
                } catch (ZipException | EOFException e) {
                    throw corrupt("gzip", e);
                }
                handler.accept(withoutSuffix(sourceName, ".gz"), budget.file("gzip", gzip), format);
                budget.rethrow();
                files = 1;
            }
            case ZIP -> {
                Budget budget = new Budget(limits, counted);
                ZipInputStream zip = new ZipInputStream(buffered);
                int entries = 0;
                for (ZipEntry entry = nextEntry(zip); entry != null; entry = nextEntry(zip)) {
                    if (++entries > limits.maxEntries()) {
                        throw new RejectedSourceException("the zip archive holds more than " + limits.maxEntries()
                                + " entries (clicklake.ingest.archive.max-entries)");
                    }
                    Optional<String> badName = FileNames.entryProblem(entry.getName());
                    if (badName.isPresent()) {
                        throw new RejectedSourceException("zip entry " + entries + " has a name that cannot be taken: it "
                                + badName.get());
                    }
                    if (isCsv(entry)) {
                        handler.accept(baseName(entry.getName()), budget.file("zip", new KeptOpen(zip)), format);
                        budget.rethrow();
                        files++;
                    }
                }
            }
        }
        buffered.transferTo(OutputStream.nullOutputStream());
        return new Unpacked(format, sourceName, counted.bytes, HexFormat.of().formatHex(digest.digest()), files);
    }

    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (ZipException | EOFException e) {
            throw corrupt("zip", e);
        }
    }

    private static RejectedSourceException corrupt(String format, IOException e) {
        return new RejectedSourceException("the " + format + " data is corrupt: " + e.getMessage());
    }

    static String withoutSuffix(String name, String suffix) {
        boolean has = name.toLowerCase(Locale.ROOT).endsWith(suffix) && name.length() > suffix.length();
        return has ? name.substring(0, name.length() - suffix.length()) : name;
    }

    private static boolean isCsv(ZipEntry entry) {
        String name = entry.getName();
        return !entry.isDirectory() && !name.startsWith("__MACOSX/") && !baseName(name).startsWith("._")
                && name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Counts the bytes of the source as they pass. */
    private static final class CountingStream extends FilterInputStream {
        private long bytes;

        CountingStream(InputStream source) {
            super(source);
        }

        InputStream source() {
            return in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }
    }

    /**
     * The limits of one archive, kept while its files are read: each file's stream counts what it
     * decompresses, and the first limit to trip is kept so that the archive stops there.
     */
    private static final class Budget {
        private final Limits limits;
        private final CountingStream compressed;
        private long total;
        private RejectedSourceException tripped;

        Budget(Limits limits, CountingStream compressed) {
            this.limits = limits;
            this.compressed = compressed;
        }

        InputStream file(String format, InputStream decompressed) {
            long compressedAtStart = compressed.bytes;
            return new FilterInputStream(decompressed) {
                private long bytes;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (tripped != null) {
                        throw tripped;
                    }
                    int n;
                    try {
                        n = in.read(buffer, offset, length);
                    } catch (ZipException | EOFException e) {
                        throw trip(corrupt(format, e));
                    }
                    if (n > 0) {
                        bytes += n;
                        total += n;
                        check(bytes, compressed.bytes - compressedAtStart);
                    }
                    return n;
                }
            };
        }

        private void check(long bytes, long compressedBytes) throws RejectedSourceException {
            if (total > limits.maxTotalBytes()) {
                throw trip(new RejectedSourceException("the archive decompresses to more than " + limits.maxTotalBytes()
                        + " bytes (clicklake.ingest.archive.max-total-bytes)"));
            }
            if (bytes > limits.ratioGrace() && bytes / Math.max(1, compressedBytes) > limits.maxRatio()) {
                throw trip(new RejectedSourceException("a file of the archive decompresses to more than "
                        + limits.maxRatio() + " times its compressed size (" + bytes + " bytes out of " + compressedBytes
                        + "; clicklake.ingest.archive.max-ratio): a decompression bomb is not clickstream data"));
            }
        }

        private RejectedSourceException trip(RejectedSourceException e) {
            tripped = e;
            return e;
        }

        /** Stops the archive once a limit has tripped, whatever the handler made of it. */
        void rethrow() throws RejectedSourceException {
            if (tripped != null) {
                throw tripped;
            }
        }
    }

    /** One zip entry: closing it by whoever reads it must not close the archive. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(ZipInputStream zip) {
            super(zip);
        }

        @Override
        public void close() {
        }
    }
}
