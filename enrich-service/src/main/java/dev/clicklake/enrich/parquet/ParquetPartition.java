package dev.clicklake.enrich.parquet;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One local Parquet file holding the distinct events of one event_date.
 *
 * @param rowsIn cleaned rows of that date that were appended
 * @param rowsWritten distinct rows in the file; {@code rowsIn - rowsWritten} were duplicates
 */
public record ParquetPartition(LocalDate eventDate, Path file, long rowsIn, long rowsWritten) {

    public long duplicates() {
        return rowsIn - rowsWritten;
    }
}
