package dev.clicklake.kpi.snapshot;

import java.time.Instant;
import java.util.Map;

/**
 * The last object of a gold snapshot: which version, when, and for each table the Parquet file that holds
 * it (path in the gold container, rows, bytes).
 */
public record SnapshotManifest(String dataset, long version, Instant createdAt, Map<String, TableFile> tables) {

    public record TableFile(String path, long rows, long bytes) {
    }
}
