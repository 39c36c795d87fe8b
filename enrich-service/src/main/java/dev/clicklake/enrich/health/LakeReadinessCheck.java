package dev.clicklake.enrich.health;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the lake answers (Kafka's readiness comes from the messaging extension's own checks). */
@Readiness
@ApplicationScoped
public class LakeReadinessCheck implements HealthCheck {

    private final LakeStorage lake;
    private final LakeLocation probe;

    public LakeReadinessCheck(LakeStorage lake, LakeConfig config) {
        this.lake = lake;
        this.probe = LakeLocation.of(config.containers().silver(), "_health/probe");
    }

    @Override
    public HealthCheckResponse call() {
        try {
            lake.stat(probe);
            return HealthCheckResponse.named("lake").up().withData("lake", lake.describe()).build();
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("lake").down().withData("lake", lake.describe())
                    .withData("error", e.toString()).build();
        }
    }
}
