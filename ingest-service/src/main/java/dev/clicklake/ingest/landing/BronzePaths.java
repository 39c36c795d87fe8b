package dev.clicklake.ingest.landing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The documented, predictable bronze layout: {@code <dataset>/<ingest date>/<ingestion id>/<file name>}
 * in the bronze container. File names keep letters, digits, '.', '_' and '-'; anything else becomes '_'.
 */
public final class BronzePaths {

    private static final int MAX_NAME = 200;

    private BronzePaths() {
    }

    public static String path(String dataset, LocalDate ingestDate, UUID ingestionId, String sourceName) {
        return dataset + "/" + ingestDate + "/" + ingestionId + "/" + safeFileName(sourceName);
    }

    static String safeFileName(String sourceName) {
        String base = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            safe = "source.csv";
        }
        return safe.length() > MAX_NAME ? safe.substring(safe.length() - MAX_NAME) : safe;
    }
}
