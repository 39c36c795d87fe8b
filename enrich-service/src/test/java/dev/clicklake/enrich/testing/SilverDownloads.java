package dev.clicklake.enrich.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.Decoded;
import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.QuarantineRecord;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fetches what silver-ready messages announce, checking each object's size and SHA-256 on the way. */
public final class SilverDownloads {

    private SilverDownloads() {
    }

    /** Downloads every Parquet file the messages list into {@code folder}. */
    public static List<Path> parquet(LakeStorage lake, List<SilverReady> readies, Path folder) throws IOException {
        return parquetFiles(lake, readies.stream().flatMap(ready -> ready.files().stream()).toList(), folder);
    }

    /** Downloads the Parquet files into {@code folder}. */
    public static List<Path> parquetFiles(LakeStorage lake, List<SilverFile> silverFiles, Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (SilverFile file : silverFiles) {
            Path local = folder.resolve("silver-" + files.size() + ".parquet");
            Files.write(local, fetch(lake, file.location(), file.bytes(), file.sha256()));
            files.add(local);
        }
        return files;
    }

    /** The quarantine records of every quarantine file the messages list, each checked against its schema. */
    public static List<QuarantineRecord> quarantine(LakeStorage lake, ContractCodec codec, List<SilverReady> readies)
            throws IOException {
        List<QuarantineRecord> records = new ArrayList<>();
        for (SilverReady ready : readies) {
            LakeFile file = ready.quarantine();
            if (file == null) {
                continue;
            }
            String text = new String(fetch(lake, file.location(), file.bytes(), file.sha256()), StandardCharsets.UTF_8);
            for (String json : text.split("\n")) {
                Decoded<QuarantineRecord> decoded = codec.decode(Contract.QUARANTINE_RECORD, QuarantineRecord.class, json);
                records.add((QuarantineRecord) assertInstanceOf(Decoded.Accepted.class, decoded, json).payload());
            }
            assertEquals(file.rows(), text.split("\n").length);
        }
        return records;
    }

    private static byte[] fetch(LakeStorage lake, LakeLocation location, long bytes, String sha256) throws IOException {
        byte[] content;
        try (InputStream in = lake.open(location)) {
            content = in.readAllBytes();
        }
        assertEquals(bytes, content.length, location.toString());
        assertEquals(sha256, BronzeSplits.sha256(content), location.toString());
        return content;
    }
}
