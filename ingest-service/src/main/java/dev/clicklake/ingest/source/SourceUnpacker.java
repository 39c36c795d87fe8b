package dev.clicklake.ingest.source;

import java.io.BufferedInputStream;
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
import java.util.zip.ZipInputStream;

/**
 * Hands over the CSV file(s) inside a source while it streams: a plain file as it is, a gzip file
 * decompressed, every {@code .csv} entry of a zip archive one after the other. The format is told by the
 * first bytes (magic numbers), whatever the name or Content-Type says. For an archive, its own size and
 * SHA-256 are measured on the way through.
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
                handler.accept(withoutSuffix(sourceName, ".gz"), new GZIPInputStream(buffered, BUFFER), format);
                files = 1;
            }
            case ZIP -> {
                ZipInputStream zip = new ZipInputStream(buffered);
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (isCsv(entry)) {
                        handler.accept(baseName(entry.getName()), new KeptOpen(zip), format);
                        files++;
                    }
                }
            }
        }
        buffered.transferTo(OutputStream.nullOutputStream());
        return new Unpacked(format, sourceName, counted.bytes, HexFormat.of().formatHex(digest.digest()), files);
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
