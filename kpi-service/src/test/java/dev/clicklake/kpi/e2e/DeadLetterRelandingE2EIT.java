package dev.clicklake.kpi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.testing.KafkaTestClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A file whose bronze object is gone before enrich-service reads it is dead-lettered split by split, its
 * ingestion ends FAILED with the reason, and the same file landed again reaches gold with every event exactly
 * once: the three packaged services as separate JVMs against the local stack's Kafka, PostgreSQL and Azurite.
 * enrich-service is started only after the bronze object was deleted, so every split of the first ingestion
 * meets a missing object.
 */
class DeadLetterRelandingE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final E2EPipeline PIPELINE =
            new E2EPipeline(Path.of("target", "e2e-dead-letter"), "clicklake_ingest_e2e_dl", "clicklake_kpi_e2e_dl");

    @BeforeAll
    static void startIngestAndKpiButNotEnrich() throws Exception {
        PIPELINE.start("ingest-service", "kpi-service");
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        PIPELINE.close();
    }

    @Test
    void aDeadLetteredFileFailsItsIngestionAndLandedAgainCountsEveryEventOnce() throws Exception {
        String dataset = "e2e-dl-" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = PIPELINE.generate(dataset, ClickstreamOptions.builder()
                .seed(4711).rows(30_000).startDate(LocalDate.of(2019, 10, 30)).days(3)
                // exact duplicate rows, some of them across split boundaries, must count once
                .duplicateShare(0.01)
                .build());
        List<String> lines = Files.readAllLines(csv);
        long dataRows = lines.size() - 1;
        long distinctRows = lines.stream().skip(1).distinct().count();

        // 1. landed while enrich-service is not running: announced, and nobody reads it yet
        HttpResponse<String> first = PIPELINE.land(dataset, csv);
        assertEquals(201, first.statusCode(), first.body());
        String failedId = JSON.readTree(first.body()).get("id").asText();
        JsonNode landed = PIPELINE.awaitIngestion(failedId, "LANDED and announced", view ->
                        "LANDED".equals(view.get("status").asText()) && !view.get("timings").get("publishedAt").isNull(),
                List.of("FAILED", "REJECTED"), Duration.ofMinutes(2));
        int splits = landed.get("journey").get("splits").asInt();
        assertTrue(splits > 1, "several splits: " + landed);
        assertEquals(dataRows, landed.get("bronze").get("rows").asLong(), "bronze rows");

        // 2. its bronze object deleted, then enrich-service started: every split is refused and dead-lettered
        LakeLocation bronze = LakeLocation.of(landed.get("bronze").get("container").asText(),
                landed.get("bronze").get("path").asText());
        LakeStorage lake = E2EPipeline.lake();
        assertTrue(lake.delete(bronze), "the bronze object was there to delete: " + bronze);
        assertTrue(lake.stat(bronze).isEmpty(), "the bronze object is gone: " + bronze);
        PIPELINE.start("enrich-service");

        JsonNode failed = PIPELINE.awaitIngestion(failedId, "FAILED with all " + splits + " splits dead-lettered",
                view -> "FAILED".equals(view.get("status").asText())
                        && view.get("journey").get("deadLettered").asInt() == splits,
                List.of("REJECTED", "GOLD_READY"), Duration.ofMinutes(4));
        String reason = failed.get("reason").asText();
        assertTrue(reason.contains("was dead-lettered") && reason.contains("bronze-landed")
                && reason.contains(bronze.path()) && reason.contains("no longer exists")
                && reason.contains("land the same file again"), "the ingestion's reason: " + reason);
        JsonNode journey = failed.get("journey");
        assertEquals(0, journey.get("silverDone").asInt(), "no split reached silver: " + journey);
        assertEquals(0, journey.get("goldDone").asInt(), "no split reached gold: " + journey);
        assertEquals(0, journey.get("rowsWritten").asLong(), "nothing written to silver: " + journey);
        assertEquals(splits, journey.get("splitDetails").size(), "split details: " + journey);
        for (JsonNode split : journey.get("splitDetails")) {
            JsonNode deadLetter = split.get("deadLetter");
            String which = "split " + split.get("index").asInt() + ": " + split;
            assertFalse(deadLetter.isNull(), which);
            assertEquals(PIPELINE.topic("bronze-landed"), deadLetter.get("topic").asText(), which);
            assertFalse(deadLetter.get("partition").isNull(), which);
            assertFalse(deadLetter.get("offset").isNull(), which);
            assertFalse(deadLetter.get("at").isNull(), which);
            assertTrue(deadLetter.get("reason").asText().contains(bronze.path())
                    && deadLetter.get("reason").asText().contains("no longer exists"), which);
            assertTrue(split.get("silverAt").isNull(), which);
        }
        // the dead-letter topic itself holds one refused bronze-landed per split, keyed <ingestion id>/<index>
        Set<String> deadLetterKeys = KafkaTestClient.await(PIPELINE.topic("clicklake-dead-letter"),
                        record -> record.key() != null && record.key().startsWith(failedId + "/"), splits,
                        Duration.ofSeconds(30)).stream()
                .map(KafkaTestClient.Received::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.range(0, splits).mapToObj(i -> failedId + "/" + i)
                .collect(Collectors.toCollection(TreeSet::new)), deadLetterKeys, "dead letters on the topic");

        // 3. the same file landed again: a new ingestion, which reaches gold with every event exactly once
        HttpResponse<String> again = PIPELINE.land(dataset, csv);
        assertEquals(201, again.statusCode(), "a FAILED ingestion's content lands again: " + again.body());
        String relandedId = JSON.readTree(again.body()).get("id").asText();
        assertNotEquals(failedId, relandedId, "a new ingestion");

        JsonNode gold = PIPELINE.awaitGold(relandedId, Duration.ofMinutes(4));
        JsonNode counts = gold.get("journey");
        assertEquals(0, counts.get("deadLettered").asInt(), "re-landed: " + counts);
        assertEquals(dataRows, gold.get("bronze").get("rows").asLong(), "bronze rows");
        assertEquals(distinctRows, counts.get("rowsWritten").asLong(),
                "every distinct event written to silver by the re-landed file: " + counts);
        assertEquals(dataRows - distinctRows, counts.get("duplicates").asLong(), "duplicates: " + counts);
        assertEquals(0, counts.get("quarantined").asLong(), "a clean file: " + counts);
        assertEquals("FAILED", PIPELINE.ingestion(failedId).get("status").asText(), "the first ingestion stays FAILED");

        PIPELINE.assertServedDailyFiguresEqualTheFiles(dataset, csv, "2019-10-01", "2019-12-01");
    }
}
