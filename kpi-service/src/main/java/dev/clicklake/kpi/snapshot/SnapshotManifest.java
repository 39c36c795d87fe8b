package dev.clicklake.kpi.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The last object of a gold snapshot: its format, version, when, and for each table the Parquet files that hold it
 * (path in the gold container, rows, bytes): the day tables one file per month ({@code month}, {@code YYYY-MM}),
 * the others one file. A month whose gold did not change since the previous snapshot keeps the previous snapshot's
 * file, so a file may belong to an older version than the manifest that names it.
 */
public record SnapshotManifest(int format, String dataset, long version, Instant createdAt, Map<String, Table> tables) {

    /** The format written now; format 1 (before month files) named one {@code path} per table. */
    public static final int FORMAT = 2;

    /** A table's files, in month order, with their total rows and bytes. */
    public record Table(long rows, long bytes, List<TableFile> files) {

        static Table of(List<TableFile> files) {
            return new Table(files.stream().mapToLong(TableFile::rows).sum(), files.stream().mapToLong(TableFile::bytes).sum(),
                    List.copyOf(files));
        }
    }

    /** One Parquet file; {@code month} is null for a table written whole. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TableFile(String path, String month, long rows, long bytes) {
    }
}
