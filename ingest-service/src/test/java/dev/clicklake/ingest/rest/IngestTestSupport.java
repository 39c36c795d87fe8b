package dev.clicklake.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/** What the service tests share: the API key, fresh datasets, generated files, waiting for a status. */
final class IngestTestSupport {

    /** The key the test profile configures ({@code %test.clicklake.ingest.api-keys}). */
    static final String API_KEY = "test-api-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestTestSupport() {
    }

    static RequestSpecification authorized() {
        return given().header("X-API-Key", API_KEY);
    }

    static String dataset() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] generate(long seed, long rows, boolean header) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClickstreamGenerator(ClickstreamOptions.builder().seed(seed).rows(rows).header(header).build()).generate(out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Uploads {@code body} as file {@code fileName} of {@code dataset}, with a declared column order unless null. */
    static Response upload(String dataset, String fileName, byte[] body, String columns) {
        var request = authorized().contentType("text/csv").body(body).queryParam("dataset", dataset).queryParam("fileName", fileName);
        if (columns != null) {
            request.queryParam("columns", columns);
        }
        return request.post("/ingestions");
    }

    /** Starts an ingestion of one URL; answers its id. */
    static String startUrl(String dataset, String url) {
        Response accepted = authorized().contentType("application/json").body(Map.of("dataset", dataset, "url", url))
                .post("/ingestions");
        assertEquals(202, accepted.statusCode(), accepted.asString());
        return accepted.jsonPath().getString("id");
    }

    static JsonNode view(String id) throws IOException {
        return JSON.readTree(authorized().get("/ingestions/" + id).asString());
    }

    static JsonNode awaitStatus(String id, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = view(id);
            if (status.equals(view.get("status").asText())) {
                return view;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ingestion " + id + " never reached " + status + ": " + view);
    }

    /** Announces the whole file (200, no Accept-Ranges), sends half of it, and drops the connection. */
    static void dropHalfway(HttpExchange exchange, byte[] file) throws IOException {
        exchange.sendResponseHeaders(200, file.length);
        exchange.getResponseBody().write(file, 0, file.length / 2);
        exchange.getResponseBody().flush();
        exchange.close();
    }

    /** A real HTTP server on loopback, answering requests on as many threads as they need. */
    static HttpServer loopbackServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        return server;
    }

    static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
