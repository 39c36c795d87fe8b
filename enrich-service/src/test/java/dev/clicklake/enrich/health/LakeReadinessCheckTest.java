package dev.clicklake.enrich.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.contracts.storage.LocalLakeStorage;
import dev.clicklake.enrich.testing.LocalEnricher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeReadinessCheckTest {

    @TempDir
    Path root;

    @Test
    void isDownWhileAContainerItUsesIsMissing() throws Exception {
        LocalLakeStorage lake = new LocalLakeStorage(root);
        LakeReadinessCheck check = new LakeReadinessCheck(lake, LocalEnricher.lakeConfig());
        lake.ensureContainers(List.of("bronze"));

        HealthCheckResponse down = check.call();
        lake.ensureContainers(List.of("silver"));
        HealthCheckResponse up = check.call();
        Files.delete(root.resolve("bronze"));
        HealthCheckResponse downAgain = check.call();

        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertEquals("silver", down.getData().orElseThrow().get("missing-containers"));
        assertEquals(HealthCheckResponse.Status.UP, up.getStatus());
        assertEquals("bronze", downAgain.getData().orElseThrow().get("missing-containers"));
    }
}
