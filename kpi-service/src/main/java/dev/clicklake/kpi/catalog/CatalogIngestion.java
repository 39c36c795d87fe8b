package dev.clicklake.kpi.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An ingestion that fed a dataset, as its silver-ready messages told kpi-service.
 *
 * @param bronzeFile     the bronze object ({@code container/path}) its splits were read from
 * @param bronzeBytes    its size, or null when its silver-ready (1.0) did not say it
 * @param sourceName     the file name as received, or null (silver-ready 1.0)
 * @param sourceUri      where it came from (credentials removed), or null for an upload or a silver-ready 1.0
 * @param splits         the splits the ingestion has
 * @param splitsBuilt    the splits gold was built from so far
 * @param firstBuilt     when gold was first built from one of its splits
 * @param lastBuilt      when gold was last built from one of its splits
 */
@Schema(description = "An ingestion that fed the dataset (bronze to silver to gold)")
public record CatalogIngestion(
        @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") String ingestionId,
        @Schema(example = "bronze/rees46/2026-11-26/0f8fad5b-d9cb-469f-a165-70867728950e/2019-Oct.csv") String bronzeFile,
        @Schema(nullable = true) Long bronzeBytes,
        @Schema(nullable = true, example = "2019-Oct.csv") String sourceName,
        @Schema(nullable = true) String sourceUri,
        int splits,
        int splitsBuilt,
        long rowsIn,
        long written,
        long duplicates,
        long quarantined,
        @Schema(nullable = true) LocalDate firstDay,
        @Schema(nullable = true) LocalDate lastDay,
        OffsetDateTime firstBuilt,
        OffsetDateTime lastBuilt) {
}
