package dev.clicklake.ingest.rest;

import static dev.clicklake.ingest.rest.IngestTestSupport.authorized;
import static dev.clicklake.ingest.rest.IngestTestSupport.awaitStatus;
import static dev.clicklake.ingest.rest.IngestTestSupport.dataset;
import static dev.clicklake.ingest.rest.IngestTestSupport.generate;
import static dev.clicklake.ingest.rest.IngestTestSupport.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What a refused or discarded file leaves in bronze, on the local lake, whose folders are real (as ADLS Gen2's
 * directories are, unlike Azurite's flat namespace): nothing, not even its ingestion's empty folder.
 */
@QuarkusTest
@TestProfile(BronzeLeftoversTest.LocalLake.class)
class BronzeLeftoversTest {

    static final Path ROOT = Path.of("target/leftovers-lake");

    public static class LocalLake implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clicklake.lake.kind", "local", "clicklake.lake.local.root", ROOT.toString());
        }
    }

    @ConfigProperty(name = "clicklake.ingest.import-dirs")
    String importDir;

    @Test
    void aDuplicateUploadLeavesNoFolderOfItsOwn() throws Exception {
        String dataset = dataset();
        byte[] file = generate(61, 300, true);
        Response first = upload(dataset, "a.csv", file, null);
        assertEquals(201, first.statusCode(), first.asString());
        Response again = upload(dataset, "b.csv", file, null);
        assertEquals(200, again.statusCode(), again.asString());

        assertEquals(List.of(first.jsonPath().getString("bronze.path")), bronze(dataset), "only the first one's file");
    }

    @Test
    void aRejectedDuplicateFromAnImportDirectoryLeavesNoFolderOfItsOwn() throws Exception {
        String dataset = dataset();
        byte[] file = generate(62, 300, true);
        Response first = upload(dataset, "a.csv", file, null);
        assertEquals(201, first.statusCode(), first.asString());
        Path copy = Files.createDirectories(Path.of(importDir)).resolve(dataset + ".csv");
        Files.write(copy, file);
        Response started = authorized().contentType("application/json")
                .body(Map.of("dataset", dataset, "path", copy.getFileName().toString())).post("/ingestions");
        assertEquals(202, started.statusCode(), started.asString());

        JsonNode rejected = awaitStatus(started.jsonPath().getString("id"), "REJECTED");
        assertTrue(rejected.get("reason").asText().contains("already landed"), rejected.toString());
        assertEquals(List.of(first.jsonPath().getString("bronze.path")), bronze(dataset), "only the first one's file");
    }

    @Test
    void aRejectedUploadLeavesNothing() throws Exception {
        String dataset = dataset();
        Response rejected = upload(dataset, "a.csv", "sku,amount\n1,2\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(422, rejected.statusCode(), rejected.asString());
        assertEquals(List.of(), bronze(dataset));
    }

    /** Every file and folder under the dataset's bronze folder, as lake paths; the folders leading to files left out. */
    private static List<String> bronze(String dataset) throws IOException {
        Path container = ROOT.resolve("bronze");
        Path top = container.resolve(dataset);
        if (!Files.exists(top)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(top)) {
            List<Path> paths = all.filter(p -> !p.equals(top)).toList();
            return paths.stream()
                    .filter(p -> Files.isRegularFile(p) || paths.stream().noneMatch(q -> q.startsWith(p) && !q.equals(p)))
                    .map(p -> container.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                    .sorted()
                    .toList();
        }
    }
}
