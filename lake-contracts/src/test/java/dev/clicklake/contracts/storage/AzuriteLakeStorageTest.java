package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The storage contract against Azurite's Blob service, which CI always runs: an unreachable Azurite fails
 * the tests rather than skipping them. The endpoint comes from {@code CLICKLAKE_TEST_AZURITE_BLOB_ENDPOINT}
 * (default {@value #DEFAULT_ENDPOINT}); the account is Azurite's public development account.
 */
class AzuriteLakeStorageTest extends AdlsLakeStorageTestBase {

    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:10000/devstoreaccount1";
    /** Azurite's well-known development account and key, published in its documentation. */
    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    @Override
    protected LakeSettings.Adls settings() {
        String configured = System.getenv("CLICKLAKE_TEST_AZURITE_BLOB_ENDPOINT");
        URI endpoint = URI.create(configured == null || configured.isBlank() ? DEFAULT_ENDPOINT : configured);
        requireReachable(endpoint);
        return new LakeSettings.Adls(endpoint, new AdlsCredential.SharedKey(ACCOUNT, KEY), BLOCK_SIZE);
    }

    private static void requireReachable(URI endpoint) {
        try (Socket socket = new Socket()) {
            int port = endpoint.getPort() >= 0 ? endpoint.getPort() : endpoint.toURL().getDefaultPort();
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 2_000);
        } catch (IOException e) {
            fail("Azurite is not reachable at " + endpoint + " (" + e.getMessage() + "). Start it, e.g. "
                    + "`azurite-blob --blobHost 127.0.0.1 --blobPort " + endpoint.getPort()
                    + " --inMemoryPersistence --skipApiVersionCheck`, or point CLICKLAKE_TEST_AZURITE_BLOB_ENDPOINT at it.");
        }
    }
}
