package dev.clicklake.enrich.service;

import dev.clicklake.enrich.parquet.ParquetPartition;
import dev.clicklake.enrich.pipeline.RowTally;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The local result of transforming one split, ready to be committed to the lake.
 *
 * @param quarantine the JSON-lines file of rejected rows, when there were any
 * @param claimedNow whether this processing claimed the split's events (false when an earlier one did)
 */
record SplitOutput(List<ParquetPartition> partitions, Optional<Path> quarantine, RowTally tally, boolean claimedNow) {

    long written() {
        return partitions.stream().mapToLong(ParquetPartition::rowsWritten).sum();
    }
}
