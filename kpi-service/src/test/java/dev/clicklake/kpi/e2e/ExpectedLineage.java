package dev.clicklake.kpi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clicklake.kpi.gold.GoldPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the lineage of one uploaded file must be, from the test's own knowledge of it (the file, its dataset, the
 * kpi database): one ingestion run from the upload to one bronze object with the file's data rows; a run per split
 * whose parent is the ingestion, from that object to the silver events table, together writing the file's distinct
 * events; a gold build per split, parent the ingestion, from silver to every gold table; and a graph in which every
 * gold table is reached from the upload.
 */
final class ExpectedLineage {

    private final String ingestionId;
    private final String dataset;
    private final Path csv;
    private final int splits;
    private final String kpiTables;

    /** @param kpiTables {@code postgres://host:port/<database>.public.}, the prefix of the gold tables' names */
    ExpectedLineage(String ingestionId, String dataset, Path csv, int splits, String kpiTables) {
        this.ingestionId = ingestionId;
        this.dataset = dataset;
        this.csv = csv;
        this.splits = splits;
        this.kpiTables = kpiTables;
    }

    /** Waits until the last gold build's COMPLETE is in (it follows gold-ready), then checks every event. */
    void assertCaptured(Supplier<List<JsonNode>> captured, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> events = mine(captured.get());
        while (completes(events, "gold." + dataset).size() < splits && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            events = mine(captured.get());
        }
        assertIngestion(events);
        assertSplits(events);
        assertGoldBuilds(events);
        assertGraph(events);
    }

    private void assertIngestion(List<JsonNode> events) throws IOException {
        List<JsonNode> runs = events.stream().filter(e -> e.at("/run/runId").asText().equals(ingestionId)).toList();
        assertEquals(List.of("START", "COMPLETE"), types(runs), "the ingestion's run: " + runs);
        JsonNode complete = runs.get(1);
        assertEquals("ingest." + dataset, complete.at("/job/name").asText());
        assertEquals("upload/" + dataset + "/" + csv.getFileName(), LineageGraph.dataset(complete.at("/inputs/0")));
        JsonNode bronze = complete.at("/outputs/0");
        assertEquals(dataRows(), bronze.at("/outputFacets/outputStatistics/rowCount").asLong(), "the file's data rows");
        assertEquals(Files.size(csv), bronze.at("/outputFacets/outputStatistics/size").asLong(), "the file's bytes");
        assertEquals(9, bronze.at("/facets/schema/fields").size(), "the file's nine columns");
    }

    private void assertSplits(List<JsonNode> events) throws IOException {
        List<JsonNode> completes = completes(events, "enrich." + dataset);
        assertEquals(splits, completes.size(), "one run per split");
        String bronze = LineageGraph.dataset(ingestionComplete(events).at("/outputs/0"));
        long written = 0;
        for (JsonNode split : completes) {
            assertEquals(ingestionId, split.at("/run/facets/parent/run/runId").asText(), "a split's parent is its ingestion");
            assertEquals(bronze, LineageGraph.dataset(split.at("/inputs/0")));
            assertTrue(split.at("/outputs/0/name").asText().endsWith(dataset + "/events"), split.toString());
            assertTrue(split.at("/outputs/1/name").asText().endsWith(dataset + "/quarantine"), split.toString());
            written += split.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong();
        }
        long distinct = ExpectedDailyFigures.of(csv).values().stream().mapToLong(day -> day.events).sum();
        assertEquals(distinct, written, "the splits together write the file's distinct events");
    }

    private void assertGoldBuilds(List<JsonNode> events) {
        List<JsonNode> completes = completes(events, "gold." + dataset);
        assertEquals(splits, completes.size(), "one gold build run per split");
        Set<String> parents = completes.stream().map(build -> build.at("/run/facets/parent/run/runId").asText())
                .collect(Collectors.toSet());
        assertEquals(Set.of(ingestionId), parents, "every gold build's parent is the ingestion");
        String silver = completes(events, "enrich." + dataset).get(0).at("/outputs/0/name").asText();
        assertTrue(completes.stream().allMatch(build -> build.at("/inputs/0/name").asText().equals(silver)),
                "every gold build reads the silver events table the splits wrote");
    }

    private void assertGraph(List<JsonNode> events) {
        Set<String> reached = new LineageGraph(events).reachableFrom("upload/" + dataset + "/" + csv.getFileName());
        for (String table : GoldPlan.TABLES) {
            assertTrue(reached.contains(kpiTables + table), "gold table " + table + " is reached from the upload: " + reached);
        }
        assertTrue(reached.stream().anyMatch(node -> node.startsWith("abfss://gold@") && node.endsWith(dataset + "/snapshots")),
                "the gold snapshot is reached from the upload: " + reached);
    }

    /** This ingestion's events: its own run and the runs whose parent it is. */
    private List<JsonNode> mine(List<JsonNode> events) {
        return events.stream().filter(e -> e.at("/run/runId").asText().equals(ingestionId)
                || e.at("/run/facets/parent/run/runId").asText().equals(ingestionId)).toList();
    }

    private JsonNode ingestionComplete(List<JsonNode> events) {
        return completes(events, "ingest." + dataset).get(0);
    }

    /**
     * The last COMPLETE of each run of {@code job}: a redelivered message (a consumer group rebalance) runs again
     * under the same run id, idempotently, and completes again.
     */
    private static List<JsonNode> completes(List<JsonNode> events, String job) {
        Map<String, JsonNode> lastByRun = new LinkedHashMap<>();
        events.stream().filter(e -> e.at("/job/name").asText().equals(job) && e.get("eventType").asText().equals("COMPLETE"))
                .forEach(e -> lastByRun.put(e.at("/run/runId").asText(), e));
        return List.copyOf(lastByRun.values());
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("eventType").asText()).toList();
    }

    private long dataRows() throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count() - 1; // the header
        }
    }
}
