package dev.clicklake.ingest.rest;

import static dev.clicklake.ingest.rest.IngestTestSupport.awaitStatus;
import static dev.clicklake.ingest.rest.IngestTestSupport.dataset;
import static dev.clicklake.ingest.rest.IngestTestSupport.generate;
import static dev.clicklake.ingest.rest.IngestTestSupport.upload;
import static dev.clicklake.ingest.rest.IngestTestSupport.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.Decoded;
import dev.clicklake.contracts.event.RowCounts;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A split dead-lettered downstream fails its ingestion with the reason, and the same file lands again as a new
 * ingestion: against the real Kafka (the shared dead-letter topic), PostgreSQL and Azurite.
 */
@QuarkusTest
class DeadLetterRelandingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @ConfigProperty(name = "mp.messaging.incoming.clicklake-dead-letter.group.id")
    String deadLetterGroup;

    @Test
    void aDeadLetteredSplitFailsItsIngestionOnceAndTheSameFileLandsAgainAsANewIngestion() throws Exception {
        String dataset = dataset();
        byte[] file = generate(21, 1500, true);
        Response first = upload(dataset, "2019-Oct.csv", file, null);
        assertEquals(201, first.statusCode(), first.asString());
        String id = first.jsonPath().getString("id");
        List<KafkaTestClient.Received> announced = announced(id, first.jsonPath().getInt("journey.splits"));
        assertTrue(announced.size() > 1, "the 64K test split size cuts this file into several splits");
        // what enrich-service's dead-letter queue writes for split 0: the record unchanged, its headers kept
        KafkaTestClient.Received split0 = announced.get(0);
        assertEquals(id + "/0", split0.key());
        String why = "the bronze object of split 0 no longer exists (test " + UUID.randomUUID() + ")";
        Map<String, String> headers = deadLetterHeaders(split0.headers(), topicPrefix + "bronze-landed", why, 1, 41);

        KafkaTestClient.send(deadLetterTopic(), split0.key(), split0.value(), headers);

        JsonNode failed = awaitStatus(id, "FAILED");
        String reason = failed.get("reason").asText();
        assertTrue(reason.startsWith("split 0 of " + announced.size() + " was dead-lettered"), reason);
        assertTrue(reason.contains(topicPrefix + "bronze-landed partition 1 offset 41"), reason);
        assertTrue(reason.contains("did not reach silver"), reason);
        assertTrue(reason.endsWith(why + "; land the same file again to recover its events"), reason);
        JsonNode deadLetter = failed.get("journey").get("splitDetails").get(0).get("deadLetter");
        assertEquals(topicPrefix + "bronze-landed", deadLetter.get("topic").asText());
        assertEquals(1, deadLetter.get("partition").asInt());
        assertEquals(41, deadLetter.get("offset").asLong());
        assertEquals(why, deadLetter.get("reason").asText());
        assertEquals(1, failed.get("journey").get("deadLettered").asInt());
        assertTrue(failed.get("journey").get("splitDetails").get(1).get("deadLetter").isNull());

        // the same dead letter again, and records that are not a split's dead letter: nothing changes
        KafkaTestClient.send(deadLetterTopic(), split0.key(), split0.value(), headers);
        KafkaTestClient.send(deadLetterTopic(), split0.key(), split0.value(),
                deadLetterHeaders(split0.headers(), topicPrefix + "bronze-landed", "refused a second time", 2, 7));
        KafkaTestClient.send(deadLetterTopic(), "order-42", "{\"order\":42}",
                Map.of("dead-letter-topic", "orders", "dead-letter-reason", "payment refused"));
        KafkaTestClient.send(deadLetterTopic(), id + "/1", "not even JSON", Map.of());
        KafkaTestClient.send(deadLetterTopic(), id + "/1", announced.get(1).value(),
                deadLetterHeaders(announced.get(1).headers(), "someone-elses-bronze-landed", "x", 0, 1));
        KafkaTestClient.send(deadLetterTopic(), UUID.randomUUID() + "/0", "{}",
                Map.of("dead-letter-topic", topicPrefix + "bronze-landed", "dead-letter-reason", "unknown ingestion"));
        Map<String, String> otherIngestion = new HashMap<>(deadLetterHeaders(announced.get(1).headers(),
                topicPrefix + "bronze-landed", "x", 0, 2));
        otherIngestion.put("ce_ingestionid", UUID.randomUUID().toString());
        KafkaTestClient.send(deadLetterTopic(), id + "/1", announced.get(1).value(), otherIngestion);
        assertTrue(KafkaTestClient.awaitConsumed(deadLetterGroup, deadLetterTopic(), WAIT),
                "ingest-service reads the whole dead-letter topic, foreign records included");
        assertEquals(failed, view(id), "neither the repeated dead letter nor the foreign records changed the ledger");

        Response again = upload(dataset, "2019-Oct.csv", file, null);
        assertEquals(201, again.statusCode(), again.asString());
        String relanded = again.jsonPath().getString("id");
        assertNotEquals(id, relanded, "the same content lands as a new ingestion after the failure");
        assertEquals("LANDED", again.jsonPath().getString("status"));
        assertEquals(file.length, again.jsonPath().getLong("progress.bytesReceived"));
        assertEquals(announced.size(), announced(relanded, announced.size()).size(), "the new ingestion is announced");

        // silver's reports for the failed ingestion's other splits, arriving late, are recorded; it stays FAILED
        // (while its content is live again under the new ingestion)
        for (KafkaTestClient.Received split : announced.subList(1, announced.size())) {
            BronzeLanded landed = ((Decoded.Accepted<BronzeLanded>) codec.decode(Contract.BRONZE_LANDED, BronzeLanded.class,
                    split.value())).payload();
            SilverReady silver = new SilverReady(id, dataset, landed.file().location(), landed.split().ref(), List.of(), null,
                    new RowCounts(landed.split().rows(), landed.split().rows(), 0, 0, Map.of()), null,
                    SilverReady.SILVER_EVENTS_V1);
            KafkaTestClient.send(topicPrefix + "silver-ready", split.key(), codec.encode(Contract.SILVER_READY, silver),
                    KafkaTestClient.cloudEventHeaders(Contract.SILVER_READY.cloudEventType(), id));
        }
        JsonNode late = awaitView(id, v -> v.get("journey").get("silverDone").asInt() == announced.size() - 1);
        assertEquals("FAILED", late.get("status").asText());
        assertEquals(reason, late.get("reason").asText());
        assertEquals("LANDED", view(relanded).get("status").asText());
    }

    @Test
    void aSilverReadyReportRefusedByTheRealDeadLetterQueueFailsItsIngestion() throws Exception {
        Response landed = upload(dataset(), "2019-Oct.csv", generate(22, 300, true), null);
        assertEquals(201, landed.statusCode(), landed.asString());
        String id = landed.jsonPath().getString("id");
        // breaks the silver-ready contract: ingest-service's own silver-ready channel dead-letters it, with
        // SmallRye's real headers (kpi-service, reading the same topic, would do the same)
        String malformed = "{\"ingestionId\":\"" + id + "\",\"dataset\":\"x\"}";
        KafkaTestClient.send(topicPrefix + "silver-ready", id + "/0", malformed,
                KafkaTestClient.cloudEventHeaders(Contract.SILVER_READY.cloudEventType(), id));

        JsonNode failed = awaitStatus(id, "FAILED");

        String reason = failed.get("reason").asText();
        assertTrue(reason.startsWith("split 0 of 1 was dead-lettered: its silver-ready message (" + topicPrefix
                + "silver-ready partition "), reason);
        assertTrue(reason.contains("did not reach gold") && reason.contains(Contract.SILVER_READY.cloudEventType() + " refused"),
                reason);
        assertTrue(failed.get("journey").get("splitDetails").get(0).get("deadLetter").get("reason").asText()
                .contains("refused"));
    }

    private static JsonNode awaitView(String id, Predicate<JsonNode> until) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode view = view(id);
        while (!until.test(view) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            view = view(id);
        }
        assertTrue(until.test(view), view::toString);
        return view;
    }

    private String deadLetterTopic() {
        return topicPrefix + "clicklake-dead-letter";
    }

    /** The headers SmallRye's dead-letter queue gives a refused record: its own, plus where and why. */
    private static Map<String, String> deadLetterHeaders(Map<String, String> original, String topic, String reason,
            int partition, long offset) {
        Map<String, String> headers = new HashMap<>(original);
        headers.put("dead-letter-exception-class-name", "dev.clicklake.contracts.runtime.UnprocessableMessageException");
        headers.put("dead-letter-reason", reason);
        headers.put("dead-letter-topic", topic);
        headers.put("dead-letter-partition", Integer.toString(partition));
        headers.put("dead-letter-offset", Long.toString(offset));
        return headers;
    }

    /** The bronze-landed records of one ingestion, as published, in split order. */
    private List<KafkaTestClient.Received> announced(String ingestionId, int expected) {
        return KafkaTestClient.await(topicPrefix + "bronze-landed", r -> ingestionId.equals(r.header("ce_ingestionid")),
                expected, WAIT).stream().sorted(Comparator.comparing(r -> Integer.valueOf(r.key().split("/")[1]))).toList();
    }
}
