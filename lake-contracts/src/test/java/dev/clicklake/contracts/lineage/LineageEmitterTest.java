package dev.clicklake.contracts.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emitter through the client's real transports: an in-test HTTP server, a file, and a server that is not there. */
class LineageEmitterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LineageEvents EVENTS = new LineageEvents(URI.create("urn:clicklake:test:1"), "clicklake",
            Clock.systemUTC());
    private static final RunEvent START = EVENTS.event(RunEvent.EventType.START,
            LineageRuns.ingestion("shop", "3f1c7c2e-4d1a-4b7e-9d55-0c0f2f8a9b11"), List.of(),
            List.of(LineageDataset.of("file", "/lake/bronze/shop/a.csv")));

    @Test
    void overHttpEachEventIsPostedToTheEndpointWithTheApiKeyAsBearerToken() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/lineage", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        try {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            LineageEmitter emitter = emitter(new HttpTransport(LineageTransports.http(http(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Optional.of("key-1")))), meters);
            emitter.emit(() -> START);
            assertEquals(List.of("Bearer key-1"), authorizations);
            JsonNode posted = JSON.readTree(bodies.get(0));
            assertEquals("START", posted.get("eventType").asText());
            assertEquals("/lake/bronze/shop/a.csv", posted.at("/outputs/0/name").asText());
            assertEquals(0, emitter.failures());
            assertEquals(1.0, meters.counter("clicklake.lineage.events", "outcome", "emitted").count());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerThatIsDownIsCountedAndNeverThrown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LineageEmitter emitter = emitter(new HttpTransport(LineageTransports.http(http(
                URI.create("http://127.0.0.1:" + closedPort), Optional.empty()))), meters);
        emitter.emit(() -> START);
        emitter.emit(() -> START);
        assertEquals(2, emitter.failures());
        assertEquals(2.0, meters.counter("clicklake.lineage.events", "outcome", "failed").count());
        emitter.emit(() -> {
            throw new IllegalStateException("a ledger row without columns");
        });
        assertEquals(3, emitter.failures(), "an event that cannot be built is counted too");
        emitter.emit(() -> null);
        assertEquals(3, emitter.failures(), "no event, nothing sent");
    }

    @Test
    void theFileTransportAppendsOneJsonEventALine(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("events.jsonl");
        LineageEmitter emitter = emitter(new FileTransport(new FileConfig(file.toString())), null);
        emitter.emit(() -> START);
        emitter.emit(() -> START);
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals(START.getRun().getRunId().toString(), JSON.readTree(lines.get(1)).at("/run/runId").asText());
    }

    private static LineageEmitter emitter(io.openlineage.client.transports.Transport transport, SimpleMeterRegistry meters) {
        return new LineageEmitter(transport, EVENTS, LineageNames.local(Path.of("lake")), meters);
    }

    private static LineageConfig.Http http(URI url, Optional<String> apiKey) {
        return new LineageConfig.Http() {
            @Override
            public Optional<URI> url() {
                return Optional.of(url);
            }

            @Override
            public String endpoint() {
                return "/api/v1/lineage";
            }

            @Override
            public Optional<String> apiKey() {
                return apiKey;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(2);
            }
        };
    }
}
