package dev.clicklake.kpi.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.silver.SilverPartitionCopy;
import dev.clicklake.kpi.store.DaySourcesRepository;
import dev.clicklake.kpi.store.GrainRepository;
import dev.clicklake.kpi.store.SnapshotRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Writes the gold tables of a dataset as a versioned Parquet snapshot in the gold container ({@link
 * SnapshotLayout}): the files of what changed (the day tables by month), then the manifest naming them and the
 * unchanged months' files of the previous snapshot, then deletes what only versions before the previous one name.
 * Objects are put-if-absent and never rewritten, so a reader sees whole files only.
 */
@ApplicationScoped
public class GoldSnapshots {

    private static final Logger LOG = Logger.getLogger(GoldSnapshots.class);
    /** Versions kept: the new one and the one before, which a reader may have just found. */
    private static final int KEPT = 2;

    private final SnapshotRepository tables;
    private final GrainRepository grains;
    private final DaySourcesRepository daySources;
    private final LakeStorage lake;
    private final String container;
    private final ParquetExport export;
    private final ObjectMapper json;
    private final Path workDir;
    private final int timeoutSeconds;

    GoldSnapshots(SnapshotRepository tables, GrainRepository grains, DaySourcesRepository daySources, LakeStorage lake,
            LakeConfig lakeConfig, KpiConfig config, ObjectMapper json) {
        this.daySources = daySources;
        this.tables = tables;
        this.grains = grains;
        this.lake = lake;
        this.container = lakeConfig.containers().gold();
        this.export = new ParquetExport(config.duckdb().threads(), config.duckdb().memoryLimit(), config.workDir());
        this.json = json;
        this.workDir = config.workDir();
        this.timeoutSeconds = Math.toIntExact(config.dayRebuildTimeout().toSeconds());
    }

    /** Whether the dataset's gold changed since its last snapshot was written. */
    public boolean due(String dataset) {
        return QuarkusTransaction.requiringNew().call(() -> daySources.snapshotDue(dataset));
    }

    /**
     * Writes a new snapshot of {@code dataset} under its grain lock (so versions follow the order in which
     * gold was committed) and returns its manifest. The day tables' months that did not change since the previous
     * snapshot ({@code gold_snapshot_due_months}) keep that snapshot's files; the others, and the small monthly and
     * dataset tables, are written anew.
     */
    public SnapshotManifest write(String dataset) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            grains.lock(dataset, List.of());
            Optional<SnapshotManifest> previous = newestManifest(dataset);
            Set<LocalDate> due = new HashSet<>(daySources.snapshotDueMonths(dataset));
            long version = tables.nextVersionAbove(highestVersionInLake(dataset));
            Path folder = Files.createTempDirectory(Files.createDirectories(workDir), "snapshot-" + dataset + "-");
            try {
                List<LocalDate> months = tables.months(dataset);
                Map<String, SnapshotManifest.Table> written = new LinkedHashMap<>();
                int kept = 0;
                int files = 0;
                for (String table : SnapshotRepository.TABLE_ORDER) {
                    List<SnapshotManifest.TableFile> tableFiles = new ArrayList<>();
                    if (!SnapshotRepository.DAY_TABLES.contains(table)) {
                        tableFiles.add(writeFile(dataset, table, Optional.empty(),
                                SnapshotLayout.tablePath(dataset, version, table), folder));
                    } else {
                        Map<String, SnapshotManifest.TableFile> before = monthFiles(previous, table);
                        for (LocalDate month : months) {
                            YearMonth yearMonth = YearMonth.from(month);
                            SnapshotManifest.TableFile unchanged = due.contains(month) ? null : before.get(yearMonth.toString());
                            if (unchanged != null) {
                                kept++;
                                tableFiles.add(unchanged);
                            } else {
                                tableFiles.add(writeFile(dataset, table, Optional.of(month),
                                        SnapshotLayout.monthTablePath(dataset, version, table, yearMonth), folder));
                            }
                        }
                    }
                    files += tableFiles.size();
                    written.put(table, SnapshotManifest.Table.of(tableFiles));
                }
                SnapshotManifest manifest = new SnapshotManifest(SnapshotManifest.FORMAT, dataset, version, Instant.now(),
                        written);
                lake.create(location(SnapshotLayout.manifestPath(dataset, version)),
                        new ByteArrayInputStream(json.writeValueAsBytes(manifest)));
                prune(dataset, previous, manifest);
                daySources.clearSnapshotDue(dataset);
                LOG.infof("gold snapshot %s v%d written: %d files (%d new, %d of unchanged months kept) of %s", dataset,
                        version, files, files - kept, kept, written.keySet());
                return manifest;
            } finally {
                SilverPartitionCopy.deleteRecursively(folder);
            }
        });
    }

    private SnapshotManifest.TableFile writeFile(String dataset, String table, Optional<LocalDate> month, String path,
            Path folder) throws SQLException, IOException {
        Path local = folder.resolve(path.replace('/', '_'));
        long rows = tables.read(table, dataset, month, result -> export.write(result, local));
        try (InputStream in = Files.newInputStream(local)) {
            lake.create(location(path), in);
        }
        long bytes = Files.size(local);
        Files.delete(local);
        return new SnapshotManifest.TableFile(path, month.map(m -> YearMonth.from(m).toString()).orElse(null), rows, bytes);
    }

    /** The month files of {@code table} in {@code manifest} (none before format 2), by month. */
    private static Map<String, SnapshotManifest.TableFile> monthFiles(Optional<SnapshotManifest> manifest, String table) {
        Map<String, SnapshotManifest.TableFile> files = new HashMap<>();
        manifest.filter(m -> m.format() == SnapshotManifest.FORMAT).map(m -> m.tables().get(table))
                .filter(t -> t.files() != null).ifPresent(t -> t.files().stream().filter(file -> file.month() != null)
                        .forEach(file -> files.put(file.month(), file)));
        return files;
    }

    /** The newest manifest in the lake, if there is one that reads as a manifest. */
    private Optional<SnapshotManifest> newestManifest(String dataset) throws IOException {
        Optional<LakeObject> newest = lake.list(location(SnapshotLayout.manifestsPrefix(dataset))).stream()
                .filter(object -> SnapshotLayout.versionOf(object.location().path()).isPresent())
                .max(Comparator.comparing(object -> SnapshotLayout.versionOf(object.location().path()).orElseThrow()));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = lake.open(newest.get().location())) {
            return Optional.of(json.readValue(in, SnapshotManifest.class));
        } catch (IOException e) {
            LOG.warnf("gold snapshot %s: the newest manifest %s does not read (%s); every file is written anew", dataset,
                    newest.get().location().path(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Deletes the manifests of every version older than the {@link #KEPT} newest ({@code latest} and {@code
     * previous}), then every snapshot file older than the oldest kept manifest that neither names.
     */
    private void prune(String dataset, Optional<SnapshotManifest> previous, SnapshotManifest latest) throws IOException {
        List<Long> manifests = versions(SnapshotLayout.manifestsPrefix(dataset)).stream().distinct().sorted().toList();
        if (manifests.size() <= KEPT) {
            return;
        }
        long oldestKept = manifests.get(manifests.size() - KEPT);
        Set<String> named = new HashSet<>(paths(latest));
        previous.ifPresent(manifest -> named.addAll(paths(manifest)));
        for (String prefix : List.of(SnapshotLayout.manifestsPrefix(dataset), SnapshotLayout.snapshotsPrefix(dataset))) {
            for (LakeObject object : lake.list(location(prefix))) {
                String path = object.location().path();
                if (SnapshotLayout.versionOf(path).filter(v -> v < oldestKept).isPresent() && !named.contains(path)) {
                    lake.delete(object.location());
                }
            }
        }
    }

    private static List<String> paths(SnapshotManifest manifest) {
        return manifest.tables().values().stream().filter(table -> table.files() != null)
                .flatMap(table -> table.files().stream()).map(SnapshotManifest.TableFile::path).toList();
    }

    /** The greatest version any manifest or snapshot file of the dataset has in the lake, or 0. */
    private long highestVersionInLake(String dataset) throws IOException {
        long highest = 0;
        for (String prefix : List.of(SnapshotLayout.manifestsPrefix(dataset), SnapshotLayout.snapshotsPrefix(dataset))) {
            for (long version : versions(prefix)) {
                highest = Math.max(highest, version);
            }
        }
        return highest;
    }

    private List<Long> versions(String prefix) throws IOException {
        return lake.list(location(prefix)).stream()
                .map(object -> SnapshotLayout.versionOf(object.location().path()))
                .flatMap(Optional::stream)
                .toList();
    }

    private LakeLocation location(String path) {
        return LakeLocation.of(container, path);
    }
}
