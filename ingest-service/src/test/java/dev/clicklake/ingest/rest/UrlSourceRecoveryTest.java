package dev.clicklake.ingest.rest;

import static dev.clicklake.ingest.rest.IngestTestSupport.awaitStatus;
import static dev.clicklake.ingest.rest.IngestTestSupport.base;
import static dev.clicklake.ingest.rest.IngestTestSupport.dataset;
import static dev.clicklake.ingest.rest.IngestTestSupport.dropHalfway;
import static dev.clicklake.ingest.rest.IngestTestSupport.generate;
import static dev.clicklake.ingest.rest.IngestTestSupport.loopbackServer;
import static dev.clicklake.ingest.rest.IngestTestSupport.sha256;
import static dev.clicklake.ingest.rest.IngestTestSupport.startUrl;
import static dev.clicklake.ingest.rest.IngestTestSupport.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * URL sources whose servers misbehave midway, against real loopback HTTP servers: no byte ranges and a
 * dropped connection (read again from byte 0), always dropping (retry budget spent), stalling (read timeout).
 * The test profile allows 3 retries with 50 ms backoff, a 1 s read timeout and a progress report per 64 KiB.
 */
@QuarkusTest
class UrlSourceRecoveryTest {

    @Inject
    LakeStorage lake;

    @Test
    void aServerWithoutRangesThatDropsMidwayIsReadAgainFromByteZeroAndOnlyTheWholeFileLands() throws Exception {
        byte[] file = generate(31, 3000, true);
        AtomicInteger requests = new AtomicInteger();
        AtomicReference<String> id = new AtomicReference<>();
        List<String> ranges = new CopyOnWriteArrayList<>();
        List<JsonNode> ledgerSeen = new CopyOnWriteArrayList<>();
        HttpServer server = loopbackServer();
        server.createContext("/no-ranges.csv", exchange -> {
            int n = requests.incrementAndGet();
            ranges.add(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            ledgerSeen.add(ledgerOnceStarted(id));
            if (n <= 2) {
                dropHalfway(exchange, file); // the Range request of the 2nd is ignored: 200 and the file from byte 0
            } else {
                sendWhole(exchange, file);
            }
        });
        server.start();
        try {
            String dataset = dataset();
            id.set(startUrl(dataset, base(server) + "/no-ranges.csv"));
            JsonNode landed = awaitStatus(id.get(), "LANDED");

            assertEquals(sha256(file), landed.get("bronze").get("sha256").asText(), "the whole file, once");
            assertEquals(List.of("null", "bytes=" + file.length / 2 + "-", "null"), ranges,
                    "a drop, a Range request answered with 200, then the file read again from byte 0");
            assertTrue(ledgerSeen.get(1).get("progress").get("bytesReceived").asLong() > 0,
                    "the first attempt's bytes were counted: " + ledgerSeen.get(1));
            assertEquals(0, ledgerSeen.get(2).get("progress").get("bytesReceived").asLong(),
                    "reading again from byte 0 starts the count again: " + ledgerSeen.get(2));
            assertTrue(ledgerSeen.get(2).get("reason").asText().contains("from byte 0"), ledgerSeen.get(2).toString());
            assertTrue(landed.get("reason").isNull(), landed.toString());
            assertEquals(file.length, landed.get("progress").get("bytesReceived").asLong());
            assertEquals(1, lake.list(LakeLocation.of("bronze", dataset + "/")).size(), "one object, the whole file");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerWithoutRangesThatAlwaysDropsIsFailedOnceTheRetryBudgetIsSpentAndNothingLands() throws Exception {
        byte[] file = generate(32, 2000, true);
        AtomicInteger fromStart = new AtomicInteger();
        HttpServer server = loopbackServer();
        server.createContext("/always-drops.csv", exchange -> {
            if (exchange.getRequestHeaders().getFirst("Range") == null) {
                fromStart.incrementAndGet();
            }
            dropHalfway(exchange, file);
        });
        server.start();
        try {
            String dataset = dataset();
            JsonNode failed = awaitStatus(startUrl(dataset, base(server) + "/always-drops.csv"), "FAILED");
            assertEquals(4, fromStart.get(), "the first attempt and 3 retries (%test.clicklake.ingest.url.retries)");
            assertTrue(failed.get("reason").asText().contains("failed 4 times"), failed.toString());
            assertTrue(failed.get("bronze").isNull(), failed.toString());
            assertTrue(lake.list(LakeLocation.of("bronze", dataset + "/")).isEmpty(), "nothing partial is visible");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerThatStallsMidBodyTimesOutAndIsResumedOrFailedSayingItTimedOut() throws Exception {
        byte[] file = generate(33, 2000, true);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger stalledOnce = new AtomicInteger();
        AtomicInteger stalling = new AtomicInteger();
        HttpServer server = loopbackServer();
        server.createContext("/stalls-once.csv", exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (range == null && stalledOnce.incrementAndGet() == 1) {
                sendHalfThenStall(exchange, file, release);
                return;
            }
            int from = range == null ? 0 : Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (file.length - 1) + "/" + file.length);
            exchange.sendResponseHeaders(range == null ? 200 : 206, file.length - from);
            exchange.getResponseBody().write(file, from, file.length - from);
            exchange.close();
        });
        server.createContext("/stalls.csv", exchange -> {
            stalling.incrementAndGet();
            sendHalfThenStall(exchange, file, release);
        });
        server.start();
        try {
            String dataset = dataset();
            JsonNode resumed = awaitStatus(startUrl(dataset, base(server) + "/stalls-once.csv"), "LANDED");
            assertEquals(sha256(file), resumed.get("bronze").get("sha256").asText(), "resumed after the stall");

            JsonNode failed = awaitStatus(startUrl(dataset, base(server) + "/stalls.csv"), "FAILED");
            String reason = failed.get("reason").asText();
            assertTrue(reason.contains("timed out") && reason.contains("failed 4 times"), reason);
            assertTrue(stalling.get() >= 4, "every attempt stalled: " + stalling.get());
            assertEquals(1, lake.list(LakeLocation.of("bronze", dataset + "/")).size(), "only the resumed file landed");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    private static void sendWhole(HttpExchange exchange, byte[] file) throws IOException {
        exchange.sendResponseHeaders(200, file.length);
        exchange.getResponseBody().write(file);
        exchange.close();
    }

    private static void sendHalfThenStall(HttpExchange exchange, byte[] file, CountDownLatch release) throws IOException {
        exchange.sendResponseHeaders(200, file.length);
        exchange.getResponseBody().write(file, 0, file.length / 2);
        exchange.getResponseBody().flush();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    /** The ingestion's ledger view as the server sees it when a request comes in (the id is known by then). */
    private static JsonNode ledgerOnceStarted(AtomicReference<String> id) {
        try {
            Instant deadline = Instant.now().plusSeconds(10);
            while (id.get() == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            return view(id.get());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
