package dev.clicklake.ingest.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.clicklake.contracts.lineage.LineageEvents;
import dev.clicklake.contracts.lineage.LineageNames;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionStatus;
import dev.clicklake.ingest.ledger.SourceKind;
import io.openlineage.client.OpenLineage.RunEvent;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IngestRunEventsTest {

    private static final URI AZURITE = URI.create("http://127.0.0.1:10000/devstoreaccount1");
    private static final IngestRunEvents EVENTS = new IngestRunEvents(
            new LineageEvents(URI.create("urn:clicklake:ingest-service:test"), "clicklake", Clock.systemUTC()),
            LineageNames.adls(AZURITE));
    private static final LakeLocation BRONZE = LakeLocation.of("bronze", "shop/2026-12-08/id/oct.csv");

    @Test
    void aLandedUrlSourceGoesFromItsUrlToTheBronzeObjectWithColumnsRowsAndBytes() {
        Ingestion landed = ingestion(SourceKind.URL, "https://data.example/rees46/oct.csv");
        landed.status = IngestionStatus.LANDED;
        landed.bronzeContainer = BRONZE.container();
        landed.bronzePath = BRONZE.path();
        landed.fileColumns = "event_time,event_type,product_id";
        landed.dataRows = 1200L;
        landed.totalBytes = 98_765L;

        RunEvent complete = EVENTS.ended(landed);

        assertEquals(RunEvent.EventType.COMPLETE, complete.getEventType());
        assertEquals(landed.id, complete.getRun().getRunId());
        assertEquals("ingest.shop", complete.getJob().getName());
        assertNull(complete.getRun().getFacets().getParent(), "the ingestion is the root run");
        assertEquals("https://data.example", complete.getInputs().get(0).getNamespace());
        assertEquals("/rees46/oct.csv", complete.getInputs().get(0).getName());
        var output = complete.getOutputs().get(0);
        assertEquals("abfss://bronze@127.0.0.1:10000/devstoreaccount1", output.getNamespace());
        assertEquals(BRONZE.path(), output.getName());
        assertEquals(3, output.getFacets().getSchema().getFields().size());
        assertEquals("product_id", output.getFacets().getSchema().getFields().get(2).getName());
        assertEquals(1200L, output.getOutputFacets().getOutputStatistics().getRowCount());
        assertEquals(98_765L, output.getOutputFacets().getOutputStatistics().getSize());
    }

    @Test
    void anUploadIsNamedByItsDatasetAndFileAndARejectionFailsWithItsReason() {
        Ingestion rejected = ingestion(SourceKind.UPLOAD, null);
        rejected.status = IngestionStatus.REJECTED;
        rejected.reason = "the header has 8 columns";

        RunEvent fail = EVENTS.ended(rejected);

        assertEquals(RunEvent.EventType.FAIL, fail.getEventType());
        assertEquals("REJECTED: the header has 8 columns", fail.getRun().getFacets().getErrorMessage().getMessage());
        assertEquals(IngestRunEvents.UPLOAD, fail.getInputs().get(0).getNamespace());
        assertEquals("shop/oct.csv", fail.getInputs().get(0).getName());
        assertEquals(0, fail.getOutputs().size(), "nothing landed");
    }

    @Test
    void startNamesTheTargetAndARepeatAbortsNamingTheEarlierIngestion() {
        Ingestion receiving = ingestion(SourceKind.IMPORT_DIR, "file:///srv/import/oct.csv");
        RunEvent start = EVENTS.started(receiving, BRONZE);
        assertEquals(RunEvent.EventType.START, start.getEventType());
        assertEquals("file", start.getInputs().get(0).getNamespace());
        assertEquals("/srv/import/oct.csv", start.getInputs().get(0).getName());
        assertEquals(BRONZE.path(), start.getOutputs().get(0).getName());
        assertNull(EVENTS.ended(receiving), "no end while it is still receiving");

        Ingestion earlier = ingestion(SourceKind.UPLOAD, null);
        RunEvent abort = EVENTS.duplicate(receiving, earlier);
        assertEquals(RunEvent.EventType.ABORT, abort.getEventType());
        assertEquals("the same content already landed as ingestion " + earlier.id,
                abort.getRun().getFacets().getErrorMessage().getMessage());
    }

    private static Ingestion ingestion(SourceKind kind, String uri) {
        Ingestion ingestion = new Ingestion();
        ingestion.id = UUID.randomUUID();
        ingestion.dataset = "shop";
        ingestion.status = IngestionStatus.RECEIVING;
        ingestion.sourceKind = kind;
        ingestion.sourceName = "oct.csv";
        ingestion.sourceUri = uri;
        return ingestion;
    }
}
