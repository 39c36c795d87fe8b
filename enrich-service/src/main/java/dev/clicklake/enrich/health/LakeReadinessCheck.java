package dev.clicklake.enrich.health;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeStorage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the lake answers and holds the containers this service reads (bronze) and writes
 * (silver); Kafka's readiness comes from the messaging extension's own checks.
 */
@Readiness
@ApplicationScoped
public class LakeReadinessCheck implements HealthCheck {

    private final LakeStorage lake;
    private final List<String> containers;

    public LakeReadinessCheck(LakeStorage lake, LakeConfig config) {
        this.lake = lake;
        this.containers = List.of(config.containers().bronze(), config.containers().silver());
    }

    @Override
    public HealthCheckResponse call() {
        try {
            List<String> missing = lake.missingContainers(containers);
            if (missing.isEmpty()) {
                return HealthCheckResponse.named("lake").up().withData("lake", lake.describe()).build();
            }
            return HealthCheckResponse.named("lake").down().withData("lake", lake.describe())
                    .withData("missing-containers", String.join(",", missing)).build();
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("lake").down().withData("lake", lake.describe())
                    .withData("error", e.toString()).build();
        }
    }
}
