package dev.clicklake.kpi.e2e;

import static dev.clicklake.kpi.deploy.RenderedDeploy.ROOT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A packaged service, in the production profile, refuses to start with a credential anyone could know or with
 * none: the process ends by itself, non-zero, and its log names the setting and why, never the value. The first
 * case is the hardening issue's: a kpi-service started from a folder whose {@code .env} holds the password this
 * repository used to publish (Quarkus reads {@code .env} from the working directory).
 */
class CredentialStartupIT {

    private static final String GOOD = "a7c1e93f0b5d42e8961c3a7f";

    record Case(String service, Map<String, String> env, String dotEnv, String reason, String secret) {
        @Override
        public String toString() {
            return service + ": " + reason;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("kpi-service", Map.of(), "CLICKLAKE_KPI_AUTH_API_KEYS=" + GOOD
                        + "\nCLICKLAKE_KPI_AUTH_BASIC_CREDENTIALS=powerbi:local-dev-password\n",
                        "clicklake.kpi.auth.basic-credentials is a value this project has published", "local-dev-password"),
                new Case("kpi-service", Map.of("CLICKLAKE_KPI_AUTH_API_KEYS", GOOD + ",local-dev-reader-key"), null,
                        "value 2 of clicklake.kpi.auth.api-keys is a value this project has published", "local-dev-reader-key"),
                new Case("kpi-service", Map.of("CLICKLAKE_KPI_AUTH_API_KEYS", "short-key-1"), null,
                        "clicklake.kpi.auth.api-keys is shorter than 16 characters", "short-key-1"),
                new Case("kpi-service", Map.of(), null, "no credential is configured", null),
                new Case("ingest-service", Map.of("CLICKLAKE_INGEST_API_KEYS", "local-dev-key"), null,
                        "clicklake.ingest.api-keys is a value this project has published", "local-dev-key"),
                new Case("ingest-service", Map.of(), null, "no credential is configured (clicklake.ingest.api-keys)", null))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesToStart(Case c) throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "credential-startup", UUID.randomUUID().toString()))
                .toAbsolutePath();
        if (c.dotEnv() != null) {
            Files.writeString(workDir.resolve(".env"), c.dotEnv());
        }
        Map<String, String> env = new HashMap<>(c.env());
        env.put("CLICKLAKE_TOPIC_PREFIX", "credential-startup-" + UUID.randomUUID() + "-");
        try (ServiceProcess process = ServiceProcess.start(ROOT, c.service(), env, workDir, workDir)) {
            OptionalInt exit = process.awaitExit(Duration.ofSeconds(90));
            assertTrue(exit.isPresent(), c + ": still running; log:\n" + process.logTail());
            assertNotEquals(0, exit.getAsInt(), c + ": exited 0");
            String log = process.log();
            assertTrue(log.contains(c.service() + " will not start: ") && log.contains(c.reason()),
                    c + ": the log does not say why; log:\n" + process.logTail());
            if (c.secret() != null) {
                assertFalse(log.contains(c.secret()), c + ": the log shows the secret");
            }
        }
    }
}
