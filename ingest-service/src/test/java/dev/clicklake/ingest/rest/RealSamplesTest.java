package dev.clicklake.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real REES46 slices in {@code shared/data/rees46} (found next to the repository, or at
 * {@code CLICKLAKE_REES46_DIR}); skipped with a message when they are not there.
 */
@QuarkusTest
class RealSamplesTest {

    @Test
    void theCrlfFileWhoseLastLineIsCutLandsWithTheCutLineCounted() throws Exception {
        Path file = sample("2019-Oct-head-17434-crlf-cut.csv");
        Response created = upload(file, null);
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(17_434 + 1, created.jsonPath().getLong("bronze.rows"), "17,434 whole rows and the cut one");
        assertEquals(true, created.jsonPath().getBoolean("bronze.header"));
        assertEquals(sha256(file), created.jsonPath().getString("bronze.sha256"));
    }

    @Test
    void theHeaderlessNovemberSliceLandsWithItsDeclaredColumnOrder() throws Exception {
        Path file = sample("2019-Nov-head-683-noheader.csv");
        Response created = upload(file, String.join(",", ClickstreamColumns.NAMES));
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(683, created.jsonPath().getLong("bronze.rows"));
        assertEquals(false, created.jsonPath().getBoolean("bronze.header"));
        assertEquals(ClickstreamColumns.NAMES, created.jsonPath().getList("bronze.columns"));
    }

    private static Response upload(Path file, String columns) throws Exception {
        var request = IngestTestSupport.authorized().contentType("text/csv").body(Files.readAllBytes(file))
                .queryParam("dataset", "real-" + UUID.randomUUID().toString().substring(0, 8))
                .queryParam("fileName", file.getFileName().toString());
        if (columns != null) {
            request.queryParam("columns", columns);
        }
        return request.post("/ingestions");
    }

    private static Path sample(String name) {
        Optional<Path> dir = Stream.of(System.getenv("CLICKLAKE_REES46_DIR"), "../../shared/data/rees46", "../shared/data/rees46")
                .filter(d -> d != null && Files.isDirectory(Path.of(d))).map(Path::of).findFirst();
        assumeTrue(dir.isPresent() && Files.isRegularFile(dir.get().resolve(name)),
                "the real sample " + name + " is not here (shared/data/rees46 or CLICKLAKE_REES46_DIR): skipped");
        return dir.get().resolve(name);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
