package dev.clicklake.enrich.service;

import dev.clicklake.enrich.parquet.ParquetPartition;
import dev.clicklake.enrich.pipeline.RowTally;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local result of transforming one split, ready to be committed to the lake.
 *
 * @param quarantine the JSON-lines file of rejected rows, when there were any
 * @param claimedNow whether this processing claimed the split's events (false when an earlier one did)
 * @param claimVersions the version of the split's claim on each of its dates
 */
record SplitOutput(List<ParquetPartition> partitions, Optional<Path> quarantine, RowTally tally, boolean claimedNow,
        Map<LocalDate, Long> claimVersions) {

    long written() {
        return partitions.stream().mapToLong(ParquetPartition::rowsWritten).sum();
    }
}
