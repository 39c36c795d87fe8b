package dev.clicklake.ingest.source;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UrlSource} on its own, against real loopback sockets and servers. */
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
