package dev.clicklake.ingest.lineage;

import dev.clicklake.contracts.lineage.LineageDataset;
import dev.clicklake.contracts.lineage.LineageEvents;
import dev.clicklake.contracts.lineage.LineageNames;
import dev.clicklake.contracts.lineage.LineageRuns;
import dev.clicklake.contracts.lineage.StageRun;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionStatus;
import dev.clicklake.ingest.ledger.SourceKind;
import io.openlineage.client.OpenLineage.RunEvent;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The run events of landing one ingestion in bronze, from its ledger row: the source (the URL or import file
 * without credentials; an upload as {@code upload} + {@code <dataset>/<file name>}) as input, the bronze object as
 * output, with its CSV columns (all text: bronze holds the bytes unchanged), rows and bytes once landed.
 */
public final class IngestRunEvents {

    /** The namespace of uploaded files, which have no address of their own. */
    static final String UPLOAD = "upload";

    private final LineageEvents events;
    private final LineageNames names;

    public IngestRunEvents(LineageEvents events, LineageNames names) {
        this.events = events;
        this.names = names;
    }

    /** Receiving has begun: the bytes go from the source to {@code bronze}. */
    public RunEvent started(Ingestion ingestion, LakeLocation bronze) {
        return events.event(RunEvent.EventType.START, run(ingestion), List.of(source(ingestion)),
                List.of(names.lake(bronze)));
    }

    /**
     * COMPLETE for a LANDED ingestion (the bronze object is committed and on record), FAIL with the reason for a
     * REJECTED or FAILED one; null while it is still receiving.
     */
    public RunEvent ended(Ingestion ingestion) {
        if (ingestion.status == IngestionStatus.LANDED) {
            LakeLocation bronze = LakeLocation.of(ingestion.bronzeContainer, ingestion.bronzePath);
            LineageDataset landed = names.lake(bronze)
                    .withSchema(LineageDataset.LineageField.all(Arrays.asList(ingestion.fileColumns.split(",")), "string"))
                    .withStatistics(ingestion.dataRows, ingestion.totalBytes);
            return events.event(RunEvent.EventType.COMPLETE, run(ingestion),
                    List.of(source(ingestion).withStatistics(null, ingestion.archiveBytes != null
                            ? ingestion.archiveBytes : ingestion.totalBytes)),
                    List.of(landed));
        }
        if (ingestion.status == IngestionStatus.REJECTED || ingestion.status == IngestionStatus.FAILED) {
            return events.failed(run(ingestion), List.of(source(ingestion)), List.of(),
                    ingestion.status + ": " + ingestion.reason);
        }
        return null;
    }

    /** The content already landed as {@code earlier}: this run wrote nothing (its bronze copy is deleted). */
    public RunEvent duplicate(Ingestion ingestion, Ingestion earlier) {
        return events.aborted(run(ingestion), List.of(source(ingestion)), List.of(),
                "the same content already landed as ingestion " + earlier.id);
    }

    static StageRun run(Ingestion ingestion) {
        return LineageRuns.ingestion(ingestion.dataset, ingestion.id.toString());
    }

    static LineageDataset source(Ingestion ingestion) {
        if (ingestion.sourceKind == SourceKind.UPLOAD || ingestion.sourceUri == null) {
            String name = ingestion.archiveName != null ? ingestion.archiveName : ingestion.sourceName;
            return LineageDataset.of(UPLOAD, ingestion.dataset + "/" + name);
        }
        try {
            return LineageNames.source(URI.create(ingestion.sourceUri));
        } catch (IllegalArgumentException notAUri) {
            return LineageDataset.of(ingestion.sourceKind.name().toLowerCase(java.util.Locale.ROOT), ingestion.sourceUri);
        }
    }
}
