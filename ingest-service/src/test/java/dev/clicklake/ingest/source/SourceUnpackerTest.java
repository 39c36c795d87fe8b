package dev.clicklake.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private static SourceUnpacker.Unpacked unpack(byte[] source, String name, Map<String, byte[]> files) throws IOException {
        return SourceUnpacker.unpack(new ByteArrayInputStream(source), name,
                (fileName, content, format) -> files.put(fileName, content.readAllBytes()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
