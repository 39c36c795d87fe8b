package dev.clicklake.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.ingest.landing.RejectedSourceException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceUnpackerTest {

    private static final byte[] CSV = "event_time,event_type\n2019-10-01 00:00:00 UTC,view\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPlainFileIsHandedOverUnchangedUnderItsOwnName() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        SourceUnpacker.Unpacked unpacked = unpack(CSV, "2019-Oct.csv", files);
        assertEquals(SourceUnpacker.Format.PLAIN, unpacked.format());
        assertArrayEquals(CSV, files.get("2019-Oct.csv"));
        assertEquals(1, unpacked.files());
        assertEquals(true, unpacked.archive().isEmpty());
    }

    @Test
    void aGzipFileIsDecompressedWhateverItsNameAndTheArchiveIsMeasured() throws Exception {
        byte[] gz = Archives.gzip(CSV);
        Map<String, byte[]> files = new LinkedHashMap<>();
        SourceUnpacker.Unpacked unpacked = unpack(gz, "2019-Oct.csv.gz", files);
        assertEquals(SourceUnpacker.Format.GZIP, unpacked.format());
        assertArrayEquals(CSV, files.get("2019-Oct.csv"));
        assertEquals(new SourceUnpacker.Archive("2019-Oct.csv.gz", gz.length, sha256(gz)), unpacked.archive().orElseThrow());

        files.clear();
        unpack(gz, "download", files);
        assertArrayEquals(CSV, files.get("download"), "told by its magic bytes, not its name");
    }

    @Test
    void everyCsvFileOfAZipIsHandedOverInOrderAndTheRestIsSkipped() throws Exception {
        byte[] other = "event_time,event_type\n2019-11-01 00:00:00 UTC,cart\n".getBytes(StandardCharsets.UTF_8);
        byte[] zip = Archives.zip(Map.of("data/2019-Oct.csv", CSV), Map.of("README.txt", "hello".getBytes(StandardCharsets.UTF_8)),
                Map.of("__MACOSX/data/._2019-Oct.csv", new byte[] {0, 1}), Map.of("2019-Nov.CSV", other));
        Map<String, byte[]> files = new LinkedHashMap<>();
        SourceUnpacker.Unpacked unpacked = unpack(zip, "months.zip", files);
        assertEquals(List.of("2019-Oct.csv", "2019-Nov.CSV"), new ArrayList<>(files.keySet()));
        assertArrayEquals(CSV, files.get("2019-Oct.csv"));
        assertArrayEquals(other, files.get("2019-Nov.CSV"));
        assertEquals(2, unpacked.files());
        assertEquals(new SourceUnpacker.Archive("months.zip", zip.length, sha256(zip)), unpacked.archive().orElseThrow());
    }

    @Test
    void aZipWithoutCsvFilesHandsOverNothing() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        SourceUnpacker.Unpacked unpacked = unpack(Archives.zip(Map.of("notes.txt", CSV)), "a.zip", files);
        assertEquals(0, unpacked.files());
        assertEquals(0, files.size());
    }

    @Test
    void aCutGzipFileFailsWhileStreaming() throws Exception {
        byte[] gz = Archives.gzip(CSV);
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length - 6);
        assertThrows(IOException.class, () -> unpack(cut, "a.csv.gz", new LinkedHashMap<>()));
    }

    @Test
    void onlyAGzSuffixIsTakenOff() {
        assertEquals("2019-Oct.csv", SourceUnpacker.withoutSuffix("2019-Oct.csv.GZ", ".gz"));
        assertEquals(".gz", SourceUnpacker.withoutSuffix(".gz", ".gz"));
        assertEquals(SourceUnpacker.Format.PLAIN, SourceUnpacker.detect(new byte[0]));
    }

    @Test
    void anArchiveBeyondItsLimitsOrWithABadEntryNameOrCorruptDataIsRejectedWithTheReason() throws Exception {
        byte[] bomb = "a,b\n".repeat(1 << 20).getBytes(StandardCharsets.UTF_8); // 4 MiB, compresses about 500-fold
        SourceUnpacker.Limits ratio = new SourceUnpacker.Limits(100, Long.MAX_VALUE, 100, 1 << 20);
        assertRejected(Archives.gzip(bomb), ratio, "max-ratio");
        assertRejected(Archives.zip(Map.of("bomb.csv", bomb)), ratio, "max-ratio");
        SourceUnpacker.Limits total = new SourceUnpacker.Limits(100, 1000, Long.MAX_VALUE, Long.MAX_VALUE);
        assertRejected(Archives.zip(Map.of("a.csv", new byte[600]), Map.of("b.csv", new byte[600])), total, "max-total-bytes");
        SourceUnpacker.Limits entries = new SourceUnpacker.Limits(2, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
        assertRejected(Archives.zip(Map.of("a.txt", CSV), Map.of("b.txt", CSV), Map.of("c.csv", CSV)), entries, "max-entries");
        for (String bad : List.of("../a.csv", "/a.csv", "C:\\a.csv", "a\u0000.csv", "x".repeat(256) + ".csv")) {
            assertRejected(Archives.zip(Map.of(bad, CSV)), SourceUnpacker.Limits.NONE, "zip entry 1 has a name");
        }
        byte[] gz = Archives.gzip(CSV);
        assertRejected(java.util.Arrays.copyOf(gz, gz.length - 4), SourceUnpacker.Limits.NONE, "gzip data is corrupt");
        assertRejected(java.util.Arrays.copyOf(gz, 10), SourceUnpacker.Limits.NONE, "gzip data is corrupt");
    }

    private static void assertRejected(byte[] source, SourceUnpacker.Limits limits, String reason) {
        RejectedSourceException rejected = assertThrows(RejectedSourceException.class, () -> SourceUnpacker.unpack(
                new ByteArrayInputStream(source), "a", limits, (fileName, content, format) -> content.readAllBytes()));
        assertTrue(rejected.getMessage().contains(reason), rejected.getMessage());
    }

    private static SourceUnpacker.Unpacked unpack(byte[] source, String name, Map<String, byte[]> files) throws IOException {
        return SourceUnpacker.unpack(new ByteArrayInputStream(source), name,
                (fileName, content, format) -> files.put(fileName, content.readAllBytes()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
