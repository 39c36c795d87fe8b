package dev.clicklake.contracts.event;

import dev.clicklake.contracts.storage.LakeLocation;
import java.time.LocalDate;

/** One silver Parquet file, holding rows of a single event_date partition. */
public record SilverFile(String container, String path, long bytes, String sha256, long rows, LocalDate eventDate) {

    public LakeLocation location() {
        return LakeLocation.of(container, path);
    }
}
