package dev.clicklake.contracts.storage;

import com.azure.core.credential.AzureSasCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Builds the {@link LakeStorage} that {@link LakeSettings} describe. */
public final class LakeStorageFactory {

    private LakeStorageFactory() {
    }

    /** A {@link LocalLakeStorage} or an {@link AdlsLakeStorage}; makes no network call. */
    public static LakeStorage create(LakeSettings settings) {
        if (settings instanceof LakeSettings.Local local) {
            return new LocalLakeStorage(local.root());
        }
        LakeSettings.Adls adls = (LakeSettings.Adls) settings;
        if (adls.credential() instanceof AdlsCredential.ContainerSas sas) {
            return new AdlsLakeStorage(containerClients(blobEndpoint(adls.endpoint()).toString(), sas),
                    blobEndpoint(adls.endpoint()).toString(), adls.blockSize(), adls.uploadConcurrency());
        }
        return new AdlsLakeStorage(blobServiceClientBuilder(adls).buildClient(), adls.blockSize(),
                adls.uploadConcurrency());
    }

    /**
     * A client per container, each signed with that container's token; a container without one gets an anonymous
     * client, which storage answers as it answers any stranger.
     */
    static Function<String, BlobContainerClient> containerClients(String blobEndpoint, AdlsCredential.ContainerSas sas) {
        Map<String, BlobContainerClient> clients = new ConcurrentHashMap<>();
        return container -> clients.computeIfAbsent(container, name -> {
            BlobContainerClientBuilder builder = new BlobContainerClientBuilder().endpoint(blobEndpoint).containerName(name);
            String token = sas.tokens().get(name);
            return (token == null ? builder : builder.sasToken(token)).buildClient();
        });
    }

    /** A Blob service client builder for the account, authenticated as {@code settings} say. */
    static BlobServiceClientBuilder blobServiceClientBuilder(LakeSettings.Adls settings) {
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder();
        AdlsCredential credential = settings.credential();
        if (credential instanceof AdlsCredential.ConnectionString connectionString) {
            builder.connectionString(connectionString.value());
        } else if (credential instanceof AdlsCredential.Sas sas) {
            builder.credential(new AzureSasCredential(sas.token()));
        } else if (credential instanceof AdlsCredential.SharedKey key) {
            builder.credential(new StorageSharedKeyCredential(key.accountName(), key.accountKey()));
        } else {
            builder.credential(new DefaultAzureCredentialBuilder().build());
        }
        // After connectionString(...), which would otherwise set the endpoint from the connection string.
        return builder.endpoint(blobEndpoint(settings.endpoint()).toString());
    }

    /**
     * The Blob endpoint of an account: {@code https://acct.dfs.core.windows.net} becomes
     * {@code https://acct.blob.core.windows.net}; a Blob or Azurite endpoint is returned unchanged.
     */
    static URI blobEndpoint(URI endpoint) {
        String host = endpoint.getHost();
        int dfs = host.indexOf(".dfs.");
        if (dfs < 0) {
            return endpoint;
        }
        String blobHost = host.substring(0, dfs) + ".blob." + host.substring(dfs + ".dfs.".length());
        return URI.create(endpoint.toString().replace("//" + host, "//" + blobHost));
    }
}
