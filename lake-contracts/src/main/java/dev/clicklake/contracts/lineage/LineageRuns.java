package dev.clicklake.contracts.lineage;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The jobs and run ids of the three stages, derived from what every message carries (dataset, ingestion id, split
 * index), so each service names its own run and its parent without asking another: the ingestion's run id IS the
 * ingestion id; a split's enrich run and its gold build have name-based (v3) UUIDs of the ingestion id and split.
 */
public final class LineageRuns {

    public static final String INGEST = "INGEST";
    public static final String ENRICH = "ENRICH";
    public static final String GOLD = "GOLD";

    private LineageRuns() {
    }

    /** The run of landing ingestion {@code ingestionId} of {@code dataset} in bronze. */
    public static StageRun ingestion(String dataset, String ingestionId) {
        return new StageRun(job(INGEST, dataset), INGEST, ingestionRunId(ingestionId), Optional.empty());
    }

    /** The run of turning split {@code split} of the ingestion into silver; its parent is the ingestion's run. */
    public static StageRun enrich(String dataset, String ingestionId, int split) {
        return new StageRun(job(ENRICH, dataset), ENRICH, nameBased(ENRICH, ingestionId, split), parent(dataset, ingestionId));
    }

    /** The run of rebuilding gold from split {@code split}'s silver; its parent is the ingestion's run. */
    public static StageRun gold(String dataset, String ingestionId, int split) {
        return new StageRun(job(GOLD, dataset), GOLD, nameBased(GOLD, ingestionId, split), parent(dataset, ingestionId));
    }

    /** {@code <stage>.<dataset>} in lower case, e.g. {@code enrich.web-shop}. */
    public static String job(String stage, String dataset) {
        return stage.toLowerCase(java.util.Locale.ROOT) + "." + dataset;
    }

    /** The ingestion id itself when it is a UUID (it always is in the ledger), else a name-based UUID of it. */
    static UUID ingestionRunId(String ingestionId) {
        try {
            return UUID.fromString(ingestionId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(("clicklake/ingestion/" + ingestionId).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Optional<StageRun.ParentRun> parent(String dataset, String ingestionId) {
        return Optional.of(new StageRun.ParentRun(job(INGEST, dataset), ingestionRunId(ingestionId)));
    }

    private static UUID nameBased(String stage, String ingestionId, int split) {
        return UUID.nameUUIDFromBytes(("clicklake/" + stage + "/" + ingestionId + "/" + split)
                .getBytes(StandardCharsets.UTF_8));
    }
}
