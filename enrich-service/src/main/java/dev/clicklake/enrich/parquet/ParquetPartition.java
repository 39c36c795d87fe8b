package dev.clicklake.enrich.parquet;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One local Parquet file holding the events of one event_date that a split writes.
 *
 * @param rowsWritten rows in the file, at least one
 */
public record ParquetPartition(LocalDate eventDate, Path file, long rowsWritten) {
}
