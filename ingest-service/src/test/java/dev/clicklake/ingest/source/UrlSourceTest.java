package dev.clicklake.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.clicklake.ingest.landing.InvalidRequestException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link UrlSource} on its own, against real loopback sockets and servers; name lookups are faked where a test needs a DNS answer to change. */
class UrlSourceTest {

    @Test
    void aServerThatDoesNotAcceptTheConnectionInTimeIsRetriedThenFailsSayingTheConnectTimedOut() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                UrlSource source = new UrlSource(new UrlSource.Settings(List.of("127.0.0.1"), true, Duration.ofMillis(300),
                        Duration.ofSeconds(5)), HostLookup.SYSTEM)) {
            fillAcceptQueue(full, queued);
            URI uri = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/2019-Oct.csv");
            IOException e = assertThrows(IOException.class, () -> source.open(uri, new RetryBudget(1, Duration.ZERO)));
            assertTrue(e.getMessage().contains("failed 2 times") && e.getMessage().contains("timed out"), e.getMessage());
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    @Test
    void aNameThatRebindsToAnInternalAddressAfterTheCheckIsRefusedWhenConnectingAndNothingIsRequested() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostLookup rebinding = host -> new InetAddress[] {InetAddress.getByName(
                lookups.incrementAndGet() == 1 ? "185.199.108.133" : "127.0.0.1")};
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = serving(requests, new AtomicReference<>());
        try (UrlSource source = new UrlSource(new UrlSource.Settings(List.of("rebinding.example"), false,
                Duration.ofSeconds(2), Duration.ofSeconds(2)), rebinding)) {
            URI uri = source.check("http://rebinding.example:" + server.getAddress().getPort() + "/2019-Oct.csv");
            InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                    () -> source.open(uri, new RetryBudget(3, Duration.ZERO)));
            assertTrue(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
            assertEquals(2, lookups.get(), "the request check, then the connection's own lookup, checked again");
            assertEquals(0, requests.get(), "nothing reached the internal address, and a refusal is not retried");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theConnectionGoesToTheAddressTheResolverCheckedAndNoOtherLookupIsMade() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostLookup pinned = host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")}; // a name no real DNS knows
        };
        AtomicInteger requests = new AtomicInteger();
        AtomicReference<String> hostHeader = new AtomicReference<>();
        HttpServer server = serving(requests, hostHeader);
        try (UrlSource source = new UrlSource(new UrlSource.Settings(List.of("pinned.invalid"), true,
                Duration.ofSeconds(2), Duration.ofSeconds(2)), pinned)) {
            String authority = "pinned.invalid:" + server.getAddress().getPort();
            try (OpenedSource opened = source.open(URI.create("http://" + authority + "/2019-Oct.csv"),
                    new RetryBudget(0, Duration.ZERO))) {
                assertArrayEquals(BODY, opened.body().readAllBytes());
            }
            assertEquals(1, lookups.get(), "one lookup, made by the connection itself");
            assertEquals(1, requests.get());
            assertEquals(authority, hostHeader.get(), "the request still names the host (TLS checks it, too)");
        } finally {
            server.stop(0);
        }
    }

    private static final byte[] BODY = "event_time,event_type\n".getBytes(StandardCharsets.UTF_8);

    private static HttpServer serving(AtomicInteger requests, AtomicReference<String> hostHeader) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            hostHeader.set(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(200, BODY.length);
            exchange.getResponseBody().write(BODY);
            exchange.close();
        });
        server.start();
        return server;
    }

    /**
     * Connects to a server that never accepts until its accept queue is full: the kernel then drops further
     * connection attempts, which wait for their connect timeout.
     */
    private static void fillAcceptQueue(ServerSocket server, List<Socket> queued) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
                queued.add(socket);
            } catch (SocketTimeoutException e) {
                socket.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled up");
    }
}
