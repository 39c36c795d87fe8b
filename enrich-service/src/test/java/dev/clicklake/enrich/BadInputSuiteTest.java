package dev.clicklake.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.Decoded;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.enrich.testing.BronzeSplits;
import dev.clicklake.enrich.testing.ExpectedSilver;
import dev.clicklake.enrich.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad {@code bronze-landed} messages, table-driven, through the real Kafka against the real Azurite: each one ends
 * in the dead-letter topic exactly once, with a {@code dead-letter-reason} that says which field and why; nothing
 * of it reaches silver (no Parquet, quarantine or claim, in its dataset or the one it tried to name) or
 * {@code silver-ready}; and the consumer still processes a good split sent after it.
 */
@QuarkusTest
class BadInputSuiteTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TYPE = "dev.clicklake.bronze-landed.v1";
    private static final byte[] SMALL_FILE = generated(200);
    /** A real split with one event on each of 4,200 dates: its silver-ready would outgrow Kafka's 1 MiB. */
    private static final byte[] MANY_DATES_FILE = oneEventPerDate(4_200);

    @Inject
    ContractCodec codec;

    @Inject
    LakeStorage lake;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String prefix;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaTopics kafka;

    /** One bad message: how it is made from a valid message of a split in bronze, and what its dead letter says. */
    record BadMessage(String name, String ceType, byte[] bronze, BiConsumer<ObjectNode, Fixture> edit, String rawBody,
            String reason) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The bad message's ingestion and dataset, and a victim: another dataset's real bronze object. */
    record Fixture(String ingestionId, String dataset, LakeLocation victim) {
    }

    static Stream<BadMessage> badMessages() {
        return Stream.of(
                raw("not JSON", "{\"ingestionId\": ", "not JSON"),
                raw("empty body", "", "empty document"),
                raw("a JSON array", "[1, 2]", "refused"),
                raw("a JSON string", "\"bronze-landed\"", "refused"),
                edit("ingestionId missing", (m, f) -> m.remove("ingestionId"), "ingestionId"),
                edit("split missing", (m, f) -> m.remove("split"), "split"),
                edit("file missing", (m, f) -> m.remove("file"), "file"),
                edit("ingestionId not a UUID", (m, f) -> m.put("ingestionId", "../../etc"), "ingestionId"),
                edit("dataset with a slash", (m, f) -> m.put("dataset", "../victim"), "dataset"),
                edit("dataset over 63 characters", (m, f) -> m.put("dataset", "d".repeat(64)), "dataset"),
                edit("sourceName over 255 characters", (m, f) -> m.put("sourceName", "s".repeat(256)), "sourceName"),
                edit("unknown data schema version", (m, f) -> format(m).put("dataSchemaVersion", "rees46-csv/2"),
                        "dataSchemaVersion"),
                edit("eight columns", (m, f) -> format(m).withArray("columns").remove(8), "columns"),
                edit("negative offset", (m, f) -> split(m).put("offset", -1), "offset"),
                edit("split count zero", (m, f) -> split(m).put("count", 0), "count"),
                edit("bad sha256", (m, f) -> file(m).put("sha256", "xyz"), "sha256"),
                edit("offset as text", (m, f) -> split(m).put("offset", "0"), "offset"),
                new BadMessage("wrong CloudEvents type (v2)", "dev.clicklake.bronze-landed.v2", SMALL_FILE, (m, f) -> { },
                        null, "CloudEvents type dev.clicklake.bronze-landed.v2 is not"),
                // what its sender may not name (BronzeLandedCheck): nothing is read
                edit("another container (silver)", (m, f) -> file(m).put("container", "silver"),
                        "file.container is silver, not the bronze container bronze"),
                edit("another container (gold)", (m, f) -> file(m).put("container", "gold"), "file.container is gold"),
                edit("another dataset's object", (m, f) -> file(m).put("path", f.victim().path()),
                        "is outside dataset"),
                edit("path traversal out of the dataset", (m, f) -> file(m).put("path",
                        f.dataset() + "/../" + f.victim().path()), "segments"),
                edit("path traversal in the file name", (m, f) -> file(m).put("path",
                        f.dataset() + "/2019-10-01/" + f.ingestionId() + "/.."), "has a file name bronze never holds"),
                edit("path with an empty segment", (m, f) -> file(m).put("path",
                        f.dataset() + "//" + f.ingestionId() + "/generated.csv"), "has no ingest date"),
                edit("path with a backslash", (m, f) -> file(m).put("path",
                        f.dataset() + "/2019-10-01/" + f.ingestionId() + "/..\\generated.csv"), "file name bronze never holds"),
                edit("path of another ingestion", (m, f) -> file(m).put("path",
                        f.dataset() + "/2019-10-01/" + UUID.randomUUID() + "/generated.csv"), "belongs to another ingestion"),
                edit("path too shallow", (m, f) -> file(m).put("path", f.dataset() + "/generated.csv"), "2 segments"),
                edit("offset past the end of the file", (m, f) -> split(m).put("offset", SMALL_FILE.length + 1),
                        "runs past the end of the file's"),
                edit("offset + length overflowing", (m, f) -> split(m).put("offset", Long.MAX_VALUE - 5)
                        .put("length", Long.MAX_VALUE - 5), "runs past the end"),
                edit("split index not below count", (m, f) -> split(m).put("index", 1).put("count", 1),
                        "split.index 1 is not below split.count 1"),
                edit("file.bytes larger than the object", (m, f) -> file(m).put("bytes", SMALL_FILE.length + 1000),
                        "bytes, not the file.bytes " + (SMALL_FILE.length + 1000)),
                new BadMessage("bronze object missing", TYPE, null, (m, f) -> { }, null, "no longer exists"),
                new BadMessage("a split of 4,200 distinct event dates", TYPE, MANY_DATES_FILE, (m, f) -> { }, null,
                        "the split spans more than 2000 event dates"));
    }

    @BeforeEach
    void clients() {
        kafka = new KafkaTopics(bootstrap);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void aBadMessageIsDeadLetteredOnceWithItsReasonLeavesNothingAndTheNextGoodSplitIsProcessed(BadMessage bad)
            throws Exception {
        String badId = UUID.randomUUID().toString();
        Fixture fixture = new Fixture(badId, "bad-" + badId.substring(0, 8), landGood("victim-" + badId.substring(0, 8),
                UUID.randomUUID().toString()).file().location());
        String key = badId + "/0";

        kafka.send(prefix + "bronze-landed", key, body(bad, fixture), KafkaTopics.cloudEventHeaders(bad.ceType(), badId));
        ConsumerRecord<String, String> dead = kafka.await(prefix + "clicklake-dead-letter", r -> key.equals(r.key()),
                1, WAIT).get(0);
        String reason = KafkaTopics.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains(bad.reason()), "dead-letter-reason: " + reason);
        assertEquals(prefix + "bronze-landed", KafkaTopics.header(dead, "dead-letter-topic"));

        // the consumer still works: a good split sent afterwards is enriched and announced
        String goodId = UUID.randomUUID().toString();
        BronzeLanded good = landGood("good-" + goodId.substring(0, 8), goodId);
        kafka.send(prefix + "bronze-landed", goodId + "/0", codec.mapper().writeValueAsString(good),
                KafkaTopics.cloudEventHeaders(TYPE, goodId));
        ConsumerRecord<String, String> ready = kafka.await(prefix + "silver-ready",
                r -> (goodId + "/0").equals(r.key()), 1, WAIT).get(0);
        SilverReady announced = ((Decoded.Accepted<SilverReady>) codec.decode(Contract.SILVER_READY, SilverReady.class,
                ready.value())).payload();
        assertEquals(ExpectedSilver.dataLines(SMALL_FILE, true), announced.counts().rowsIn());

        // nothing of the bad message anywhere, and it was dead-lettered once, not again and again
        assertEquals(List.of(), kafka.readToEnd(prefix + "silver-ready", r -> r.key() != null && r.key().startsWith(badId)));
        assertEquals(1, kafka.readToEnd(prefix + "clicklake-dead-letter", r -> key.equals(r.key())).size());
        assertEquals(List.of(), silverObjects(fixture.dataset()));
        assertEquals(List.of(), silverObjects(fixture.victim().path().substring(0, fixture.victim().path().indexOf('/'))));
    }

    // ---- how the cases are made --------------------------------------------------------------------------

    private static BadMessage raw(String name, String body, String reason) {
        return new BadMessage(name, TYPE, SMALL_FILE, (m, f) -> { }, body, reason);
    }

    private static BadMessage edit(String name, BiConsumer<ObjectNode, Fixture> edit, String reason) {
        return new BadMessage(name, TYPE, SMALL_FILE, edit, null, reason);
    }

    private static ObjectNode file(ObjectNode message) {
        return (ObjectNode) message.get("file");
    }

    private static ObjectNode split(ObjectNode message) {
        return (ObjectNode) message.get("split");
    }

    private static ObjectNode format(ObjectNode message) {
        return (ObjectNode) message.get("format");
    }

    /** The bad message's body: its raw text, or the valid message of its bronze object (landed now) edited. */
    private String body(BadMessage bad, Fixture fixture) throws IOException {
        if (bad.rawBody() != null) {
            return bad.rawBody();
        }
        byte[] bytes = bad.bronze() == null ? SMALL_FILE : bad.bronze();
        LakeLocation location = bronzeLocation(fixture.dataset(), fixture.ingestionId());
        if (bad.bronze() != null) {
            lake.create(location, new ByteArrayInputStream(bytes));
        }
        BronzeLanded valid = BronzeSplits.messages(fixture.ingestionId(), fixture.dataset(), location, bytes, true, 1).get(0);
        ObjectNode message = codec.mapper().valueToTree(valid);
        bad.edit().accept(message, fixture);
        return codec.mapper().writeValueAsString(message);
    }

    private BronzeLanded landGood(String dataset, String ingestionId) throws IOException {
        LakeLocation location = bronzeLocation(dataset, ingestionId);
        lake.create(location, new ByteArrayInputStream(SMALL_FILE));
        return BronzeSplits.messages(ingestionId, dataset, location, SMALL_FILE, true, 1).get(0);
    }

    private static LakeLocation bronzeLocation(String dataset, String ingestionId) {
        return LakeLocation.of("bronze", dataset + "/2019-10-01/" + ingestionId + "/generated.csv");
    }

    private List<String> silverObjects(String dataset) throws IOException {
        List<String> objects = new ArrayList<>();
        for (LakeObject object : lake.list(LakeLocation.of("silver", dataset + "/"))) {
            objects.add(object.location().path());
        }
        return objects;
    }

    private static byte[] generated(long rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ClickstreamGenerator(ClickstreamOptions.builder().rows(rows).days(2).seed(rows).build()).generate(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] oneEventPerDate(int dates) {
        StringBuilder csv = new StringBuilder(
                "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session\n");
        LocalDate first = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < dates; i++) {
            csv.append(first.plusDays(i)).append(" 10:00:00 UTC,view,1004237,2053013555631882655,electronics.smartphone,")
                    .append("apple,1081.98,535871217,c6bd7419-2748-4c56-95b4-8cec9ff8b80d\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
