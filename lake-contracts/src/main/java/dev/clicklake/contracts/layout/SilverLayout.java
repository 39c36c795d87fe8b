package dev.clicklake.contracts.layout;

import java.time.LocalDate;

/**
 * Where silver objects live inside the silver container, a contract between enrich-service (which writes
 * them), kpi-service (which reads them) and any lake reader (Spark, Databricks, DuckDB):
 * <ul>
 *   <li>events: {@code <dataset>/events/event_date=YYYY-MM-DD/<ingestionId>-<split, 5 digits>.parquet},
 *       one Hive-style partition per UTC event date;</li>
 *   <li>rejected rows: {@code <dataset>/quarantine/ingestion=<ingestionId>/split-<split, 5 digits>.jsonl}.</li>
 * </ul>
 * Names are a function of the split alone, so a redelivered split finds its own objects.
 */
public final class SilverLayout {

    private static final String PARQUET = ".parquet";

    private SilverLayout() {
    }

    public static String eventsPath(String dataset, LocalDate eventDate, String ingestionId, int splitIndex) {
        return partitionPrefix(dataset, eventDate) + ingestionId + "-" + splitNumber(splitIndex) + PARQUET;
    }

    public static String quarantinePath(String dataset, String ingestionId, int splitIndex) {
        return quarantineFolder(dataset) + "/ingestion=" + ingestionId + "/split-" + splitNumber(splitIndex) + ".jsonl";
    }

    /** The path prefix under which every events file of {@code dataset} on {@code eventDate} lives. */
    public static String partitionPrefix(String dataset, LocalDate eventDate) {
        return eventsTable(dataset) + "/event_date=" + eventDate + "/";
    }

    /** The folder of {@code dataset}'s events table: its Hive partitions are below it. */
    public static String eventsTable(String dataset) {
        return dataset + "/events";
    }

    /** The folder of {@code dataset}'s quarantine files. */
    public static String quarantineFolder(String dataset) {
        return dataset + "/quarantine";
    }

    /** Whether {@code path}, listed under a partition prefix, is an events file directly in that partition. */
    public static boolean isEventsFile(String partitionPrefix, String path) {
        if (!path.startsWith(partitionPrefix)) {
            return false;
        }
        String rest = path.substring(partitionPrefix.length());
        return rest.endsWith(PARQUET) && rest.length() > PARQUET.length() && !rest.contains("/");
    }

    private static String splitNumber(int splitIndex) {
        return String.format("%05d", splitIndex);
    }
}
