package dev.clicklake.kpi.silver;

import dev.clicklake.contracts.storage.LakeLocation;
import java.time.LocalDate;

/**
 * Where enrich-service puts silver events: {@code <dataset>/events/event_date=YYYY-MM-DD/<ingestionId>-<split>.parquet}
 * in the silver container, one Hive-style partition per UTC event date.
 */
public final class SilverLayout {

    private static final String PARQUET = ".parquet";

    private SilverLayout() {
    }

    /** The prefix under which every silver file of {@code dataset} on {@code date} lives. */
    public static LakeLocation partition(String container, String dataset, LocalDate date) {
        return LakeLocation.of(container, dataset + "/events/event_date=" + date + "/");
    }

    /** Whether an object listed under a partition is a silver Parquet file directly in it. */
    public static boolean isSilverFile(LakeLocation partition, LakeLocation object) {
        String rest = object.path().substring(partition.path().length());
        return rest.endsWith(PARQUET) && rest.length() > PARQUET.length() && !rest.contains("/");
    }
}
