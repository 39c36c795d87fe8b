package dev.clicklake.kpi.support;

import dev.clicklake.contracts.event.DateRange;
import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.RowCounts;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Lands silver files in the lake as enrich-service would, and describes them in a silver-ready payload. */
public final class SilverLake {

    private final LakeStorage lake;

    public SilverLake(LakeStorage lake) {
        this.lake = lake;
    }

    /**
     * Writes one Parquet file per event date of {@code rows} at the silver layout's path for this split, and
     * returns the silver-ready enrich-service would send for it.
     */
    public SilverReady land(String dataset, String ingestionId, SplitRef split, List<SilverRow> rows)
            throws IOException, java.sql.SQLException {
        TreeMap<LocalDate, List<SilverRow>> byDate = rows.stream().collect(Collectors.groupingBy(
                row -> row.eventTime().atZone(ZoneOffset.UTC).toLocalDate(), TreeMap::new, Collectors.toList()));
        List<SilverFile> files = new ArrayList<>();
        Path dir = Files.createTempDirectory("silver-fixture");
        for (Map.Entry<LocalDate, List<SilverRow>> day : byDate.entrySet()) {
            Path local = dir.resolve(day.getKey() + ".parquet");
            SilverParquet.write(day.getValue(), local);
            String path = "%s/events/event_date=%s/%s-%05d.parquet".formatted(dataset, day.getKey(), ingestionId, split.index());
            try (InputStream in = Files.newInputStream(local)) {
                lake.create(LakeLocation.of("silver", path), in);
            }
            files.add(new SilverFile("silver", path, Files.size(local), sha256(local), day.getValue().size(), day.getKey()));
            Files.delete(local);
        }
        Files.delete(dir);
        DateRange dates = byDate.isEmpty() ? null : new DateRange(byDate.firstKey(), byDate.lastKey());
        return new SilverReady(ingestionId, dataset, LakeLocation.of("bronze", dataset + "/" + ingestionId + "/events.csv"),
                split, files, null, new RowCounts(rows.size(), rows.size(), 0, 0, Map.of()), dates,
                SilverReady.SILVER_EVENTS_V1);
    }

    /**
     * {@code landed} as a split whose enrich-service also found {@code duplicates} duplicate rows and rejected rows
     * by rule: writes the quarantine file at the silver layout's path (one JSON line per rejected row) and returns
     * the silver-ready naming it, with counts that add up.
     */
    public SilverReady withRejections(SilverReady landed, long duplicates, Map<String, Long> quarantinedByRule)
            throws IOException {
        StringBuilder lines = new StringBuilder();
        quarantinedByRule.forEach((rule, rows) -> {
            for (long i = 0; i < rows; i++) {
                lines.append("{\"rule\":\"").append(rule).append("\",\"lineNumber\":").append(i + 1).append("}\n");
            }
        });
        byte[] content = lines.toString().getBytes(StandardCharsets.UTF_8);
        String path = SilverLayout.quarantinePath(landed.dataset(), landed.ingestionId(), landed.split().index());
        lake.create(LakeLocation.of("silver", path), new ByteArrayInputStream(content));
        long quarantined = quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
        long written = landed.counts().written();
        return new SilverReady(landed.ingestionId(), landed.dataset(), landed.bronzeFile(), landed.split(), landed.files(),
                new LakeFile("silver", path, content.length, sha256(content), quarantined),
                new RowCounts(written + duplicates + quarantined, written, duplicates, quarantined, quarantinedByRule),
                landed.eventDates(), landed.dataSchemaVersion());
    }

    private static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
