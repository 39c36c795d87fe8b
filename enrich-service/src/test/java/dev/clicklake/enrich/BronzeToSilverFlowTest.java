package dev.clicklake.enrich;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import dev.clicklake.contracts.clickstream.ClickstreamSummary;
import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.Decoded;
import dev.clicklake.contracts.event.QuarantineRecord;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.enrich.testing.BronzeSplits;
import dev.clicklake.enrich.testing.ExpectedSilver;
import dev.clicklake.enrich.testing.KafkaTopics;
import dev.clicklake.enrich.testing.SilverAggregates;
import dev.clicklake.enrich.testing.SilverDownloads;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * enrich-service as deployed, against the real local stack (Kafka on 127.0.0.1:9092, Azurite on :10000):
 * a generated file in bronze and its bronze-landed messages go in through Kafka; the silver-ready messages,
 * the Parquet files and the quarantine come out, checked against figures computed here from the CSV text.
 */
@QuarkusTest
class BronzeToSilverFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String prefix;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TempDir
    Path downloads;

    private KafkaTopics kafka;
    private final String ingestionId = UUID.randomUUID().toString();
    /** A dataset of its own: events are written once per dataset, and Azurite keeps the earlier runs' silver. */
    private final String dataset = "rees46-" + ingestionId.substring(0, 8);

    @BeforeEach
    void clients() {
        kafka = new KafkaTopics(bootstrap);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void enrichesEverySplitOfAFileIntoSilverAndAnnouncesIt() throws Exception {
        ClickstreamOptions options = ClickstreamOptions.builder().rows(6_000).days(2).badRows(27).duplicateShare(0.01)
                .cutLastLine(true).seed(17).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClickstreamSummary summary = new ClickstreamGenerator(options).generate(out);
        byte[] bytes = out.toByteArray();
        List<BronzeLanded> splits = land(bytes, 3);

        for (BronzeLanded split : splits) {
            sendLanded(split);
        }
        List<SilverReady> readies = awaitSilverReady(splits.size());

        // every row is accounted for, split by split
        assertEquals(6_001, ExpectedSilver.dataLines(bytes, true));
        assertEquals(6_001, readies.stream().mapToLong(r -> r.counts().rowsIn()).sum());
        for (SilverReady ready : readies) {
            assertEquals(ready.counts().written(), ready.files().stream().mapToLong(SilverFile::rows).sum());
        }

        // the Parquet files hold exactly the file's distinct good rows
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, splits),
                SilverAggregates.ofParquet(SilverDownloads.parquet(lake, readies, downloads)));
        for (SilverFile file : readies.stream().flatMap(r -> r.files().stream()).toList()) {
            assertTrue(file.path().startsWith(dataset + "/events/event_date=" + file.eventDate() + "/" + ingestionId + "-"));
        }

        // every rejected row is in the quarantine with its line, text and rule
        List<QuarantineRecord> quarantined = SilverDownloads.quarantine(lake, codec, readies);
        assertEquals(ExpectedSilver.badLineNumbers(bytes, true), quarantined.stream().map(QuarantineRecord::line).toList());
        Map<String, Long> expectedRules = new TreeMap<>(ExpectedSilver.quarantinedByRule(summary));
        expectedRules.merge("row.field_count", 1L, Long::sum); // the cut last line
        assertEquals(expectedRules, quarantined.stream().collect(Collectors.groupingBy(QuarantineRecord::rule,
                TreeMap::new, Collectors.counting())));
        for (QuarantineRecord record : quarantined) {
            assertEquals(ExpectedSilver.line(bytes, record.line()), record.original());
            assertEquals(ingestionId, record.ingestionId());
        }

        // metrics and readiness
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("clicklake_enrich_rows_in_total"))
                .body(containsString("clicklake_enrich_rows_quarantined_total{rule=\"price.negative\"}"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("lake"));
    }

    @Test
    void aRedeliveredSplitChangesNothingAndIsAnnouncedAgainTheSame() throws Exception {
        byte[] bytes = generated(2_000);
        BronzeLanded split = land(bytes, 1).get(0);
        sendLanded(split);
        SilverReady first = awaitSilverReady(1).get(0);
        List<String> committed = silverObjects();

        sendLanded(split);
        List<SilverReady> both = awaitSilverReady(2);

        assertEquals(first, both.get(0));
        assertEquals(first, both.get(1));
        assertEquals(committed, silverObjects());
    }

    @Test
    void aSplitDeadLetteredAfterClaimingFreesTheEventsItDidNotWriteForTheFileLandedAgain() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClickstreamGenerator(ClickstreamOptions.builder().rows(3_000).days(3).badRows(20).seed(41).build()).generate(out);
        byte[] bytes = out.toByteArray();
        BronzeLanded split = land(bytes, 1).get(0);
        sendLanded(split);
        SilverReady first = awaitSilverReady(1).get(0);
        // as if the replica had died right after committing its first file, and the bronze object had been
        // deleted before the message came again
        SilverFile kept = first.files().get(0);
        for (SilverFile file : first.files().subList(1, first.files().size())) {
            lake.delete(file.location());
        }
        lake.delete(first.quarantine().location());
        lake.delete(split.file().location());

        sendLanded(split);
        ConsumerRecord<String, String> dead = kafka.await(prefix + "clicklake-dead-letter",
                r -> (ingestionId + "/0").equals(r.key()), 1, WAIT).get(0);
        String again = UUID.randomUUID().toString();
        List<BronzeLanded> relanded = land(again, bytes, 2);
        for (BronzeLanded landed : relanded) {
            sendLanded(landed);
        }
        List<SilverReady> second = awaitSilverReady(again, relanded.size());

        assertTrue(KafkaTopics.header(dead, "dead-letter-reason").contains("no longer exists"));
        SilverAggregates expected = ExpectedSilver.distinctGoodLines(bytes, relanded);
        assertEquals(3_000, second.stream().mapToLong(r -> r.counts().rowsIn()).sum());
        assertEquals(20, second.stream().mapToLong(r -> r.counts().quarantined()).sum());
        assertEquals(expected.rows() - expected.byDate().get(kept.eventDate().toString()),
                second.stream().mapToLong(r -> r.counts().written()).sum());
        List<SilverFile> silver = new ArrayList<>(List.of(kept));
        second.forEach(ready -> silver.addAll(ready.files()));
        assertEquals(expected, SilverAggregates.ofParquet(SilverDownloads.parquetFiles(lake, silver, downloads)));
        assertEquals(expected.byDate().size() - 1,
                silverObjects().stream().filter(object -> object.contains("/_event-keys/") && object.contains(".void:")).count());

        // a completed split delivered again writes nothing new and is announced the same
        List<String> committed = silverObjects();
        sendLanded(relanded.get(1));
        List<SilverReady> redelivered = awaitSilverReady(again, relanded.size() + 1);
        assertEquals(second.get(1), redelivered.get(1));
        assertEquals(second.get(1), redelivered.get(2));
        assertEquals(committed, silverObjects());
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String malformed = "{\"ingestionId\":\"" + ingestionId + "\",\"dataset\":\"rees46\"}";
        kafka.send(prefix + "bronze-landed", ingestionId, malformed, cloudEventHeaders("dev.clicklake.bronze-landed.v1"));

        ConsumerRecord<String, String> dead = kafka.await(prefix + "clicklake-dead-letter",
                r -> ingestionId.equals(r.key()), 1, WAIT).get(0);

        assertEquals(malformed, dead.value());
        String reason = KafkaTopics.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("refused") && reason.contains("required"), reason);
        assertEquals(prefix + "bronze-landed", KafkaTopics.header(dead, "dead-letter-topic"));
    }

    @Test
    void aSplitWhoseBronzeObjectIsGoneGoesToTheDeadLetterTopic() throws Exception {
        BronzeLanded split = land(generated(100), 1).get(0);
        lake.delete(split.file().location());

        sendLanded(split);
        ConsumerRecord<String, String> dead = kafka.await(prefix + "clicklake-dead-letter",
                r -> (ingestionId + "/0").equals(r.key()), 1, WAIT).get(0);

        String reason = KafkaTopics.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("no longer exists"), reason);
        assertEquals(List.of(), silverObjects());
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private List<BronzeLanded> land(byte[] bytes, int splits) throws IOException {
        return land(ingestionId, bytes, splits);
    }

    /** The bytes in bronze as ingestion {@code ingestion} of this test's dataset, and their split messages. */
    private List<BronzeLanded> land(String ingestion, byte[] bytes, int splits) throws IOException {
        LakeLocation file = LakeLocation.of("bronze", dataset + "/2019-10-01/" + ingestion + "/generated.csv");
        lake.create(file, new ByteArrayInputStream(bytes));
        return BronzeSplits.messages(ingestion, dataset, file, bytes, true, splits);
    }

    private void sendLanded(BronzeLanded split) throws Exception {
        String json = codec.mapper().writeValueAsString(split);
        kafka.send(prefix + "bronze-landed", split.ingestionId() + "/" + split.split().index(), json,
                cloudEventHeaders("dev.clicklake.bronze-landed.v1", split.ingestionId()));
    }

    private Map<String, String> cloudEventHeaders(String type) {
        return cloudEventHeaders(type, ingestionId);
    }

    private static Map<String, String> cloudEventHeaders(String type, String ingestion) {
        return KafkaTopics.cloudEventHeaders(type, ingestion);
    }

    private List<SilverReady> awaitSilverReady(int count) {
        return awaitSilverReady(ingestionId, count);
    }

    /** The silver-ready messages of an ingestion, sorted by split, after checking their headers and schema. */
    private List<SilverReady> awaitSilverReady(String ingestion, int count) {
        List<ConsumerRecord<String, String>> records = kafka.await(prefix + "silver-ready",
                r -> r.key() != null && r.key().startsWith(ingestion + "/"), count, WAIT);
        List<SilverReady> readies = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("dev.clicklake.silver-ready.v1", KafkaTopics.header(record, "ce_type"));
            assertEquals(ingestion, KafkaTopics.header(record, "ce_ingestionid"));
            assertTrue(KafkaTopics.header(record, "ce_source").contains("enrich-service"));
            Decoded<SilverReady> decoded = codec.decode(Contract.SILVER_READY, SilverReady.class, record.value());
            SilverReady ready = (SilverReady) assertInstanceOf(Decoded.Accepted.class, decoded, record.value()).payload();
            assertEquals(ingestion + "/" + ready.split().index(), record.key());
            readies.add(ready);
        }
        readies.sort(Comparator.comparingInt(r -> r.split().index()));
        return readies;
    }

    private List<String> silverObjects() throws IOException {
        List<String> objects = new ArrayList<>();
        for (LakeObject object : lake.list(LakeLocation.of("silver", dataset + "/"))) {
            objects.add(object.location().path() + ":" + object.size());
        }
        return objects;
    }

    private static byte[] generated(long rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClickstreamGenerator(ClickstreamOptions.builder().rows(rows).days(2).seed(rows).build()).generate(out);
        return out.toByteArray();
    }
}
