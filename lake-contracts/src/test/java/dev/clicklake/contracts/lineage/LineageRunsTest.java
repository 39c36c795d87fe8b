package dev.clicklake.contracts.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LineageRunsTest {

    private static final String INGESTION = "3f1c7c2e-4d1a-4b7e-9d55-0c0f2f8a9b11";

    @Test
    void theIngestionRunIdIsTheIngestionId() {
        StageRun run = LineageRuns.ingestion("shop", INGESTION);
        assertEquals(UUID.fromString(INGESTION), run.runId());
        assertEquals("ingest.shop", run.job());
        assertEquals(Optional.empty(), run.parent());
    }

    @Test
    void everyServiceDerivesTheSameSplitRunsWithTheIngestionAsParent() {
        StageRun enrich = LineageRuns.enrich("shop", INGESTION, 3);
        assertEquals(enrich, LineageRuns.enrich("shop", INGESTION, 3), "a function of dataset, ingestion and split");
        assertNotEquals(enrich.runId(), LineageRuns.enrich("shop", INGESTION, 4).runId());
        StageRun gold = LineageRuns.gold("shop", INGESTION, 3);
        assertNotEquals(enrich.runId(), gold.runId(), "the gold build of a split is a run of its own");
        StageRun.ParentRun ingestion = new StageRun.ParentRun("ingest.shop", UUID.fromString(INGESTION));
        assertEquals(Optional.of(ingestion), enrich.parent());
        assertEquals(Optional.of(ingestion), gold.parent());
        assertEquals("enrich.shop", enrich.job());
        assertEquals("gold.shop", gold.job());
    }

    @Test
    void anIngestionIdThatIsNoUuidStillGetsAStableRunId() {
        assertEquals(LineageRuns.ingestionRunId("legacy-7"), LineageRuns.ingestionRunId("legacy-7"));
        assertNotEquals(LineageRuns.ingestionRunId("legacy-7"), LineageRuns.ingestionRunId("legacy-8"));
    }
}
