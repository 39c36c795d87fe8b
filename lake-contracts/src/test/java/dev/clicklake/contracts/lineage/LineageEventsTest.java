package dev.clicklake.contracts.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events as a lineage server reads them: their JSON, as the official client writes it. */
class LineageEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INGESTION = "3f1c7c2e-4d1a-4b7e-9d55-0c0f2f8a9b11";
    private static final LineageEvents EVENTS = new LineageEvents(URI.create("urn:clicklake:test:1"), "clicklake",
            Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC));
    private static final LineageDataset BRONZE = LineageDataset.of("abfss://bronze@acct.dfs.core.windows.net", "shop/a.csv")
            .withSchema(LineageDataset.LineageField.all(List.of("event_time", "event_type"), "string"))
            .withStatistics(120L, 4096L);
    private static final LineageDataset SILVER = LineageDataset.of("abfss://silver@acct.dfs.core.windows.net", "shop/events")
            .withStatistics(100L, null).withVersion("7");

    @Test
    void aCompleteEventCarriesJobRunParentSchemaAndStatistics() throws Exception {
        StageRun split = LineageRuns.enrich("shop", INGESTION, 2);
        JsonNode event = json(EVENTS.event(RunEvent.EventType.COMPLETE, split, List.of(BRONZE), List.of(SILVER)));

        assertEquals("COMPLETE", event.get("eventType").asText());
        assertEquals("urn:clicklake:test:1", event.get("producer").asText());
        assertEquals("clicklake", event.at("/job/namespace").asText());
        assertEquals("enrich.shop", event.at("/job/name").asText());
        assertEquals("ENRICH", event.at("/job/facets/jobType/jobType").asText());
        assertEquals(split.runId().toString(), event.at("/run/runId").asText());
        assertEquals(INGESTION, event.at("/run/facets/parent/run/runId").asText());
        assertEquals("ingest.shop", event.at("/run/facets/parent/job/name").asText());
        assertEquals(INGESTION, event.at("/run/facets/parent/root/run/runId").asText());

        JsonNode input = event.at("/inputs/0");
        assertEquals(BRONZE.namespace(), input.get("namespace").asText());
        assertEquals(BRONZE.name(), input.get("name").asText());
        assertEquals("event_time", input.at("/facets/schema/fields/0/name").asText());
        assertEquals("string", input.at("/facets/schema/fields/0/type").asText());
        assertEquals(120, input.at("/inputFacets/inputStatistics/rowCount").asLong());
        assertEquals(4096, input.at("/inputFacets/inputStatistics/size").asLong());

        JsonNode output = event.at("/outputs/0");
        assertEquals(100, output.at("/outputFacets/outputStatistics/rowCount").asLong());
        assertTrue(output.at("/outputFacets/outputStatistics/size").isMissingNode(), "an unknown size is left out");
        assertEquals("7", output.at("/facets/version/datasetVersion").asText());
        assertTrue(output.at("/facets/schema").isMissingNode(), "no schema facet when the columns are not known");
    }

    @Test
    void aFailEventCarriesTheReasonAndTheIngestionHasNoParent() throws Exception {
        JsonNode event = json(EVENTS.failed(LineageRuns.ingestion("shop", INGESTION), List.of(), List.of(BRONZE),
                "header.columns: the file has 8 columns"));
        assertEquals("FAIL", event.get("eventType").asText());
        assertEquals("header.columns: the file has 8 columns", event.at("/run/facets/errorMessage/message").asText());
        assertEquals("Java", event.at("/run/facets/errorMessage/programmingLanguage").asText());
        assertFalse(event.at("/run/facets").has("parent"));
        assertEquals(INGESTION, event.at("/run/runId").asText());
        assertEquals(Instant.parse("2026-12-08T00:00:00Z"), ZonedDateTime.parse(event.get("eventTime").asText()).toInstant());
    }

    private static JsonNode json(RunEvent event) throws Exception {
        return JSON.readTree(OpenLineageClientUtils.toJson(event));
    }
}
