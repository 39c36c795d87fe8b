package dev.clicklake.contracts.storage;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mints each service's lake credential as {@link LakeAccess} says: one SAS token per container it may touch, scoped
 * to that container and carrying exactly its right, signed with an account key. The local stack's tool
 * ({@code deploy/local/services.sh}) with Azurite's published development account; on Azure the services use
 * workload identities instead.
 *
 * <pre>
 * usage: ContainerSasMinter OUT-DIR HOURS [BRONZE SILVER GOLD]
 *   writes OUT-DIR/&lt;service&gt;/&lt;container&gt; (mode 0600; a container's name is the file's), valid for HOURS;
 *   the account key comes from the connection string in CLICKLAKE_SAS_CONNECTION_STRING (default
 *   UseDevelopmentStorage=true, Azurite's account); prints where the tokens are, never a token
 * </pre>
 */
public final class ContainerSasMinter {

    private final BlobServiceClient signer;
    private final Map<LakeAccess.Layer, String> containers;

    /**
     * @param connectionString an account connection string with its key (no request is sent: tokens are signed here)
     * @param containers the container of each layer
     */
    public ContainerSasMinter(String connectionString, Map<LakeAccess.Layer, String> containers) {
        this.signer = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        this.containers = new EnumMap<>(containers);
    }

    /** The service's tokens, by container name, valid until {@code expiry}. */
    public Map<String, String> mint(LakeAccess service, OffsetDateTime expiry) {
        Map<String, String> tokens = new LinkedHashMap<>();
        service.rights().forEach((layer, right) -> {
            String container = containers.get(layer);
            BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(expiry,
                    BlobContainerSasPermission.parse(right.sasPermissions()));
            tokens.put(container, signer.getBlobContainerClient(container).generateSas(values));
        });
        return tokens;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 5) {
            System.err.println("usage: ContainerSasMinter OUT-DIR HOURS [BRONZE SILVER GOLD]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        OffsetDateTime expiry = OffsetDateTime.now().plus(Duration.ofHours(Long.parseLong(args[1])));
        Map<LakeAccess.Layer, String> containers = new EnumMap<>(LakeAccess.Layer.class);
        for (LakeAccess.Layer layer : LakeAccess.Layer.values()) {
            containers.put(layer, args.length == 5 ? args[2 + layer.ordinal()] : layer.name().toLowerCase());
        }
        String connectionString = System.getenv().getOrDefault("CLICKLAKE_SAS_CONNECTION_STRING",
                "UseDevelopmentStorage=true");
        ContainerSasMinter minter = new ContainerSasMinter(connectionString, containers);
        for (LakeAccess service : LakeAccess.values()) {
            Path folder = out.resolve(service.service());
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            try (var stale = Files.list(folder)) { // a right taken away takes its token with it
                for (Path file : stale.toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, String> token : minter.mint(service, expiry).entrySet()) {
                writeOwnerOnly(folder.resolve(token.getKey()), token.getValue());
            }
        }
        System.out.println("container SAS tokens in " + out + "/<service>/<container>, valid until " + expiry);
    }

    private static void writeOwnerOnly(Path file, String token) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token);
    }
}
