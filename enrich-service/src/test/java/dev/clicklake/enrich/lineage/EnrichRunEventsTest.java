package dev.clicklake.enrich.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.lineage.LineageEvents;
import dev.clicklake.contracts.lineage.LineageNames;
import dev.clicklake.contracts.testing.ContractExamples;
import io.openlineage.client.OpenLineage.RunEvent;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnrichRunEventsTest {

    private static final String ACCOUNT = "abfss://%s@acct.dfs.core.windows.net";
    private static final EnrichRunEvents EVENTS = new EnrichRunEvents(
            new LineageEvents(URI.create("urn:clicklake:enrich-service:test"), "clicklake", Clock.systemUTC()),
            LineageNames.adls(URI.create("https://acct.dfs.core.windows.net")), "silver");
    private static final BronzeLanded LANDED = ContractExamples.example(Contract.BRONZE_LANDED, BronzeLanded.class);
    private static final SilverReady READY = ContractExamples.example(Contract.SILVER_READY, SilverReady.class);

    @Test
    void aSplitGoesFromItsBronzeObjectToTheSilverTableAndQuarantineUnderItsIngestionsRun() {
        RunEvent complete = EVENTS.completed(LANDED, READY);

        assertEquals(RunEvent.EventType.COMPLETE, complete.getEventType());
        assertEquals("enrich." + LANDED.dataset(), complete.getJob().getName());
        assertEquals(UUID.fromString(LANDED.ingestionId()), complete.getRun().getFacets().getParent().getRun().getRunId());
        assertEquals("ingest." + LANDED.dataset(), complete.getRun().getFacets().getParent().getJob().getName());

        var bronze = complete.getInputs().get(0);
        assertEquals(ACCOUNT.formatted("bronze"), bronze.getNamespace());
        assertEquals(LANDED.file().path(), bronze.getName());
        assertEquals(LANDED.split().rows(), bronze.getInputFacets().getInputStatistics().getRowCount());
        assertEquals(LANDED.format().columns().size(), bronze.getFacets().getSchema().getFields().size());

        var events = complete.getOutputs().get(0);
        assertEquals(ACCOUNT.formatted("silver"), events.getNamespace());
        assertEquals(LANDED.dataset() + "/events", events.getName());
        assertEquals(READY.counts().written(), events.getOutputFacets().getOutputStatistics().getRowCount());
        assertEquals(READY.files().stream().mapToLong(SilverFile::bytes).sum(),
                events.getOutputFacets().getOutputStatistics().getSize());
        assertTrue(events.getFacets().getSchema().getFields().stream().anyMatch(f -> f.getName().equals("event_date")));
        var quarantine = complete.getOutputs().get(1);
        assertEquals(LANDED.dataset() + "/quarantine", quarantine.getName());
        assertEquals(READY.counts().quarantined(), quarantine.getOutputFacets().getOutputStatistics().getRowCount());
        assertEquals(READY.quarantine().bytes(), quarantine.getOutputFacets().getOutputStatistics().getSize());
        assertEquals("rule", quarantine.getFacets().getSchema().getFields().get(4).getName());
    }

    @Test
    void aFailedAttemptSaysWhetherItWillBeRetriedAndEveryEventOfTheSplitHasOneRunId() {
        RunEvent retried = EVENTS.failed(LANDED, new java.io.IOException("lake timeout"), true);
        RunEvent givenUp = EVENTS.failed(LANDED, new IllegalStateException("a bug"), false);
        assertEquals(RunEvent.EventType.FAIL, retried.getEventType());
        assertEquals("attempt failed, will be retried: lake timeout", retried.getRun().getFacets().getErrorMessage().getMessage());
        assertEquals("given up: a bug", givenUp.getRun().getFacets().getErrorMessage().getMessage());
        assertEquals(EVENTS.started(LANDED).getRun().getRunId(), retried.getRun().getRunId());
        assertEquals(EVENTS.completed(LANDED, READY).getRun().getRunId(), givenUp.getRun().getRunId());
    }
}
