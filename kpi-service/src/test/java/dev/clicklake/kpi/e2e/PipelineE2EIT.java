package dev.clicklake.kpi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline as it is deployed: the three packaged services run as separate JVMs against the real
 * Kafka broker, PostgreSQL and Azurite of the local stack; a generated file goes in through ingest-service,
 * and kpi-service's served figures must equal the test's own count of the file; the OpenLineage events the three
 * services sent must draw the file's whole path from the upload to the gold tables ({@link ExpectedLineage}).
 */
class PipelineE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final E2EPipeline PIPELINE =
            new E2EPipeline(Path.of("target", "e2e"), "clicklake_ingest_e2e", "clicklake_kpi_e2e");

    @BeforeAll
    static void startTheThreeServices() throws Exception {
        PIPELINE.start("ingest-service", "enrich-service", "kpi-service");
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        PIPELINE.close();
    }

    @Test
    void aGeneratedFileTravelsToGoldAndTheServedFiguresEqualTheFilesOwn() throws Exception {
        String dataset = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = PIPELINE.generate(dataset, ClickstreamOptions.builder()
                .seed(2026).rows(30_000).startDate(LocalDate.of(2019, 10, 30)).days(3)
                // exact duplicate rows, some of them across split boundaries, must count once
                .duplicateShare(0.01)
                .build());

        HttpResponse<String> accepted = PIPELINE.land(dataset, csv);
        assertEquals(201, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).get("id").asText();
        assertTrue(JSON.readTree(accepted.body()).get("journey").get("splits").asInt() > 1, "several splits");

        JsonNode journey = PIPELINE.awaitGold(id, Duration.ofMinutes(4));
        long dataRows = journey.get("bronze").get("rows").asLong();
        JsonNode counts = journey.get("journey");
        assertEquals(dataRows, counts.get("rowsWritten").asLong() + counts.get("duplicates").asLong()
                + counts.get("quarantined").asLong(), "every row is written, a duplicate or quarantined");

        PIPELINE.assertServedDailyFiguresEqualTheFiles(dataset, csv, "2019-10-01", "2019-12-01");

        int splits = JSON.readTree(accepted.body()).get("journey").get("splits").asInt();
        new ExpectedLineage(id, dataset, csv, splits, "postgres://127.0.0.1:5432/clicklake_kpi_e2e.public.")
                .assertCaptured(PIPELINE::lineageEvents, Duration.ofSeconds(30));
        assertEquals(Set.of("Bearer " + PIPELINE.lineageApiKey()), PIPELINE.lineageAuthorizations(),
                "every event came with the API key");
        Files.writeString(Path.of("target", "e2e", "lineage-" + dataset + ".mmd"),
                new LineageGraph(PIPELINE.lineageEvents()).mermaid());
        Files.write(Path.of("target", "e2e", "lineage-" + dataset + ".jsonl"),
                PIPELINE.lineageEvents().stream().map(JsonNode::toString).toList());
    }
}
