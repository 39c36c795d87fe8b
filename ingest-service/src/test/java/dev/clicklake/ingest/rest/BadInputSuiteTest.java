package dev.clicklake.ingest.rest;

import static dev.clicklake.ingest.rest.IngestTestSupport.API_KEY;
import static dev.clicklake.ingest.rest.IngestTestSupport.authorized;
import static dev.clicklake.ingest.rest.IngestTestSupport.dataset;
import static dev.clicklake.ingest.rest.IngestTestSupport.generate;
import static dev.clicklake.ingest.rest.IngestTestSupport.upload;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.testing.KafkaTestClient;
import dev.clicklake.ingest.source.Archives;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, table-driven: every REST endpoint, uploads of every format, and the messages ingest-service
 * consumes. Each request case checks the status code, that the body is JSON naming what was wrong (the
 * parameter in {@code field}, or the reason), and that nothing was lost or left stuck: no ingestion of its
 * dataset left RECEIVING or holding a lease, nothing in bronze for what did not land. Each message case checks
 * where the message went (dead letter with its reason, or ignored) and that the ledger was not changed by it.
 */
@QuarkusTest
class BadInputSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "text/csv";

    @Inject
    LakeStorage lake;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @TestHTTPResource("/")
    URL base;

    /** What one request should come to. {@code field} null: not checked; {@code landed}: files of it that may land. */
    record Expect(int status, String field, String text, int landed) {
    }

    /** What came back. */
    record Answer(int status, String contentType, String body) {
    }

    /** Sends a request for the dataset given. */
    @FunctionalInterface
    interface Request<T> {
        T send(String dataset) throws Exception;
    }

    /** A request against a fresh dataset, and what it should come to. */
    record RequestCase(String name, Request<Answer> request, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expect refused(int status, String field, String text) {
        return new Expect(status, field, text, 0);
    }

    static Expect rejected(String reason) {
        return new Expect(422, null, reason, 0);
    }

    static RequestCase of(String name, Request<Response> request, Expect expect) {
        return new RequestCase(name, d -> {
            Response r = request.send(d);
            return new Answer(r.statusCode(), r.contentType(), r.asString());
        }, expect);
    }

    /** A request RestAssured would not send as it is (no Content-Type at all, an empty one). */
    static RequestCase raw(String name, Request<Answer> request, Expect expect) {
        return new RequestCase(name, request, expect);
    }

    static Stream<RequestCase> requests() throws IOException {
        byte[] good = generate(91, 200, true);
        byte[] headerless = generate(92, 50, false);
        byte[] gz = Archives.gzip(generate(93, 400, true));
        String header = ClickstreamColumns.HEADER + "\n";
        List<RequestCase> cases = new ArrayList<>(List.of(
                // ------------------------------------------------ upload parameters and headers
                of("upload without dataset", d -> post(CSV, good, Map.of("fileName", "a.csv")),
                        refused(400, "dataset", "dataset must be")),
                of("upload with an upper-case dataset", d -> post(CSV, good, Map.of("dataset", "Bad Name", "fileName", "a.csv")),
                        refused(400, "dataset", "a-z")),
                of("upload with a 64-character dataset", d -> post(CSV, good, Map.of("dataset", "d".repeat(64), "fileName", "a.csv")),
                        refused(400, "dataset", "1-63")),
                of("upload without fileName", d -> post(CSV, good, Map.of("dataset", d)), refused(400, "fileName", "required")),
                of("upload with a blank fileName", d -> post(CSV, good, Map.of("dataset", d, "fileName", "  ")),
                        refused(400, "fileName", "required")),
                of("upload with a 256-character fileName", d -> post(CSV, good, Map.of("dataset", d, "fileName", "a".repeat(252) + ".csv")),
                        refused(400, "fileName", "more than 255")),
                of("upload with a NUL in fileName", d -> post(CSV, good, Map.of("dataset", d, "fileName", "a\u0000.csv")),
                        refused(400, "fileName", "U+0000")),
                of("upload with a line feed in fileName", d -> post(CSV, good, Map.of("dataset", d, "fileName", "a\nb.csv")),
                        refused(400, "fileName", "U+000A")),
                of("upload with a tab in fileName", d -> post(CSV, good, Map.of("dataset", d, "fileName", "a\tb.csv")),
                        refused(400, "fileName", "U+0009")),
                of("upload declaring two columns", d -> post(CSV, headerless, Map.of("dataset", d, "fileName", "a.csv",
                        "columns", "a,b")), refused(400, "columns", "columns")),
                of("upload declaring only event_time", d -> post(CSV, headerless, Map.of("dataset", d, "fileName", "a.csv",
                        "columns", "event_time")), refused(400, "columns", "columns")),
                raw("upload without Content-Type", d -> send(d, null, good), refused(400, "Content-Type", "Content-Type is required")),
                raw("upload with an empty Content-Type", d -> send(d, "", good),
                        refused(400, "Content-Type", "Content-Type is required")),
                of("upload as image/png", d -> post("image/png", good, Map.of("dataset", d, "fileName", "a.csv")),
                        refused(415, "Content-Type", "not accepted")),
                of("upload without API key", d -> given().contentType(CSV).body(good).queryParam("dataset", d)
                        .queryParam("fileName", "a.csv").post("/ingestions"), refused(401, "X-API-Key", "X-API-Key")),
                of("upload with a wrong API key", d -> given().header("X-API-Key", "not-" + API_KEY).contentType(CSV).body(good)
                        .queryParam("dataset", d).queryParam("fileName", "a.csv").post("/ingestions"),
                        refused(401, "X-API-Key", "X-API-Key")),
                // ------------------------------------------------ upload content
                of("empty file", d -> upload(d, "a.csv", new byte[0], null), rejected("empty")),
                of("header only", d -> upload(d, "a.csv", bytes(header), null), rejected("no data rows")),
                of("not a clickstream header", d -> upload(d, "a.csv", bytes("sku,amount\n1,2\n"), null),
                        rejected("not a clickstream header")),
                of("binary data", d -> upload(d, "a.csv", randomBytes(5000), null), rejected("")),
                of("header-less without declared columns", d -> upload(d, "a.csv", headerless, null),
                        rejected("declare its column order")),
                of("gzip with a corrupt body", d -> upload(d, "a.csv.gz", corruptGzip(gz), null), rejected("")),
                of("gzip cut in half", d -> upload(d, "a.csv.gz", Arrays.copyOf(gz, gz.length / 2), null),
                        rejected("gzip data is corrupt")),
                of("gzip header only", d -> upload(d, "a.csv.gz", Arrays.copyOf(gz, 10), null), rejected("gzip data is corrupt")),
                of("gzip bomb", d -> upload(d, "bomb.csv.gz", Archives.gzip(bomb(24 << 20)), null), rejected("max-ratio")),
                of("zip without a CSV file", d -> upload(d, "a.zip", zip("readme.txt", bytes("hi")), null),
                        rejected("holds no .csv file")),
                of("zip entry ../x.csv", d -> upload(d, "a.zip", zip("../x.csv", good), null), rejected("climbs out")),
                of("zip entry dir/../../x.csv", d -> upload(d, "a.zip", zip("dir/../../x.csv", good), null), rejected("climbs out")),
                of("zip entry with an absolute path", d -> upload(d, "a.zip", zip("/tmp/x.csv", good), null),
                        rejected("absolute path")),
                of("zip entry with a drive letter", d -> upload(d, "a.zip", zip("C:\\x.csv", good), null),
                        rejected("absolute path")),
                of("zip entry with a NUL", d -> upload(d, "a.zip", zip("a\u0000b.csv", good), null), rejected("U+0000")),
                of("zip entry with a line feed", d -> upload(d, "a.zip", zip("a\nb.csv", good), null), rejected("U+000A")),
                of("zip entry with a 300-character name", d -> upload(d, "a.zip", zip("x".repeat(296) + ".csv", good), null),
                        rejected("more than 255")),
                of("zip whose second entry is ../y.csv", d -> upload(d, "a.zip", Archives.zip(
                        Map.of("x.csv", good), Map.of("../y.csv", generate(94, 100, true))), null),
                        new Expect(200, null, "the rest of the archive, after 1 file(s), was refused", 1)),
                of("zip with more entries than allowed", d -> upload(d, "a.zip", manyEntries(1001), null),
                        rejected("more than 1000 entries")),
                of("zip bomb", d -> upload(d, "bomb.zip", zip("bomb.csv", bomb(24 << 20)), null), rejected("max-ratio")),
                of("zip over the total decompressed limit", d -> upload(d, "big.zip", Archives.zip(
                        Map.of("a.csv", generate(95, 90_000, true)), Map.of("b.csv", generate(96, 90_000, true))), null),
                        new Expect(200, null, "max-total-bytes", 1)),
                of("zip with a corrupt entry (bad CRC)", d -> upload(d, "a.zip", badCrcZip(good), null),
                        rejected("zip data is corrupt")),
                of("zip magic then garbage", d -> upload(d, "a.zip", garbageZip(), null), rejected("")),
                // ------------------------------------------------ JSON sources
                of("malformed JSON", d -> json("{\"dataset\":"), refused(400, "body", "cannot be read")),
                of("JSON array instead of an object", d -> json("[1,2]"), refused(400, "body", "cannot be read")),
                of("JSON null", d -> json("null"), refused(400, null, "a JSON body with dataset")),
                of("empty JSON object", d -> json("{}"), refused(400, null, "a JSON body with dataset")),
                of("sources: [null]", d -> json("{\"dataset\":\"" + d + "\",\"sources\":[null]}"),
                        refused(400, "sources[0]", "not null")),
                of("sources: []", d -> json("{\"dataset\":\"" + d + "\",\"sources\":[]}"),
                        refused(400, null, "a JSON body with dataset")),
                of("sources is a string", d -> json("{\"dataset\":\"" + d + "\",\"sources\":\"abc\"}"),
                        refused(400, "sources", "cannot be read")),
                of("dataset is an object", d -> json("{\"dataset\":{\"a\":1},\"url\":\"http://127.0.0.1/a.csv\"}"),
                        refused(400, "dataset", "cannot be read")),
                of("url and path both given", d -> json("{\"dataset\":\"" + d + "\",\"url\":\"http://127.0.0.1/a.csv\",\"path\":\"a.csv\"}"),
                        refused(400, "path", "exactly one")),
                of("malformed url", d -> json("{\"dataset\":\"" + d + "\",\"url\":\"ht!tp:/x y\"}"), refused(400, "url", "")),
                of("url with credentials", d -> json("{\"dataset\":\"" + d + "\",\"url\":\"http://user:pw@127.0.0.1/a.csv\"}"),
                        refused(400, "url", "credentials")),
                of("url whose file name is 300 characters", d -> json("{\"dataset\":\"" + d + "\",\"url\":\"http://127.0.0.1/"
                        + "a".repeat(296) + ".csv\"}"), refused(400, "url", "more than 255")),
                of("url whose file name holds an encoded NUL", d -> json("{\"dataset\":\"" + d
                        + "\",\"url\":\"http://127.0.0.1/a%00b.csv\"}"), refused(400, "url", "U+0000")),
                of("url host not allowed", d -> json("{\"dataset\":\"" + d + "\",\"url\":\"http://example.org/a.csv\"}"),
                        refused(400, "url", "not in")),
                of("path climbing out of the import directory", d -> json("{\"dataset\":\"" + d + "\",\"path\":\"../../etc/passwd\"}"),
                        refused(400, "path", "")),
                of("absolute path outside the import directory", d -> json("{\"dataset\":\"" + d + "\",\"path\":\"/etc/passwd\"}"),
                        refused(400, "path", "")),
                of("a batch with one bad source starts none", d -> json("{\"dataset\":\"" + d + "\",\"sources\":[{\"url\":\"http://127.0.0.1/a.csv\"},"
                        + "{\"url\":\"http://example.org/b.csv\"}]}"), refused(400, "url", "not in")),
                of("JSON without API key", d -> given().contentType("application/json").body("{\"dataset\":\"" + d + "\"}")
                        .post("/ingestions"), refused(401, "X-API-Key", "X-API-Key")),
                // ------------------------------------------------ ledger reads and other paths
                of("ledger entry: not a uuid", d -> authorized().get("/ingestions/not-a-uuid"), refused(400, "id", "not an ingestion id")),
                of("ledger entry: unknown id", d -> authorized().get("/ingestions/" + UUID.randomUUID()), refused(404, "id", "no ingestion")),
                of("ledger entry without API key", d -> given().get("/ingestions/" + UUID.randomUUID()),
                        refused(401, "X-API-Key", "X-API-Key")),
                of("ledger list without API key", d -> given().queryParam("dataset", d).get("/ingestions"),
                        refused(401, "X-API-Key", "X-API-Key")),
                of("ledger list with a wrong API key", d -> given().header("X-API-Key", "nope").get("/ingestions"),
                        refused(401, "X-API-Key", "X-API-Key")),
                of("ledger list: limit 0", d -> authorized().queryParam("limit", "0").get("/ingestions"), refused(400, "limit", "1..1000")),
                of("ledger list: limit 1001", d -> authorized().queryParam("limit", "1001").get("/ingestions"),
                        refused(400, "limit", "1..1000")),
                of("ledger list: limit not a number", d -> authorized().queryParam("limit", "ten").get("/ingestions"),
                        refused(400, "limit", "1..1000")),
                of("ledger list: unknown status", d -> authorized().queryParam("status", "NOPE").get("/ingestions"),
                        refused(400, "status", "unknown status")),
                of("DELETE on the ledger", d -> authorized().delete("/ingestions"), refused(405, null, "not allowed")),
                of("unknown path", d -> authorized().get("/nothing-here"), refused(404, null, "no such resource"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aBadRequestIsAnswered4xxWithWhatWasWrongAndLeavesNothingBehind(RequestCase c) throws Exception {
        String dataset = dataset();
        Answer answer = c.request().send(dataset);
        Expect expect = c.expect();
        String body = answer.body();
        assertEquals(expect.status(), answer.status(), c + ": " + body);
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"),
                c + ": not JSON: " + answer.contentType() + " " + body);
        JsonNode json = JSON.readTree(body);
        assertTrue(body.contains(expect.text()), c + ": " + body);
        if (expect.field() != null) {
            assertEquals(expect.field(), json.path("field").asText(null), c + ": " + body);
        }
        assertNothingStuck(c.toString(), dataset, expect.landed());
    }

    /** An upload that stops sending midway: FAILED "upload stalled" once the idle timeout is over, its lease freed. */
    @org.junit.jupiter.api.Test
    void aStalledUploadEndsFailedAndFreesItsLease() throws Exception {
        String dataset = dataset();
        byte[] part = generate(97, 100, true);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /ingestions?dataset=" + dataset + "&fileName=stalled.csv HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-API-Key: " + API_KEY + "\r\nContent-Type: text/csv\r\nContent-Length: " + (part.length * 10)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.flush();
            String statusLine = statusLine(socket.getInputStream());
            assertTrue(statusLine.isEmpty() || statusLine.startsWith("HTTP/1.1 502"), statusLine);
        }
        JsonNode failed = awaitOnly(dataset, "FAILED");
        assertTrue(failed.get("reason").asText().contains("upload stalled"), failed.toString());
        assertNothingStuck("stalled upload", dataset, 0);
    }

    /** A message ingest-service consumes, and where it should go. */
    record MessageCase(String name, String topic, Contract contract, String value, Map<String, String> headers,
            String deadLetterReason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<MessageCase> messages() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                new MessageCase("silver-ready that is not JSON", "silver-ready", Contract.SILVER_READY, "not json " + id, null, "not JSON"),
                new MessageCase("silver-ready that is empty", "silver-ready", Contract.SILVER_READY, "", null, "empty document"),
                new MessageCase("silver-ready breaking its schema", "silver-ready", Contract.SILVER_READY,
                        "{\"ingestionId\":\"" + id + "\",\"dataset\":\"x\"}", null, "split"),
                new MessageCase("silver-ready with another CloudEvents type", "silver-ready", Contract.GOLD_READY,
                        "{\"ingestionId\":\"" + id + "\",\"n\":1}", null, "CloudEvents type"),
                new MessageCase("gold-ready that is not JSON", "gold-ready", Contract.GOLD_READY, "{{" + id, null, "not JSON"),
                new MessageCase("gold-ready breaking its schema", "gold-ready", Contract.GOLD_READY,
                        "{\"ingestionId\":\"" + id + "\",\"dataset\":\"y\"}", null, "split"),
                new MessageCase("dead letter without dead-letter headers", "clicklake-dead-letter", null, "x " + id, Map.of(), null),
                new MessageCase("dead letter of another topic", "clicklake-dead-letter", null, "y " + id,
                        Map.of("dead-letter-topic", "orders", "dead-letter-reason", "payment refused"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void aBadMessageIsDeadLetteredWithItsReasonOrIgnoredAndChangesNothing(MessageCase c) throws Exception {
        String dataset = dataset();
        Response landed = upload(dataset, "a.csv", generate(98, 100, true), null);
        assertEquals(201, landed.statusCode(), landed.asString());
        String id = landed.jsonPath().getString("id");
        // a journey message keyed to an unknown split: its dead letter, read back by the dead-letter consumer, is ignored
        String key = c.topic().equals("clicklake-dead-letter") ? id + "/0" : UUID.randomUUID() + "/0";
        Map<String, String> headers = c.headers() != null ? new HashMap<>(c.headers())
                : new HashMap<>(KafkaTestClient.cloudEventHeaders(c.contract().cloudEventType(), id));
        KafkaTestClient.send(topicPrefix + c.topic(), key, c.value(), headers);
        if (c.deadLetterReason() != null) {
            List<KafkaTestClient.Received> dead = KafkaTestClient.await(topicPrefix + "clicklake-dead-letter",
                    r -> c.value().equals(r.value()) && key.equals(r.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, dead.size(), c + ": dead-lettered once");
            String reason = dead.get(0).header("dead-letter-reason");
            assertTrue(reason != null && reason.contains(c.deadLetterReason()), c + ": " + reason);
        }
        assertTrue(KafkaTestClient.awaitConsumed("ingest-service", topicPrefix + "clicklake-dead-letter", Duration.ofSeconds(30)),
                c + ": the dead-letter consumer keeps running");
        JsonNode view = IngestTestSupport.view(id);
        assertEquals("LANDED", view.get("status").asText(), c + ": the ledger is unchanged: " + view);
    }

    // ---------------------------------------------------------------- checks

    /**
     * Nothing of the dataset is left RECEIVING or leased (waiting a few seconds for a worker), and bronze holds only
     * the files that landed: each under its own ingestion's folder.
     */
    private void assertNothingStuck(String c, String dataset, int landed) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        JsonNode rows = rows(dataset);
        while (Instant.now().isBefore(deadline) && anyReceiving(rows)) {
            Thread.sleep(200);
            rows = rows(dataset);
        }
        List<String> landedPaths = new ArrayList<>();
        for (JsonNode row : rows) {
            String status = row.get("status").asText();
            assertFalse(status.equals("RECEIVING"), c + ": left RECEIVING: " + row);
            assertTrue(row.get("receiver").isNull(), c + ": still leased: " + row);
            assertFalse(row.get("reason").isNull() && (status.equals("REJECTED") || status.equals("FAILED")),
                    c + ": ended without a reason: " + row);
            if (status.equals("LANDED")) {
                landedPaths.add(row.get("bronze").get("path").asText());
            }
        }
        assertEquals(landed, landedPaths.size(), c + ": files landed: " + rows);
        List<String> inBronze = lake.list(LakeLocation.of("bronze", dataset + "/")).stream().map(LakeObject::location)
                .map(LakeLocation::path).toList();
        assertEquals(landedPaths.stream().sorted().toList(), inBronze, c + ": bronze holds only what landed");
    }

    private static boolean anyReceiving(JsonNode rows) {
        for (JsonNode row : rows) {
            if ("RECEIVING".equals(row.get("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode rows(String dataset) throws IOException {
        return JSON.readTree(authorized().queryParam("dataset", dataset).get("/ingestions").asString());
    }

    private static JsonNode awaitOnly(String dataset, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode rows = rows(dataset);
        while (Instant.now().isBefore(deadline)) {
            if (rows.size() == 1 && status.equals(rows.get(0).get("status").asText())) {
                return rows.get(0);
            }
            Thread.sleep(200);
            rows = rows(dataset);
        }
        throw new AssertionError("the ingestion of " + dataset + " never reached " + status + ": " + rows);
    }

    // ---------------------------------------------------------------- requests and bodies

    private static Response post(String contentType, byte[] body, Map<String, String> query) {
        var request = authorized().body(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        query.forEach(request::queryParam);
        return request.post("/ingestions");
    }

    private static Response json(String body) {
        return authorized().contentType("application/json").body(body).post("/ingestions");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    /** A valid gzip header and trailer around a body with flipped bytes. */
    private static byte[] corruptGzip(byte[] gz) {
        byte[] bad = gz.clone();
        for (int i = 20; i < bad.length - 8; i += 7) {
            bad[i] ^= 0x5A;
        }
        return bad;
    }

    /** A clickstream header and the same row over and over: compresses about a thousandfold. */
    private static byte[] bomb(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        out.write(bytes(ClickstreamColumns.HEADER + "\n"));
        byte[] row = bytes("2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,"
                + "72d76fde-8bb3-4e00-8c23-a032dfed738c\n");
        while (out.size() < size) {
            out.write(row);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put(entry, content);
        return Archives.zip(one);
    }

    private static byte[] manyEntries(int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("e" + i + ".txt"));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A stored (uncompressed) entry whose declared CRC does not match its bytes. */
    private static byte[] badCrcZip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("a.csv");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        byte[] zip = out.toByteArray();
        int data = 30 + "a.csv".length() + 100; // inside the stored bytes: the CRC no longer matches
        zip[data] ^= 0x01;
        return zip;
    }

    private static byte[] garbageZip() {
        byte[] bytes = randomBytes(3000);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    /** The status line the server answered with, or empty when it closed the connection without one. */
    private static String statusLine(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
        } catch (IOException e) {
            return line.toString().strip();
        }
        return line.toString().strip();
    }

    /** An upload with the given Content-Type header (none when null), as a plain HTTP client sends it. */
    private static Answer send(String dataset, String contentType, byte[] body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                    + io.restassured.RestAssured.port + "/ingestions?dataset=" + dataset
                    + "&fileName=a.csv")).header("X-API-Key", API_KEY).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
