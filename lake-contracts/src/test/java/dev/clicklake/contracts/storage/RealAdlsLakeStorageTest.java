package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;

/**
 * The storage contract against a real ADLS Gen2 account, run only when one is configured through the
 * environment; skipped otherwise.
 *
 * <ul>
 *   <li>{@code CLICKLAKE_TEST_ADLS_ENDPOINT}: e.g. {@code https://<account>.dfs.core.windows.net}</li>
 *   <li>{@code CLICKLAKE_TEST_ADLS_AUTH}: {@code connection-string}, {@code sas}, {@code shared-key} or
 *       {@code default-credential}</li>
 *   <li>{@code CLICKLAKE_TEST_ADLS_SECRET}: the connection string, SAS token or account key</li>
 *   <li>{@code CLICKLAKE_TEST_ADLS_ACCOUNT_NAME}: for {@code shared-key}</li>
 * </ul>
 * The tests write under {@code contract-tests/contract/<random>/} (creating the container if needed) and
 * delete what they wrote.
 */
class RealAdlsLakeStorageTest extends AdlsLakeStorageTestBase {

    @Override
    protected LakeSettings.Adls settings() {
        String endpoint = System.getenv("CLICKLAKE_TEST_ADLS_ENDPOINT");
        String auth = System.getenv("CLICKLAKE_TEST_ADLS_AUTH");
        assumeTrue(endpoint != null && !endpoint.isBlank() && auth != null && !auth.isBlank(),
                "no real ADLS account configured: set CLICKLAKE_TEST_ADLS_ENDPOINT and CLICKLAKE_TEST_ADLS_AUTH "
                        + "(plus CLICKLAKE_TEST_ADLS_SECRET, and CLICKLAKE_TEST_ADLS_ACCOUNT_NAME for shared-key) to run it");
        AdlsCredential credential = AdlsCredential.fromConfig(auth,
                System.getenv("CLICKLAKE_TEST_ADLS_ACCOUNT_NAME"), System.getenv("CLICKLAKE_TEST_ADLS_SECRET"));
        return new LakeSettings.Adls(URI.create(endpoint), credential, BLOCK_SIZE);
    }
}
