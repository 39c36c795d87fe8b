package dev.clicklake.ingest.rest;

import static dev.clicklake.ingest.rest.IngestTestSupport.API_KEY;
import static dev.clicklake.ingest.rest.IngestTestSupport.authorized;
import static dev.clicklake.ingest.rest.IngestTestSupport.awaitStatus;
import static dev.clicklake.ingest.rest.IngestTestSupport.dataset;
import static dev.clicklake.ingest.rest.IngestTestSupport.generate;
import static dev.clicklake.ingest.rest.IngestTestSupport.sha256;
import static dev.clicklake.ingest.rest.IngestTestSupport.startUrl;
import static dev.clicklake.ingest.rest.IngestTestSupport.upload;
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
import dev.clicklake.ingest.source.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The key the test profile configures ({@code %test.clicklake.ingest.api-keys}). */
    static final String API_KEY = "test-api-key";

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @ConfigProperty(name = "clicklake.ingest.import-dirs")
    String importDir;

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
        assertEquals(1, authorized().queryParam("dataset", dataset).get("/ingestions").jsonPath().getList("id").size());
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
                authorized().queryParam("dataset", dataset).get("/ingestions").jsonPath().getList("status"));
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
        authorized().contentType("text/csv").body("x").post("/ingestions?dataset=Bad%20Name&fileName=a.csv")
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("dataset"));
        authorized().contentType("text/csv").body("x").post("/ingestions?dataset=ok&fileName=a.csv&columns=a,b")
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("columns"));
        authorized().get("/ingestions/not-a-uuid").then().statusCode(400);
        authorized().get("/ingestions/" + UUID.randomUUID()).then().statusCode(404);
        authorized().contentType("application/json").body(Map.of("dataset", "ok", "url", "http://example.org/a.csv"))
                .post("/ingestions").then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("not in"));
        authorized().contentType("application/json").body(Map.of("dataset", "ok", "url", "http://user:pw@localhost/a.csv"))
                .post("/ingestions").then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("credentials"));
    }

    @Test
    void startingAnIngestionAndReadingTheLedgerNeedAValidApiKeyAndAreRefusedWith401Otherwise() {
        String dataset = dataset();
        given().contentType("text/csv").body("x").queryParam("dataset", dataset).queryParam("fileName", "a.csv")
                .post("/ingestions").then().statusCode(401).contentType("application/json")
                .body("error", org.hamcrest.Matchers.containsString("X-API-Key"));
        given().header("X-API-Key", "not-" + API_KEY).contentType("application/json")
                .body(Map.of("dataset", dataset, "url", "http://127.0.0.1/a.csv"))
                .post("/ingestions").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.notNullValue());
        given().queryParam("dataset", dataset).get("/ingestions").then().statusCode(401).contentType("application/json")
                .body("field", org.hamcrest.Matchers.equalTo("X-API-Key"));
        given().get("/ingestions/" + UUID.randomUUID()).then().statusCode(401);
        given().header("X-API-Key", "not-" + API_KEY).get("/ingestions/" + UUID.randomUUID()).then().statusCode(401);
        authorized().queryParam("dataset", dataset).get("/ingestions").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aUrlSourceIsAcceptedAtOnceThenFetchedThroughRedirectsAndLanded() throws Exception {
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
            Response accepted = authorized().contentType("application/json").body(Map.of("dataset", dataset(), "url", url))
                    .post("/ingestions");
            assertEquals(202, accepted.statusCode(), accepted.asString());
            String id = accepted.jsonPath().getString("id");
            assertTrue(accepted.header("Location").endsWith("/ingestions/" + id));
            assertEquals("RECEIVING", accepted.jsonPath().getString("status"));
            JsonNode landed = awaitStatus(id, "LANDED");
            assertEquals(sha256(file), landed.get("bronze").get("sha256").asText());
            assertEquals("2019-Oct.csv", landed.get("source").get("name").asText());
            assertTrue(landed.get("source").get("uri").asText().endsWith("/files/2019-Oct.csv"));
            assertEquals(100.0, landed.get("progress").get("percent").asDouble());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aGzipUploadLandsDecompressedAndTheLedgerKeepsTheArchivesNameAndChecksum() throws Exception {
        byte[] file = generate(17, 2000, true);
        byte[] gz = Archives.gzip(file);
        Response created = authorized().contentType("application/gzip").body(gz).queryParam("dataset", dataset())
                .queryParam("fileName", "2019-Oct.csv.gz").post("/ingestions");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals("2019-Oct.csv", created.jsonPath().getString("source.name"));
        assertEquals("2019-Oct.csv.gz", created.jsonPath().getString("source.archive.name"));
        assertEquals(sha256(gz), created.jsonPath().getString("source.archive.sha256"));
        assertEquals(gz.length, created.jsonPath().getLong("source.archive.bytes"));
        assertEquals(sha256(file), created.jsonPath().getString("bronze.sha256"));
        try (InputStream in = lake.open(LakeLocation.of("bronze", created.jsonPath().getString("bronze.path")))) {
            assertArrayEquals(file, in.readAllBytes(), "bronze holds the decompressed CSV file");
        }
    }

    @Test
    void aZipWithSeveralCsvFilesFromAUrlLandsEachAsItsOwnIngestion() throws Exception {
        byte[] october = generate(18, 700, true);
        byte[] november = generate(19, 900, true);
        byte[] zip = Archives.zip(Map.of("2019-Oct.csv", october), Map.of("README.txt", new byte[] {'x'}),
                Map.of("2019-Nov.csv", november));
        byte[] noCsv = Archives.zip(Map.of("README.txt", new byte[] {'x'}));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/months.zip", exchange -> {
            exchange.sendResponseHeaders(200, zip.length);
            exchange.getResponseBody().write(zip);
            exchange.close();
        });
        server.createContext("/empty.zip", exchange -> {
            exchange.sendResponseHeaders(200, noCsv.length);
            exchange.getResponseBody().write(noCsv);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String dataset = dataset();
            Response accepted = authorized().contentType("application/json")
                    .body(Map.of("dataset", dataset, "url", base + "/months.zip?token=secret")).post("/ingestions");
            assertEquals(202, accepted.statusCode(), accepted.asString());
            awaitStatus(accepted.jsonPath().getString("id"), "LANDED");
            Response both = awaitIngestions(dataset, 2);
            assertEquals(List.of("2019-Nov.csv", "2019-Oct.csv"), both.jsonPath().getList("source.name"), "newest first");
            assertEquals(List.of("LANDED", "LANDED"), both.jsonPath().getList("status"));
            assertEquals(List.of(sha256(november), sha256(october)), both.jsonPath().getList("bronze.sha256"));
            assertEquals(List.of(sha256(zip), sha256(zip)), both.jsonPath().getList("source.archive.sha256"));
            assertTrue(both.asString().indexOf("secret") < 0, "the query string is never stored");

            Response none = authorized().contentType("application/json")
                    .body(Map.of("dataset", dataset, "url", base + "/empty.zip")).post("/ingestions");
            assertEquals(202, none.statusCode(), none.asString());
            JsonNode rejected = awaitStatus(none.jsonPath().getString("id"), "REJECTED");
            assertTrue(rejected.get("reason").asText().contains("no .csv file"), rejected.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSourceThatFailsMidwayIsResumedWithRangeWhereTheServerAllowsItAndA503IsRetried() throws Exception {
        byte[] file = generate(22, 3000, true);
        byte[] other = generate(23, 1000, true);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ranges.csv", exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (range == null) {
                IngestTestSupport.dropHalfway(exchange, file);
                return;
            }
            int from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (file.length - 1) + "/" + file.length);
            exchange.sendResponseHeaders(206, file.length - from);
            exchange.getResponseBody().write(file, from, file.length - from);
            exchange.close();
        });
        server.createContext("/flaky.csv", exchange -> {
            if (calls.incrementAndGet() <= 2) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, other.length);
            exchange.getResponseBody().write(other);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String dataset = dataset();
            JsonNode resumed = awaitStatus(startUrl(dataset, base + "/ranges.csv"), "LANDED");
            assertEquals(sha256(file), resumed.get("bronze").get("sha256").asText(), "resumed into the same bytes");

            JsonNode retried = awaitStatus(startUrl(dataset, base + "/flaky.csv"), "LANDED");
            assertEquals(3, calls.get(), "two 503 answers, then success");
            assertEquals(sha256(other), retried.get("bronze").get("sha256").asText());
            List<String> landed = lake.list(LakeLocation.of("bronze", dataset + "/")).stream().map(o -> o.location().path()).toList();
            assertEquals(2, landed.size(), landed.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBatchOfImportDirectoryFilesStartsOneIngestionEachAndNothingOutsideTheDirectoriesCanBeNamed() throws Exception {
        Path imports = Files.createDirectories(Path.of(importDir));
        byte[] october = generate(20, 600, true);
        byte[] november = generate(21, 650, true);
        Files.write(imports.resolve("b-2019-Oct.csv"), october);
        Files.write(imports.resolve("b-2019-Nov.csv.gz"), Archives.gzip(november));
        String dataset = dataset();
        Response accepted = authorized().contentType("application/json").body(Map.of("dataset", dataset, "sources",
                List.of(Map.of("path", "b-2019-Oct.csv"), Map.of("path", "b-2019-Nov.csv.gz")))).post("/ingestions");
        assertEquals(202, accepted.statusCode(), accepted.asString());
        List<String> ids = accepted.jsonPath().getList("id");
        assertEquals(2, ids.size());
        assertEquals(sha256(october), awaitStatus(ids.get(0), "LANDED").get("bronze").get("sha256").asText());
        JsonNode gz = awaitStatus(ids.get(1), "LANDED");
        assertEquals(sha256(november), gz.get("bronze").get("sha256").asText());
        assertEquals("b-2019-Nov.csv", gz.get("source").get("name").asText());
        assertEquals("IMPORT_DIR", gz.get("source").get("kind").asText());

        for (String outside : List.of("../pom.xml", "/etc/hostname", "missing.csv", "")) {
            authorized().contentType("application/json").body(Map.of("dataset", dataset, "sources",
                            List.of(Map.of("path", "b-2019-Oct.csv"), Map.of("path", outside)))).post("/ingestions")
                    .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("path"));
        }
        assertEquals(2, authorized().queryParam("dataset", dataset).get("/ingestions").jsonPath().getList("id").size(),
                "a batch with a refused source starts nothing");
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

    private static Response awaitIngestions(String dataset, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        Response listed = authorized().queryParam("dataset", dataset).get("/ingestions");
        while (Instant.now().isBefore(deadline)
                && (listed.jsonPath().getList("id").size() < count || listed.jsonPath().getList("status").contains("RECEIVING")
                        || listed.jsonPath().getList("source.archive").contains(null))) {
            Thread.sleep(200);
            listed = authorized().queryParam("dataset", dataset).get("/ingestions");
        }
        return listed;
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

    private static long lineCount(byte[] file) {
        long lines = 0;
        for (byte b : file) {
            if (b == '\n') {
                lines++;
            }
        }
        return file.length > 0 && file[file.length - 1] != '\n' ? lines + 1 : lines;
    }
}
