package dev.clicklake.contracts.event;

import dev.clicklake.contracts.storage.LakeLocation;
import java.util.List;

/**
 * Payload of {@code silver-ready} v1: the committed silver output of one bronze split.
 * See {@code contracts/silver-ready.v1.schema.json}.
 *
 * @param quarantine the JSON-lines file of rejected rows, or null when none were rejected
 * @param eventDates first and last event date written, or null when no row was written
 * @param bronze     the whole bronze object the split was read from (since 1.1), or null from an older producer
 */
public record SilverReady(
        String ingestionId,
        String dataset,
        LakeLocation bronzeFile,
        SplitRef split,
        List<SilverFile> files,
        LakeFile quarantine,
        RowCounts counts,
        DateRange eventDates,
        String dataSchemaVersion,
        BronzeSource bronze) {

    public static final String SILVER_EVENTS_V1 = "silver-events/1";

    public SilverReady {
        files = List.copyOf(files);
    }

    /** A silver-ready 1.0, which does not describe the bronze object. */
    public SilverReady(String ingestionId, String dataset, LakeLocation bronzeFile, SplitRef split, List<SilverFile> files,
            LakeFile quarantine, RowCounts counts, DateRange eventDates, String dataSchemaVersion) {
        this(ingestionId, dataset, bronzeFile, split, files, quarantine, counts, eventDates, dataSchemaVersion, null);
    }
}
