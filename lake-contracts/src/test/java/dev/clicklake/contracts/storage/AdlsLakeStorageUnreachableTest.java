package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A store that cannot be reached fails every call with an {@link IOException} that shows no secret. */
class AdlsLakeStorageUnreachableTest {

    private static final String KEY = "c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24tYW55d2hlcmU=";

    @Test
    void everyOperationFailsWithAnIOException() throws IOException {
        LakeStorage storage = storageAt(closedPort());
        LakeLocation location = LakeLocation.of("bronze", "a/b.csv");

        assertFailsCleanly(() -> storage.ensureContainers(List.of("bronze")));
        assertFailsCleanly(() -> storage.create(location, new ByteArrayInputStream(new byte[10])));
        assertFailsCleanly(() -> storage.create(location, new ByteArrayInputStream(new byte[0])));
        assertFailsCleanly(() -> storage.open(location));
        assertFailsCleanly(() -> storage.stat(location));
        assertFailsCleanly(() -> storage.list(location));
        assertFailsCleanly(() -> storage.delete(location));
    }

    private static void assertFailsCleanly(Executable operation) {
        IOException thrown = assertThrows(IOException.class, operation);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(KEY), t::toString);
        }
    }

    private static LakeStorage storageAt(int port) {
        LakeSettings.Adls settings = new LakeSettings.Adls(URI.create("http://127.0.0.1:" + port + "/devstoreaccount1"),
                new AdlsCredential.SharedKey("devstoreaccount1", KEY), 1024);
        return new AdlsLakeStorage(LakeStorageFactory.blobServiceClientBuilder(settings)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Duration) null, null, null, null))
                .buildClient(), settings.blockSize(), settings.uploadConcurrency());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
