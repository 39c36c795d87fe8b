package dev.clicklake.kpi.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.lineage.LineageEvents;
import dev.clicklake.contracts.lineage.LineageNames;
import dev.clicklake.contracts.testing.ContractExamples;
import dev.clicklake.kpi.gold.GoldPlan;
import dev.clicklake.kpi.snapshot.SnapshotManifest;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GoldRunEventsTest {

    private static final GoldRunEvents EVENTS = new GoldRunEvents(
            new LineageEvents(URI.create("urn:clicklake:kpi-service:test"), "clicklake", Clock.systemUTC()),
            LineageNames.adls(URI.create("https://acct.dfs.core.windows.net")),
            "jdbc:postgresql://pg.example:5432/clicklake_kpi", "silver", "gold");
    private static final SilverReady READY = ContractExamples.example(Contract.SILVER_READY, SilverReady.class);
    private static final SnapshotManifest SNAPSHOT = new SnapshotManifest(SnapshotManifest.FORMAT, READY.dataset(), 12,
            Instant.now(), Map.of(
            "daily_kpi", new SnapshotManifest.Table(31, 4000, List.of(
                    new SnapshotManifest.TableFile("x/daily_kpi/month=2019-10.parquet", "2019-10", 31, 4000))),
            "monthly_kpi", new SnapshotManifest.Table(1, 900, List.of(
                    new SnapshotManifest.TableFile("x/monthly_kpi.parquet", null, 1, 900)))));

    @Test
    void aBuildGoesFromTheSilverTableToTheGoldTablesAndTheSnapshotUnderItsIngestionsRun() {
        RunEvent complete = EVENTS.completed(READY, List.of(LocalDate.of(2019, 10, 1)), Optional.of(SNAPSHOT));

        assertEquals("gold." + READY.dataset(), complete.getJob().getName());
        assertEquals(UUID.fromString(READY.ingestionId()), complete.getRun().getFacets().getParent().getRun().getRunId());
        var silver = complete.getInputs().get(0);
        assertEquals("abfss://silver@acct.dfs.core.windows.net", silver.getNamespace());
        assertEquals(READY.dataset() + "/events", silver.getName());
        assertEquals(READY.files().stream().mapToLong(SilverFile::rows).sum(),
                silver.getInputFacets().getInputStatistics().getRowCount());

        List<OutputDataset> outputs = complete.getOutputs();
        assertEquals(GoldPlan.TABLES.size() + 1, outputs.size(), "every table a rebuild replaces, and the snapshot");
        OutputDataset daily = outputs.get(GoldPlan.TABLES.indexOf("daily_kpi"));
        assertEquals("postgres://pg.example:5432", daily.getNamespace());
        assertEquals("clicklake_kpi.public.daily_kpi", daily.getName());
        assertEquals(31L, daily.getOutputFacets().getOutputStatistics().getRowCount(), "the dataset's rows, as counted");
        assertTrue(daily.getFacets().getSchema().getFields().stream()
                .anyMatch(f -> f.getName().equals("revenue") && f.getType().equals("numeric(18,2)")));
        OutputDataset snapshot = outputs.get(outputs.size() - 1);
        assertEquals("abfss://gold@acct.dfs.core.windows.net", snapshot.getNamespace());
        assertEquals(READY.dataset() + "/snapshots", snapshot.getName());
        assertEquals("12", snapshot.getFacets().getVersion().getDatasetVersion());
        assertEquals(32L, snapshot.getOutputFacets().getOutputStatistics().getRowCount());
        assertEquals(4900L, snapshot.getOutputFacets().getOutputStatistics().getSize());
    }

    @Test
    void aBuildThatChangedNoDayWroteNoTable() {
        RunEvent complete = EVENTS.completed(READY, List.of(), Optional.empty());
        assertEquals(RunEvent.EventType.COMPLETE, complete.getEventType());
        assertEquals(0, complete.getOutputs().size());
        RunEvent start = EVENTS.started(READY, false);
        assertEquals(GoldPlan.TABLES.size(), start.getOutputs().size(), "a START names what the build may write");
        assertEquals(start.getRun().getRunId(), complete.getRun().getRunId());
    }
}
