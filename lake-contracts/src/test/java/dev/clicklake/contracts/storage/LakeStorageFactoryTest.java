package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Settings, credentials and endpoints: what is built, and that no secret ever shows. */
class LakeStorageFactoryTest {

    private static final String KEY = "c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24tYW55d2hlcmU=";
    private static final String SAS = "sv=2024-11-04&ss=b&srt=sco&sp=rwdlac&se=2030-01-01T00:00:00Z&sig=c2VjcmV0c2ln";

    @Test
    void localSettingsBuildALocalStorageAtTheRoot() {
        LakeStorage storage = LakeStorageFactory.create(new LakeSettings.Local(Path.of("/data/lake")));

        assertInstanceOf(LocalLakeStorage.class, storage);
        assertEquals("local:/data/lake", storage.describe());
    }

    @Test
    void aDfsEndpointIsReachedThroughTheAccountsBlobEndpoint() {
        assertEquals(URI.create("https://acct.blob.core.windows.net"),
                LakeStorageFactory.blobEndpoint(URI.create("https://acct.dfs.core.windows.net")));
        assertEquals(URI.create("https://acct.blob.core.chinacloudapi.cn:443/"),
                LakeStorageFactory.blobEndpoint(URI.create("https://acct.dfs.core.chinacloudapi.cn:443/")));
    }

    @Test
    void blobAndAzuriteEndpointsAreUsedAsTheyAre() {
        for (String endpoint : new String[] {"https://acct.blob.core.windows.net", "http://127.0.0.1:10000/devstoreaccount1"}) {
            assertEquals(URI.create(endpoint), LakeStorageFactory.blobEndpoint(URI.create(endpoint)));
        }
    }

    @Test
    void everyAuthKindBuildsAnAdlsStorageDescribedByItsBlobEndpointWithoutSecrets() {
        URI endpoint = URI.create("https://acct.dfs.core.windows.net");
        String connectionString = "DefaultEndpointsProtocol=https;AccountName=other;AccountKey=" + KEY
                + ";EndpointSuffix=core.windows.net";
        AdlsCredential[] credentials = {
            AdlsCredential.fromConfig("connection-string", null, connectionString),
            AdlsCredential.fromConfig("sas", null, "?" + SAS),
            AdlsCredential.fromConfig("shared-key", "acct", KEY),
            AdlsCredential.fromConfig("default-credential", null, null),
        };
        for (AdlsCredential credential : credentials) {
            LakeSettings.Adls settings = new LakeSettings.Adls(endpoint, credential);
            LakeStorage storage = LakeStorageFactory.create(settings);

            assertInstanceOf(AdlsLakeStorage.class, storage);
            assertEquals("adls:https://acct.blob.core.windows.net", storage.describe(), credential.toString());
            assertNoSecretIn(settings.toString());
        }
    }

    @Test
    void theDefaultBlockSizeIsEightMebibytes() {
        LakeSettings.Adls settings = new LakeSettings.Adls(URI.create("https://acct.dfs.core.windows.net"),
                new AdlsCredential.DefaultCredential());

        assertEquals(8 * 1024 * 1024, settings.blockSize());
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        assertEquals("ConnectionString[***]", new AdlsCredential.ConnectionString("AccountKey=" + KEY).toString());
        assertEquals("Sas[***]", new AdlsCredential.Sas(SAS).toString());
        assertEquals("SharedKey[accountName=acct, accountKey=***]", new AdlsCredential.SharedKey("acct", KEY).toString());
    }

    @Test
    void anEndpointCarryingASasIsRejectedWithoutEchoingIt() {
        URI withSas = URI.create("https://acct.blob.core.windows.net/?" + SAS);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new LakeSettings.Adls(withSas, new AdlsCredential.DefaultCredential()));

        assertNoSecretIn(thrown.getMessage());
    }

    @Test
    void badSettingsAreRejectedWithAMessageNamingWhatIsWrong() {
        IllegalArgumentException unknownAuth = assertThrows(IllegalArgumentException.class,
                () -> AdlsCredential.fromConfig("password", "acct", KEY));
        assertTrue(unknownAuth.getMessage().contains("password"), unknownAuth.getMessage());
        assertNoSecretIn(unknownAuth.getMessage());

        assertThrows(NullPointerException.class, () -> AdlsCredential.fromConfig("sas", null, null));
        assertThrows(IllegalArgumentException.class, () -> AdlsCredential.fromConfig("shared-key", "acct", " "));
        assertThrows(IllegalArgumentException.class, () -> new LakeSettings.Adls(
                URI.create("ftp://acct.dfs.core.windows.net"), new AdlsCredential.DefaultCredential()));
        assertThrows(IllegalArgumentException.class, () -> new LakeSettings.Adls(
                URI.create("https://acct.dfs.core.windows.net"), new AdlsCredential.DefaultCredential(), 0));
        assertThrows(IllegalArgumentException.class, () -> new LakeSettings.Adls(
                URI.create("https://acct.dfs.core.windows.net"), new AdlsCredential.DefaultCredential(), 1024, 0));
        assertEquals(4, new LakeSettings.Adls(URI.create("https://acct.dfs.core.windows.net"),
                new AdlsCredential.DefaultCredential()).uploadConcurrency());
    }

    private static void assertNoSecretIn(String text) {
        assertFalse(text.contains(KEY) || text.contains("sig="), text);
    }
}
