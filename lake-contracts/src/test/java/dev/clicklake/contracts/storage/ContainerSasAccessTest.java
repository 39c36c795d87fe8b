package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import dev.clicklake.contracts.storage.LakeAccess.Layer;
import dev.clicklake.contracts.storage.LakeAccess.Right;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each service's local lake credential, minted as {@code deploy/local/services.sh} mints it (container SAS tokens
 * signed with Azurite's development account), against the real Azurite: storage takes the writes of the layers the
 * service owns and the reads it was granted, and refuses every other write and read. Containers of its own per run.
 */
class ContainerSasAccessTest {

    private static final URI ENDPOINT = URI.create(AzuriteLakeStorageTest.DEFAULT_ENDPOINT);
    private static final String DEVELOPMENT_STORAGE = "UseDevelopmentStorage=true";
    private static final Map<Layer, String> CONTAINERS = new EnumMap<>(Layer.class);
    private static BlobServiceClient admin;

    @BeforeAll
    static void containers() {
        admin = new BlobServiceClientBuilder().connectionString(DEVELOPMENT_STORAGE).buildClient();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (Layer layer : Layer.values()) {
            CONTAINERS.put(layer, "sas-" + run + "-" + layer.name().toLowerCase());
            admin.createBlobContainer(CONTAINERS.get(layer));
        }
    }

    @AfterAll
    static void dropContainers() {
        CONTAINERS.values().forEach(container -> admin.getBlobContainerClient(container).deleteIfExists());
    }

    @ParameterizedTest
    @EnumSource(LakeAccess.class)
    void storageRefusesWhatTheServiceWasNotGranted(LakeAccess service) throws IOException {
        Map<String, String> tokens = new ContainerSasMinter(DEVELOPMENT_STORAGE, CONTAINERS)
                .mint(service, OffsetDateTime.now().plusHours(1));
        LakeStorage lake = LakeStorageFactory.create(new LakeSettings.Adls(ENDPOINT, new AdlsCredential.ContainerSas(tokens)));
        for (Layer layer : Layer.values()) {
            Right right = service.rights().get(layer);
            LakeLocation probe = LakeLocation.of(CONTAINERS.get(layer), service.service() + "/" + UUID.randomUUID() + ".txt");
            String where = service + " on " + layer;
            if (right == Right.WRITE) {
                lake.create(probe, text("owned"));
                assertEquals("owned", read(lake, probe), where);
                assertTrue(lake.delete(probe), where);
                continue;
            }
            assertRefused(assertThrows(IOException.class, () -> lake.create(probe, text("not yours"))), where + ": write");
            admin.getBlobContainerClient(probe.container()).getBlobClient(probe.path()).upload(
                    com.azure.core.util.BinaryData.fromString("written by the platform"));
            if (right == Right.READ) {
                assertEquals("written by the platform", read(lake, probe), where);
                assertEquals(1, lake.list(LakeLocation.of(probe.container(), service.service() + "/")).size(), where);
                assertRefused(assertThrows(IOException.class, () -> lake.delete(probe)), where + ": delete");
            } else {
                assertRefused(assertThrows(IOException.class, () -> read(lake, probe)), where + ": read");
            }
        }
    }

    @Test
    void aTokenOpensOnlyItsOwnContainer() {
        String bronzeToken = new ContainerSasMinter(DEVELOPMENT_STORAGE, CONTAINERS)
                .mint(LakeAccess.INGEST, OffsetDateTime.now().plusHours(1)).get(CONTAINERS.get(Layer.BRONZE));
        String silver = CONTAINERS.get(Layer.SILVER);
        LakeStorage lake = LakeStorageFactory.create(
                new LakeSettings.Adls(ENDPOINT, new AdlsCredential.ContainerSas(Map.of(silver, bronzeToken))));
        assertRefused(assertThrows(IOException.class, () -> lake.create(LakeLocation.of(silver, "stolen.txt"), text("x"))),
                "bronze's token on silver");
    }

    @Test
    void enrichServiceSeesItsContainersForReadiness() throws IOException {
        LakeStorage lake = LakeStorageFactory.create(new LakeSettings.Adls(ENDPOINT, new AdlsCredential.ContainerSas(
                new ContainerSasMinter(DEVELOPMENT_STORAGE, CONTAINERS).mint(LakeAccess.ENRICH, OffsetDateTime.now().plusHours(1)))));
        assertEquals(java.util.List.of(), lake.missingContainers(
                java.util.List.of(CONTAINERS.get(Layer.BRONZE), CONTAINERS.get(Layer.SILVER))));
    }

    private static void assertRefused(IOException refused, String what) {
        BlobStorageException storage = assertInstanceOf(BlobStorageException.class, refused.getCause(), what);
        assertEquals(403, storage.getStatusCode(), what + ": storage answered " + storage.getErrorCode());
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(LakeStorage lake, LakeLocation location) throws IOException {
        try (InputStream in = lake.open(location, 0, Long.MAX_VALUE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
