package dev.clicklake.kpi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** docker-compose.yml, the Kubernetes overlays and the Dockerfiles pass deploy/validate.sh's real validators. */
class DeployValidationIT {

    @Test
    void composeKubernetesAndDockerfilesValidate() {
        RenderedDeploy rendered = RenderedDeploy.get();
        System.out.println(rendered.output);
        assertEquals(0, rendered.exitCode, "deploy/validate.sh failed:\n" + rendered.output);
    }
}
