package dev.clicklake.kpi.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The sums of every split of a dataset that kpi-service built gold from ({@code catalog_split}).
 *
 * @param splits       splits recorded; 0 when none (then every date is null)
 * @param ingestions   distinct ingestions among them
 * @param silverBytes  bytes of the silver Parquet files they wrote
 * @param lastRecorded when the last of them was built into gold
 * @param bronzeFiles  distinct bronze objects they were read from
 * @param bronzeBytes  the bytes of those whole objects, or null unless every split said them (silver-ready 1.1)
 * @param bronzeRows   the data rows of those whole objects, or null likewise
 */
public record RecordedSplits(long splits, long ingestions, CatalogQuality quality, long silverFiles, long silverBytes,
        LocalDate firstDay, LocalDate lastDay, OffsetDateTime lastRecorded, long bronzeFiles, Long bronzeBytes,
        Long bronzeRows) {

    /** A dataset with no recorded split (gold built before the catalog existed). */
    public static final RecordedSplits NONE = new RecordedSplits(0, 0, new CatalogQuality(0, 0, 0, 0, Map.of(), 0), 0, 0,
            null, null, null, 0, null, null);
}
