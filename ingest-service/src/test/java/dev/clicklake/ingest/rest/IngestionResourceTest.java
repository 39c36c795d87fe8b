package dev.clicklake.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.Decoded;
import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.RowCounts;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** ingest-service against the real stack: PostgreSQL ledger, Azurite lake, Kafka broker. */
@QuarkusTest
class IngestionResourceTest {

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Test
    void anUploadLandsUnchangedInBronzeAndIsAnnouncedSplitBySplit() throws Exception {
        String dataset = dataset();
        byte[] file = generate(11, 3000, true);

        Response created = upload(dataset, "2019-Oct.csv", file, null);
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.jsonPath().getString("id");
        assertTrue(created.header("Location").endsWith("/ingestions/" + id));
        assertEquals("LANDED", created.jsonPath().getString("status"));

        String path = created.jsonPath().getString("bronze.path");
        assertEquals(dataset + "/" + LocalDate.now(java.time.ZoneOffset.UTC) + "/" + id + "/2019-Oct.csv", path);
        byte[] landed;
        try (InputStream in = lake.open(LakeLocation.of("bronze", path))) {
            landed = in.readAllBytes();
        }
        assertArrayEquals(file, landed, "bronze keeps the original bytes");
        assertEquals(sha256(file), created.jsonPath().getString("bronze.sha256"));
        assertEquals(lineCount(file) - 1, created.jsonPath().getLong("bronze.rows"), "data rows = lines - header");

        List<BronzeLanded> splits = announced(id, created.jsonPath().getInt("journey.splits"));
        assertTrue(splits.size() > 1, "the 64K test split size cuts this file into several splits");
        ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
        reassembled.write((ClickstreamColumns.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        long rows = 0;
        for (BronzeLanded split : splits) {
            assertEquals(dataset, split.dataset());
            assertEquals(ClickstreamColumns.NAMES, split.format().columns());
            try (InputStream in = lake.open(split.file().location(), split.split().offset(), split.split().length())) {
                reassembled.write(in.readAllBytes());
            }
            rows += split.split().rows();
        }
        assertArrayEquals(file, reassembled.toByteArray(), "the splits' byte ranges reassemble the exact file");
        assertEquals(lineCount(file) - 1, rows);
    }

    @Test
    void theSameContentIngestedAgainReturnsTheFirstIngestionAndAnnouncesNothing() throws Exception {
        String dataset = dataset();
        byte[] file = generate(12, 500, true);
        Response first = upload(dataset, "a.csv", file, null);
        assertEquals(201, first.statusCode(), first.asString());
        String id = first.jsonPath().getString("id");
        int splits = first.jsonPath().getInt("journey.splits");
        assertEquals(splits, announced(id, splits).size());

        Response again = upload(dataset, "renamed.csv", file, null);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(id, again.jsonPath().getString("id"));
        // waits the full 20 s for a message that must not come
        assertEquals(splits, announced(id, splits + 1).size(), "nothing was announced twice");
        assertEquals(1, given().queryParam("dataset", dataset).get("/ingestions").jsonPath().getList("id").size());
    }

    @Test
    void whatIsNotClickstreamDataIsRejectedWithItsReasonAndNothingLands() throws Exception {
        String dataset = dataset();
        assertRejected(dataset, "prices.csv", "sku,amount\n1,2\n".getBytes(StandardCharsets.UTF_8), "not a clickstream header");
        assertRejected(dataset, "empty.csv", new byte[0], "empty");
        assertRejected(dataset, "header.csv", (ClickstreamColumns.HEADER + "\n").getBytes(StandardCharsets.UTF_8), "no data rows");
        assertRejected(dataset, "noheader.csv", generate(13, 50, false), "declare its column order");
        assertTrue(lake.list(LakeLocation.of("bronze", dataset + "/")).isEmpty(), "nothing landed in bronze");
        assertEquals(List.of("REJECTED", "REJECTED", "REJECTED", "REJECTED"),
                given().queryParam("dataset", dataset).get("/ingestions").jsonPath().getList("status"));
    }

    @Test
    void aHeaderlessFileLandsWithItsDeclaredColumnOrder() throws Exception {
        Response created = upload(dataset(), "2019-Nov.csv", generate(14, 400, false), String.join(",", ClickstreamColumns.NAMES));
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(false, created.jsonPath().getBoolean("bronze.header"));
        assertEquals(400, created.jsonPath().getLong("bronze.rows"));
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        given().contentType("text/csv").body("x").post("/ingestions?dataset=Bad%20Name&fileName=a.csv")
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("dataset"));
        given().contentType("text/csv").body("x").post("/ingestions?dataset=ok&fileName=a.csv&columns=a,b")
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("columns"));
        given().get("/ingestions/not-a-uuid").then().statusCode(400);
        given().get("/ingestions/" + UUID.randomUUID()).then().statusCode(404);
        given().contentType("application/json").body(Map.of("dataset", "ok", "url", "http://example.org/a.csv"))
                .post("/ingestions").then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("not in"));
    }

    @Test
    void aUrlSourceIsFetchedThroughRedirectsAndLanded() throws Exception {
        byte[] file = generate(15, 800, true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/old/2019-Oct.csv", exchange -> {
            exchange.getResponseHeaders().add("Location", "/files/2019-Oct.csv");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/files/2019-Oct.csv", exchange -> {
            exchange.sendResponseHeaders(200, file.length);
            exchange.getResponseBody().write(file);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/old/2019-Oct.csv";
            Response created = given().contentType("application/json").body(Map.of("dataset", dataset(), "url", url))
                    .post("/ingestions");
            assertEquals(201, created.statusCode(), created.asString());
            assertEquals(sha256(file), created.jsonPath().getString("bronze.sha256"));
            assertEquals("2019-Oct.csv", created.jsonPath().getString("source.name"));
            assertTrue(created.jsonPath().getString("source.uri").endsWith("/files/2019-Oct.csv"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void silverAndGoldReportsCarryTheIngestionToGold() throws Exception {
        Response created = upload(dataset(), "a.csv", generate(16, 1500, true), null);
        String id = created.jsonPath().getString("id");
        List<BronzeLanded> splits = announced(id, created.jsonPath().getInt("journey.splits"));
        for (BronzeLanded split : splits) {
            SilverReady silver = new SilverReady(id, split.dataset(), split.file().location(), split.split().ref(),
                    List.of(), null, new RowCounts(split.split().rows(), split.split().rows() - 1, 1, 0, Map.of()),
                    null, SilverReady.SILVER_EVENTS_V1);
            send("silver-ready", Contract.SILVER_READY, id, codec.encode(Contract.SILVER_READY, silver));
        }
        awaitStatus(id, "SILVER_READY");
        for (BronzeLanded split : splits) {
            GoldReady gold = new GoldReady(id, split.dataset(), split.split().ref(), List.of(LocalDate.of(2019, 10, 1)),
                    List.of("day"), List.of("daily_kpi"), GoldReady.GOLD_KPI_V1);
            send("gold-ready", Contract.GOLD_READY, id, codec.encode(Contract.GOLD_READY, gold));
            // a redelivered report changes nothing
            send("gold-ready", Contract.GOLD_READY, id, codec.encode(Contract.GOLD_READY, gold));
        }
        JsonNode journey = awaitStatus(id, "GOLD_READY");
        assertEquals(splits.size(), journey.get("journey").get("goldDone").asInt());
        assertEquals(splits.size(), journey.get("journey").get("duplicates").asLong(), "one duplicate reported per split");
    }

    @Test
    void aMalformedReportGoesToTheDeadLetterTopicWithItsReason() {
        String id = UUID.randomUUID().toString();
        String malformed = "{\"ingestionId\":\"" + id + "\",\"dataset\":\"x\"}";
        send("gold-ready", Contract.GOLD_READY, id, malformed);
        List<KafkaTestClient.Received> dead = KafkaTestClient.await(topicPrefix + "clicklake-dead-letter",
                r -> malformed.equals(r.value()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        String reason = dead.get(0).header("dead-letter-reason");
        assertNotNull(reason);
        assertTrue(reason.contains("split"), reason);
    }

    private void assertRejected(String dataset, String name, byte[] file, String reason) {
        Response response = upload(dataset, name, file, null);
        assertEquals(422, response.statusCode(), response.asString());
        assertEquals("REJECTED", response.jsonPath().getString("status"));
        assertTrue(response.jsonPath().getString("reason").contains(reason), response.jsonPath().getString("reason"));
    }

    private JsonNode awaitStatus(String id, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = codec.mapper().readTree(given().get("/ingestions/" + id).asString());
            if (status.equals(view.get("status").asText())) {
                return view;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ingestion " + id + " never reached " + status + ": " + view);
    }

    /**
     * The bronze-landed messages of one ingestion, waiting until {@code expected} have arrived (or, when
     * checking that no more come, a few seconds past them).
     */
    private List<BronzeLanded> announced(String ingestionId, int expected) {
        return KafkaTestClient.await(topicPrefix + "bronze-landed", r -> ingestionId.equals(r.header("ce_ingestionid")),
                        expected, Duration.ofSeconds(20))
                .stream()
                .peek(r -> assertEquals(Contract.BRONZE_LANDED.cloudEventType(), r.header("ce_type")))
                .map(r -> codec.decode(Contract.BRONZE_LANDED, BronzeLanded.class, r.value()))
                .map(d -> ((Decoded.Accepted<BronzeLanded>) d).payload())
                .sorted(Comparator.comparingInt(b -> b.split().index()))
                .toList();
    }

    private void send(String topic, Contract contract, String ingestionId, String json) {
        KafkaTestClient.send(topicPrefix + topic, ingestionId, json, KafkaTestClient.cloudEventHeaders(contract.cloudEventType(), ingestionId));
    }

    private static Response upload(String dataset, String fileName, byte[] body, String columns) {
        var request = given().contentType("text/csv").body(body).queryParam("dataset", dataset).queryParam("fileName", fileName);
        if (columns != null) {
            request.queryParam("columns", columns);
        }
        return request.post("/ingestions");
    }

    private static String dataset() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] generate(long seed, long rows, boolean header) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClickstreamGenerator(ClickstreamOptions.builder().seed(seed).rows(rows).header(header).build()).generate(out);
        return out.toByteArray();
    }

    private static long lineCount(byte[] file) {
        long lines = 0;
        for (byte b : file) {
            if (b == '\n') {
                lines++;
            }
        }
        return file.length > 0 && file[file.length - 1] != '\n' ? lines + 1 : lines;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
