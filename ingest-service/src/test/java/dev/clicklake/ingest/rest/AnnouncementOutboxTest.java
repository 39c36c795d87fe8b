package dev.clicklake.ingest.rest;

import static dev.clicklake.ingest.rest.IngestTestSupport.dataset;
import static dev.clicklake.ingest.rest.IngestTestSupport.generate;
import static dev.clicklake.ingest.rest.IngestTestSupport.upload;
import static dev.clicklake.ingest.rest.IngestTestSupport.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import dev.clicklake.contracts.event.Split;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.testing.KafkaTestClient;
import dev.clicklake.ingest.landing.ColumnLayout;
import dev.clicklake.ingest.landing.LandingResult;
import dev.clicklake.ingest.messaging.BronzeLandedPublisher;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The bronze-landed outbox against the real ledger and broker, with the test profile's 0.5 s rounds: what the
 * ledger holds as landed but unannounced is announced by a round, without a restart; a failing send is recorded
 * and tried again after its backoff; a claimed ingestion is not handed out twice.
 */
@QuarkusTest
class AnnouncementOutboxTest {

    @Inject
    IngestionLedger ledger;

    @Inject
    BronzeLandedPublisher publisher;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Test
    void anIngestionLeftUnannouncedInTheLedgerIsAnnouncedByTheNextRoundWithoutARestart() throws Exception {
        String id = land();
        int splits = view(id).get("journey").get("splits").asInt();
        assertEquals(splits, announced(id, splits).size());

        // as a broker outage or a crash between landing and announcing leaves it
        update(id, "publishedAt = null, announceClaimedUntil = null");

        JsonNode announcedAgain = awaitView(id, v -> !v.get("timings").get("publishedAt").isNull());
        assertEquals(2 * splits, announced(id, 2 * splits).size(), "every split announced again by the round");
        assertEquals(2, announcedAgain.get("announcement").get("attempts").asInt(), announcedAgain.toString());
    }

    @Test
    void aSendThatFailsIsRecordedAndTriedAgainAfterItsBackoffUntilItGoesThrough() throws Exception {
        String id = land();
        int splits = view(id).get("journey").get("splits").asInt();
        announced(id, splits);
        // a message the contract refuses cannot be sent: the publisher throws, as it does when the broker is away
        update(id, "publishedAt = null, announceClaimedUntil = null, sourceName = '" + "x".repeat(300) + "'");

        JsonNode failing = awaitView(id, v -> v.get("announcement").get("attempts").asInt() >= 3);
        assertTrue(failing.get("timings").get("publishedAt").isNull(), failing.toString());
        assertTrue(failing.get("announcement").get("lastError").asText().contains("sourceName"), failing.toString());
        assertTrue(!failing.get("announcement").get("nextAttemptBy").isNull(), failing.toString());

        update(id, "sourceName = 'a.csv'");
        JsonNode through = awaitView(id, v -> !v.get("timings").get("publishedAt").isNull());
        assertTrue(through.get("announcement").get("lastError").isNull(), through.toString());
        assertEquals(2 * splits, announced(id, 2 * splits).size());
    }

    @Test
    void aClaimedIngestionIsNotHandedOutAgainWhileItsClaimHolds() throws Exception {
        String id = land();
        announced(id, view(id).get("journey").get("splits").asInt());
        // claimed by someone else (a first send in flight) a minute ahead: no round takes it
        QuarkusTransaction.requiringNew().run(() -> Ingestion.update(
                "publishedAt = null, announceClaimedUntil = ?1 where id = ?2", Instant.now().plusSeconds(60), UUID.fromString(id)));
        List<Ingestion> claimed = ledger.claimUnannounced(1000);
        assertTrue(claimed.stream().noneMatch(i -> i.id.toString().equals(id)), "a held claim is not handed out");
        Thread.sleep(1500); // three rounds
        assertTrue(view(id).get("timings").get("publishedAt").isNull(), "no round sent it while it was claimed");
        update(id, "announceClaimedUntil = null");
        awaitView(id, v -> !v.get("timings").get("publishedAt").isNull());
    }

    @Test
    void whatTheContractWouldRefuseIsFoundBeforeAFileIsRecordedAsLanded() {
        Ingestion receiving = new Ingestion();
        receiving.id = UUID.randomUUID();
        receiving.dataset = "d";
        LandingResult landed = new LandingResult(100, "0".repeat(64), new ColumnLayout(ClickstreamColumns.NAMES, true), 2,
                List.of(new Split(0, 1, 0, 100, 2, 2)));
        LakeLocation bronze = LakeLocation.of("bronze", "d/2026-12-07/" + receiving.id + "/a.csv");

        assertEquals(List.of(), publisher.violations(receiving, "a.csv", null, bronze, landed));
        List<String> refused = publisher.violations(receiving, "a".repeat(256), null, bronze, landed);
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).contains("sourceName"), refused.toString());
    }

    private static String land() throws Exception {
        Response created = upload(dataset(), "a.csv", generate(UUID.randomUUID().getMostSignificantBits(), 600, true), null);
        assertEquals(201, created.statusCode(), created.asString());
        return created.jsonPath().getString("id");
    }

    private static void update(String id, String set) {
        QuarkusTransaction.requiringNew().run(() -> Ingestion.update(set + " where id = ?1", UUID.fromString(id)));
    }

    private static JsonNode awaitView(String id, Predicate<JsonNode> reached) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode view = view(id);
        while (!reached.test(view)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never reached: " + view);
            }
            Thread.sleep(200);
            view = view(id);
        }
        return view;
    }

    private List<KafkaTestClient.Received> announced(String id, int expected) {
        return KafkaTestClient.await(topicPrefix + "bronze-landed", r -> id.equals(r.header("ce_ingestionid")), expected,
                Duration.ofSeconds(20));
    }
}
