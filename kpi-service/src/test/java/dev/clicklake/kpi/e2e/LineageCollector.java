package dev.clicklake.kpi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Marquez-style lineage endpoint inside the test ({@code POST /api/v1/lineage}): keeps every run event the services
 * send over their HTTP transport, and the Authorization headers they came with.
 */
final class LineageCollector implements AutoCloseable {

    static final String ENDPOINT = "/api/v1/lineage";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();

    LineageCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(ENDPOINT, exchange -> {
            try (exchange) {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                events.add(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(201, -1);
            }
        });
        server.start();
    }

    /** The base URL the services are given ({@code clicklake.lineage.http.url}). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every event received so far, in the order they came. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Every distinct Authorization header the events came with. */
    Set<String> authorizations() {
        return Set.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
