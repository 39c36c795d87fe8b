package dev.clicklake.ingest.rest;

import static dev.clicklake.ingest.rest.IngestTestSupport.awaitStatus;
import static dev.clicklake.ingest.rest.IngestTestSupport.base;
import static dev.clicklake.ingest.rest.IngestTestSupport.dataset;
import static dev.clicklake.ingest.rest.IngestTestSupport.generate;
import static dev.clicklake.ingest.rest.IngestTestSupport.loopbackServer;
import static dev.clicklake.ingest.rest.IngestTestSupport.sha256;
import static dev.clicklake.ingest.rest.IngestTestSupport.startUrl;
import static dev.clicklake.ingest.rest.IngestTestSupport.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.clicklake.ingest.landing.IngestionRequest;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import dev.clicklake.ingest.ledger.IngestionStatus;
import dev.clicklake.ingest.ledger.SourceKind;
import dev.clicklake.ingest.ledger.Replica;
import dev.clicklake.ingest.pipeline.ActiveReceivers;
import dev.clicklake.ingest.pipeline.ReceivingLeases;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Receiving leases against the real ledger, with a 3 s lease renewed every 0.5 s. The profile also turns
 * the read-ahead thread on ({@code clicklake.ingest.read-ahead}, off by default), so that its path lands a
 * real file too.
 */
@QuarkusTest
@TestProfile(ReceivingLeaseTest.ShortLease.class)
class ReceivingLeaseTest {

    static final Duration LEASE = Duration.ofSeconds(3);

    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clicklake.ingest.receiving-lease", LEASE.toString(),
                    "clicklake.ingest.lease-renew-every", "PT0.5S",
                    "clicklake.ingest.read-ahead", "1M");
        }
    }

    @Inject
    IngestionLedger ledger;

    @Inject
    ReceivingLeases leases;

    @Inject
    ActiveReceivers active;

    @Inject
    Replica replica;

    @Test
    void aReceiveLongerThanTheLeaseKeepsItsLeaseByHeartbeatAndLands() throws Exception {
        byte[] file = generate(41, 2000, true);
        int chunks = 50;
        HttpServer server = loopbackServer();
        server.createContext("/slow.csv", exchange -> {
            exchange.sendResponseHeaders(200, file.length);
            OutputStream body = exchange.getResponseBody();
            int step = file.length / chunks + 1;
            for (int from = 0; from < file.length; from += step) {
                body.write(file, from, Math.min(step, file.length - from));
                body.flush();
                pause(100); // 50 chunks over ~5 s: longer than the 3 s lease, well within the 1 s read timeout
            }
            exchange.close();
        });
        server.start();
        try {
            String id = startUrl(dataset(), base(server) + "/slow.csv");
            Set<String> leasesSeen = new TreeSet<>();
            JsonNode view = view(id);
            while ("RECEIVING".equals(view.get("status").asText())) {
                leasesSeen.add(view.get("receiver").get("leaseExpiresAt").asText());
                pause(200);
                view = view(id);
            }
            assertEquals("LANDED", view.get("status").asText(), view.toString());
            assertEquals(sha256(file), view.get("bronze").get("sha256").asText());
            Duration receiving = Duration.between(Instant.parse(view.get("timings").get("createdAt").asText()),
                    Instant.parse(view.get("timings").get("landedAt").asText()));
            assertTrue(receiving.compareTo(LEASE) > 0, "the receive outlasted one lease: " + receiving);
            assertTrue(leasesSeen.size() >= 2, "the lease was renewed while receiving: " + leasesSeen);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aStartingReplicaFailsWhatALostReceiverLeftAndLeavesLiveLeasesAlone() throws Exception {
        IngestionRequest request = IngestionRequest.of(dataset(), SourceKind.URL, "a.csv", "http://127.0.0.1/a.csv", null);
        Ingestion crashed = ledger.startReceiving(request);
        Ingestion elsewhere = ledger.startReceiving(request);
        Ingestion mine = ledger.startReceiving(request);
        active.hold(mine.id); // as its receiver does while it works on it
        lease(crashed.id, "crashed-replica/1", Instant.now().minus(Duration.ofMinutes(1)));
        lease(elsewhere.id, "live-replica/2", Instant.now().plus(Duration.ofMinutes(10)));

        leases.failLostReceivers(); // what a replica does when it starts (and at every heartbeat)

        JsonNode lost = awaitStatus(crashed.id.toString(), "FAILED");
        assertTrue(lost.get("reason").asText().startsWith("receiver lost: replica crashed-replica/1"), lost.toString());
        assertTrue(lost.get("receiver").isNull(), lost.toString());
        JsonNode live = view(elsewhere.id.toString());
        assertEquals("RECEIVING", live.get("status").asText(), "another replica's live lease is left alone");
        assertEquals("live-replica/2", live.get("receiver").get("replica").asText());
        assertEquals("RECEIVING", view(mine.id.toString()).get("status").asText(), "this replica's own live lease is left alone");
        active.release(mine.id);
        for (Ingestion done : new Ingestion[] {elsewhere, mine}) {
            ledger.end(done.id, IngestionStatus.FAILED, "test over");
        }
    }

    @Test
    void onlyTheLeasesALiveReceiverHoldsAreRenewedSoARowThisReplicaAbandonedEndsFailed() throws Exception {
        IngestionRequest request = IngestionRequest.of(dataset(), SourceKind.URL, "a.csv", "http://127.0.0.1/a.csv", null);
        Ingestion abandoned = ledger.startReceiving(request); // as a receiver that died midway leaves it
        Ingestion held = ledger.startReceiving(request);
        active.hold(held.id);
        try {
            JsonNode lost = awaitStatus(abandoned.id.toString(), "FAILED");
            assertTrue(lost.get("reason").asText().startsWith("receiver lost: replica " + replica.id()), lost.toString());
            assertTrue(lost.get("receiver").isNull(), lost.toString());
            JsonNode live = view(held.id.toString());
            assertEquals("RECEIVING", live.get("status").asText(), "a held lease is renewed: " + live);
        } finally {
            active.release(held.id);
            ledger.end(held.id, IngestionStatus.FAILED, "test over");
        }
    }

    private static void lease(UUID id, String owner, Instant expiresAt) {
        QuarkusTransaction.requiringNew().run(() -> Ingestion.update("leaseOwner = ?1, leaseExpiresAt = ?2 where id = ?3",
                owner, expiresAt, id));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
