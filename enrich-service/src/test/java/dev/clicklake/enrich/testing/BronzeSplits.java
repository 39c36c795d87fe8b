package dev.clicklake.enrich.testing;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.CsvFormat;
import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.Split;
import dev.clicklake.contracts.storage.LakeLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The bronze-landed messages ingest-service would send for a file, worked out here from its bytes alone: the
 * data region (after the header line, if any) cut at the first line end after each {@code targetSize} bytes.
 */
public final class BronzeSplits {

    private BronzeSplits() {
    }

    /** The messages for a file in memory, cut into about {@code count} splits. */
    public static List<BronzeLanded> messages(String ingestionId, String dataset, LakeLocation file, byte[] bytes,
            boolean header, int count) {
        try {
            return messages(ingestionId, dataset, file, new ByteArrayInputStream(bytes), header,
                    Math.max(1, bytes.length / count));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages for a file read once from {@code in}, with splits of about {@code targetSize} bytes. */
    public static List<BronzeLanded> messages(String ingestionId, String dataset, LakeLocation file, InputStream in,
            boolean header, long targetSize) throws IOException {
        MessageDigest digest = sha256();
        List<long[]> ranges = new ArrayList<>(); // offset, length, first line, lines
        byte[] buffer = new byte[1 << 16];
        long position = 0;
        long splitStart = -1;
        long firstLine = header ? 2 : 1;
        long lines = 0;
        boolean midLine = false;
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            if (!header) {
                splitStart = 0;
            }
            for (int read = digesting.read(buffer); read >= 0; read = digesting.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    long at = position + i;
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    if (splitStart < 0) {
                        splitStart = at + 1; // the header line ends here
                        continue;
                    }
                    lines++;
                    if (at + 1 - splitStart >= targetSize) {
                        ranges.add(new long[] {splitStart, at + 1 - splitStart, firstLine, lines});
                        firstLine += lines;
                        lines = 0;
                        splitStart = at + 1;
                    }
                }
                if (read > 0) {
                    midLine = buffer[read - 1] != '\n';
                }
                position += read;
            }
        }
        if (splitStart >= 0 && position > splitStart) {
            lines += midLine ? 1 : 0;
            ranges.add(new long[] {splitStart, position - splitStart, firstLine, lines});
            firstLine += lines;
        }
        LakeFile lakeFile = new LakeFile(file.container(), file.path(), position, HexFormat.of().formatHex(digest.digest()),
                firstLine - (header ? 2 : 1));
        CsvFormat format = new CsvFormat(CsvFormat.REES46_CSV_V1, ClickstreamColumns.NAMES, header);
        List<BronzeLanded> messages = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            long[] r = ranges.get(i);
            messages.add(new BronzeLanded(ingestionId, dataset, file.name(), null, lakeFile, format,
                    new Split(i, ranges.size(), r[0], r[1], r[2], r[3]), null));
        }
        return messages;
    }

    /** The split's lines without their line endings (a last line without one included). */
    public static List<String> lines(byte[] bytes, Split split) {
        String text = new String(bytes, (int) split.offset(), (int) split.length(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
