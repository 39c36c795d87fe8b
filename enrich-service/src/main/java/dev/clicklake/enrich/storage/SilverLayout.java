package dev.clicklake.enrich.storage;

import java.time.LocalDate;

/**
 * Where silver objects live inside the silver container: a contract that other services and lake readers
 * rely on (documented in the enrich-service README). Names are a function of the split alone, so a
 * redelivered split finds its own objects.
 */
public final class SilverLayout {

    private SilverLayout() {
    }

    /** {@code <dataset>/events/event_date=YYYY-MM-DD/<ingestionId>-<split index, 5 digits>.parquet} */
    public static String eventsPath(String dataset, LocalDate eventDate, String ingestionId, int splitIndex) {
        return dataset + "/events/event_date=" + eventDate + "/" + ingestionId + "-" + splitNumber(splitIndex) + ".parquet";
    }

    /** {@code <dataset>/quarantine/ingestion=<ingestionId>/split-<split index, 5 digits>.jsonl} */
    public static String quarantinePath(String dataset, String ingestionId, int splitIndex) {
        return dataset + "/quarantine/ingestion=" + ingestionId + "/split-" + splitNumber(splitIndex) + ".jsonl";
    }

    private static String splitNumber(int splitIndex) {
        return String.format("%05d", splitIndex);
    }
}
