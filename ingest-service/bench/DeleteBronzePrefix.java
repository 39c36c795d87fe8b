import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ListBlobsOptions;

/**
 * Deletes the benchmark's blobs from Azurite's bronze container (in-memory on the shared local stack), so
 * that a multi-GB run does not keep gigabytes there: java -cp 'ingest-service/target/quarkus-app/lib/main/*'
 * DeleteBronzePrefix.java <dataset>/
 */
public class DeleteBronzePrefix {
    public static void main(String[] args) {
        BlobContainerClient bronze = new BlobServiceClientBuilder().connectionString("UseDevelopmentStorage=true")
                .buildClient().getBlobContainerClient("bronze");
        bronze.listBlobs(new ListBlobsOptions().setPrefix(args[0]), null).forEach(blob -> {
            bronze.getBlobClient(blob.getName()).deleteIfExists();
            System.out.println("deleted bronze/" + blob.getName());
        });
    }
}
