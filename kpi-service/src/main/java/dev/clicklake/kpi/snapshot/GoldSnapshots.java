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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes the gold tables of a dataset as a versioned Parquet snapshot in the gold container ({@link
 * SnapshotLayout}): each table's file, then the manifest naming them, then deletes the versions before the
 * previous one. Objects are put-if-absent and never rewritten, so a reader sees whole files only.
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
     * gold was committed) and returns its manifest.
     */
    public SnapshotManifest write(String dataset) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            grains.lock(dataset, List.of());
            long version = tables.nextVersionAbove(highestVersionInLake(dataset));
            Path folder = Files.createTempDirectory(Files.createDirectories(workDir), "snapshot-" + dataset + "-");
            try {
                Map<String, SnapshotManifest.TableFile> files = new LinkedHashMap<>();
                for (String table : SnapshotRepository.TABLE_ORDER) {
                    files.put(table, writeTable(dataset, version, table, folder.resolve(table + ".parquet")));
                }
                SnapshotManifest manifest = new SnapshotManifest(dataset, version, Instant.now(), files);
                lake.create(location(SnapshotLayout.manifestPath(dataset, version)),
                        new ByteArrayInputStream(json.writeValueAsBytes(manifest)));
                prune(dataset);
                daySources.clearSnapshotDue(dataset);
                LOG.infof("gold snapshot %s v%d written: %s", dataset, version, files.keySet());
                return manifest;
            } finally {
                SilverPartitionCopy.deleteRecursively(folder);
            }
        });
    }

    private SnapshotManifest.TableFile writeTable(String dataset, long version, String table, Path local)
            throws SQLException, IOException {
        long rows = tables.read(table, dataset, result -> export.write(result, local));
        String path = SnapshotLayout.tablePath(dataset, version, table);
        try (InputStream in = Files.newInputStream(local)) {
            lake.create(location(path), in);
        }
        return new SnapshotManifest.TableFile(path, rows, Files.size(local));
    }

    /** Deletes the manifests, then the files, of every version older than the {@link #KEPT} newest manifests. */
    private void prune(String dataset) throws IOException {
        List<Long> manifests = versions(SnapshotLayout.manifestsPrefix(dataset)).stream().distinct().sorted().toList();
        if (manifests.size() <= KEPT) {
            return;
        }
        long oldestKept = manifests.get(manifests.size() - KEPT);
        for (String prefix : List.of(SnapshotLayout.manifestsPrefix(dataset), SnapshotLayout.snapshotsPrefix(dataset))) {
            for (LakeObject object : lake.list(location(prefix))) {
                if (SnapshotLayout.versionOf(object.location().path()).filter(v -> v < oldestKept).isPresent()) {
                    lake.delete(object.location());
                }
            }
        }
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
