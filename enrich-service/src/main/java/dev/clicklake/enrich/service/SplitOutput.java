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
 */
record SplitOutput(List<ParquetPartition> partitions, Optional<Path> quarantine, RowTally tally) {

    long written() {
        return partitions.stream().mapToLong(ParquetPartition::rowsWritten).sum();
    }

    long duplicates() {
        return partitions.stream().mapToLong(ParquetPartition::duplicates).sum();
    }
}
