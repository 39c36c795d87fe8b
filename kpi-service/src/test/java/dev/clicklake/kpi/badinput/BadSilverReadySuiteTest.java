package dev.clicklake.kpi.badinput;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.testing.KafkaTestClient;
import dev.clicklake.kpi.support.GoldFlow;
import dev.clicklake.kpi.support.KpiTopics;
import dev.clicklake.kpi.support.SilverLake;
import dev.clicklake.kpi.support.SilverRows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad silver-ready messages, over the real Kafka, lake and database, one named case each: the message lands on the
 * dead-letter topic unchanged with a reason that says which field and why (at once when it breaks its contract or
 * names an object outside its split's silver layout; after {@code %test.clicklake.kpi.retry.deterministic-attempts}
 * attempts when its silver is missing or unreadable), and the consumer is not stuck: a good message sent after it
 * is built into gold that the API serves.
 */
@QuarkusTest
class BadSilverReadySuiteTest {

    private static final LocalDate DAY = LocalDate.of(2019, 11, 5);
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Makes a good, landed message bad (touching the lake if it must). */
    interface Spoil {
        SilverReady apply(SilverReady good, LakeStorage lake) throws Exception;
    }

    /** A spoiled message, or a raw value, and what the dead-letter reason must say. */
    record Case(Spoil spoil, String raw, String reason) {
    }

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    static Stream<Named<Case>> cases() {
        return Stream.of(
                raw("not JSON", "{not json", "not JSON"),
                raw("no ingestionId (contract)", "{\"dataset\": \"rees46\", \"files\": []}", "ingestionId"),
                spoiled("a file of another dataset", (m, lake) -> withFile(m, file(m).container(),
                        file(m).path().replaceFirst("^[^/]+/", "other-dataset/")), "files[0] is 'other-dataset/"),
                spoiled("a file path climbing out with ..", (m, lake) -> withFile(m, file(m).container(),
                        m.dataset() + "/events/event_date=" + DAY + "/../../../other-dataset/x.parquet"), "files[0] is"),
                spoiled("a file in another container", (m, lake) -> withFile(m, "bronze", file(m).path()),
                        "files[0] is in container 'bronze'"),
                spoiled("another split's file", (m, lake) -> withFile(m, file(m).container(),
                        file(m).path().replace("-00000.parquet", "-00001.parquet")), "files[0] is"),
                spoiled("a quarantine of another dataset", (m, lake) -> withQuarantine(m,
                        new LakeFile("silver", "other-dataset/quarantine/ingestion=" + m.ingestionId() + "/split-00000.jsonl",
                                10, "0".repeat(64), 1)), "quarantine is 'other-dataset/"),
                spoiled("a named silver file that does not exist", (m, lake) -> {
                    lake.delete(file(m).location());
                    return m;
                }, "does not exist"),
                spoiled("a named silver file of another size", (m, lake) -> withSize(m, file(m).bytes() + 1),
                        "bytes, not the"),
                spoiled("a corrupt Parquet file", (m, lake) -> {
                    byte[] garbage = new byte[64];
                    lake.delete(file(m).location());
                    lake.create(file(m).location(), new ByteArrayInputStream(garbage));
                    return withSize(m, garbage.length);
                }, "failed the same way 3 times"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aBadSilverReadyIsDeadLetteredWithItsReasonAndTheConsumerMovesOn(Case bad) throws Exception {
        KpiTopics kafka = new KpiTopics(topicPrefix);
        String dataset = "bad-silver-" + UUID.randomUUID().toString().substring(0, 8);
        String ingestion = UUID.randomUUID().toString();
        String sent;
        if (bad.raw() != null) {
            sent = bad.raw();
            kafka.sendRaw(Channels.SILVER_READY, ingestion, sent);
        } else {
            SilverReady good = new SilverLake(lake).land(dataset, ingestion, new SplitRef(0, 1),
                    new SilverRows(7, 20, 30).on(DAY, 50));
            SilverReady spoiled = bad.spoil().apply(good, lake);
            sent = codec.encode(Contract.SILVER_READY, spoiled);
            kafka.sendContract(Contract.SILVER_READY, spoiled, ingestion, codec);
        }

        KafkaTestClient.Received dead = kafka.await("clicklake-dead-letter", 1, record -> ingestion.equals(record.key()),
                WAIT).get(0);
        assertEquals(sent, dead.value());
        String reason = dead.header("dead-letter-reason");
        assertTrue(reason != null && reason.contains(bad.reason()), () -> "reason: " + reason);

        String next = dataset + "-next";
        new GoldFlow(lake, topicPrefix, codec).build(next, new SilverRows(8, 10, 15).on(DAY, 40));
        given().when().get("/kpi/daily?dataset=" + next + "&from=" + DAY + "&to=" + DAY.plusDays(1))
                .then().statusCode(200).body("[0].events", equalTo(40));
    }

    private static SilverFile file(SilverReady message) {
        return message.files().get(0);
    }

    private static SilverReady withFile(SilverReady m, String container, String path) {
        SilverFile f = file(m);
        return with(m, List.of(new SilverFile(container, path, f.bytes(), f.sha256(), f.rows(), f.eventDate())), m.quarantine());
    }

    private static SilverReady withSize(SilverReady m, long bytes) {
        SilverFile f = file(m);
        return with(m, List.of(new SilverFile(f.container(), f.path(), bytes, f.sha256(), f.rows(), f.eventDate())),
                m.quarantine());
    }

    private static SilverReady withQuarantine(SilverReady m, LakeFile quarantine) {
        return with(m, m.files(), quarantine);
    }

    private static SilverReady with(SilverReady m, List<SilverFile> files, LakeFile quarantine) {
        return new SilverReady(m.ingestionId(), m.dataset(), m.bronzeFile(), m.split(), files, quarantine, m.counts(),
                m.eventDates(), m.dataSchemaVersion());
    }

    private static Named<Case> raw(String name, String value, String reason) {
        return Named.of(name, new Case(null, value, reason));
    }

    private static Named<Case> spoiled(String name, Spoil spoil, String reason) {
        return Named.of(name, new Case(spoil, null, reason));
    }
}
