package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The storage contract against an Azure Blob endpoint, plus what only the Azure implementation has to get
 * right: directory markers and retried commits. Subclasses say which account to use.
 */
abstract class AdlsLakeStorageTestBase extends LakeStorageContractTest {

    /** Small blocks, so that the contract's objects span several of them. */
    static final int BLOCK_SIZE = 1024 * 1024;

    private LakeSettings.Adls settings;
    private BlobContainerClient container;

    /** The account under test; may abort or fail when it is not configured or not reachable. */
    protected abstract LakeSettings.Adls settings() throws Exception;

    @Override
    protected LakeStorage createStorage() throws Exception {
        settings = settings();
        container = LakeStorageFactory.blobServiceClientBuilder(settings).buildClient().getBlobContainerClient(CONTAINER);
        return LakeStorageFactory.create(settings);
    }

    /**
     * Deletes every blob the test left, markers included, deepest first: on a hierarchical namespace a
     * directory can only go once it is empty, and the contract's own clean-up skips markers.
     */
    @AfterEach
    void deleteBlobsAndMarkers() {
        if (testPrefix() == null) {
            return;
        }
        String testFolder = testPrefix().path().substring(0, testPrefix().path().length() - 1);
        container.listBlobs(new ListBlobsOptions().setPrefix(testFolder), null).stream()
                .map(BlobItem::getName)
                .sorted(Comparator.reverseOrder())
                .forEach(name -> container.getBlobClient(name).deleteIfExists());
    }

    @Test
    void directoryMarkersAreNeitherListedNorObjects() throws IOException {
        LakeLocation directory = at("dir");
        storage.create(at("dir/file"), new ByteArrayInputStream(new byte[3]));
        BlobClient marker = container.getBlobClient(directory.path());
        if (!marker.exists()) { // a hierarchical namespace has made the directory already; Azurite has not
            marker.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(new byte[0]))
                    .setMetadata(Map.of("hdi_isfolder", "true")), null, null);
        }

        assertEquals(List.of(at("dir/file")), storage.list(testPrefix()).stream().map(LakeObject::location).toList());
        assertEquals(Optional.empty(), storage.stat(directory));
        assertThrows(NoSuchFileException.class, () -> storage.open(directory));
        assertThrows(NoSuchFileException.class, () -> storage.open(directory, 0, 10));
    }

    @Test
    void anEmptyDirectoryIsDeletedByItsMarkerAndOneThatHoldsAnObjectIsKept() throws IOException {
        storage.create(at("kept/file"), new ByteArrayInputStream(new byte[3]));
        storage.create(at("emptied/file"), new ByteArrayInputStream(new byte[3]));
        for (String directory : List.of("kept", "emptied")) {
            BlobClient marker = container.getBlobClient(at(directory).path());
            if (!marker.exists()) { // as a hierarchical namespace has them
                marker.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(new byte[0]))
                        .setMetadata(Map.of("hdi_isfolder", "true")), null, null);
            }
        }
        assertTrue(storage.delete(at("emptied/file")));

        assertTrue(storage.deleteFolderIfEmpty(at("emptied/")));
        assertFalse(container.getBlobClient(at("emptied").path()).exists(), "its marker is gone");
        assertFalse(storage.deleteFolderIfEmpty(at("emptied/")), "no longer there");
        assertFalse(storage.deleteFolderIfEmpty(at("kept/")), "it holds an object");
        assertTrue(container.getBlobClient(at("kept").path()).exists());
        assertFalse(storage.deleteFolderIfEmpty(at("never/")), "no folder, nothing to delete");
    }

    @Test
    void aCommitRetriedAfterItsResponseWasLostStillSucceeds() throws IOException {
        AtomicBoolean lost = new AtomicBoolean();
        HttpPipelinePolicy loseFirstCommitResponse = (context, next) -> next.process().flatMap(response -> {
            boolean commit = context.getHttpRequest().getHttpMethod() == HttpMethod.PUT
                    && context.getHttpRequest().getUrl().getQuery().contains("comp=blocklist");
            if (commit && lost.compareAndSet(false, true)) {
                response.close();
                return Mono.error(new IOException("simulated lost response"));
            }
            return Mono.just(response);
        });
        BlobServiceClient blobs = LakeStorageFactory.blobServiceClientBuilder(settings)
                .addPolicy(loseFirstCommitResponse)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 3, (Duration) null,
                        Duration.ofMillis(10), Duration.ofMillis(10), null))
                .buildClient();
        LakeStorage retrying = new AdlsLakeStorage(blobs, BLOCK_SIZE, 4);
        LakeLocation location = at("retried");

        LakeObject created = retrying.create(location, GeneratedContent.of(1, BLOCK_SIZE + 1));

        assertTrue(lost.get(), "the first commit response should have been dropped");
        assertEquals(Optional.of(created), storage.stat(location));
        assertEquals(GeneratedContent.sha256(1, BLOCK_SIZE + 1), GeneratedContent.sha256(storage.open(location)));
    }

    @Test
    void theDescriptionNamesTheBlobEndpointAndNoSecret() {
        String description = storage.describe();

        assertEquals("adls:" + LakeStorageFactory.blobEndpoint(settings.endpoint()), description);
        assertFalse(description.contains("sig="), description);
    }
}
