package dev.clicklake.kpi.e2e;

import static dev.clicklake.kpi.deploy.RenderedDeploy.ROOT;
import static dev.clicklake.kpi.deploy.RenderedDeploy.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.kpi.deploy.DeployedEnvironment;
import dev.clicklake.kpi.deploy.RenderedDeploy;
import dev.clicklake.kpi.deploy.ServiceConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployments' settings are sufficient: the three packaged services start with the production profile
 * against the local stack, configured by nothing but the environment the dev overlay gives them (its ConfigMaps
 * and Secrets resolved; docker-compose.yml gives the same, DeploySettingsIT checks), with the hosts of the
 * infrastructure containers (kafka, azurite, postgres) pointed at the local stack, a free HTTP port, and topics of
 * their own (a prefix: the same topics, renamed, so that a pipeline running on the local stack is not disturbed).
 * Each must become ready, answer the probes the manifests use, and pass its Dockerfile's HEALTHCHECK command.
 */
class ProductionProfileIT {

    private static final Pattern INFRASTRUCTURE_HOST = Pattern.compile("\\b(kafka|azurite|postgres):(?=\\d)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The services inherit this JVM's environment: none of it may be a setting they read. */
    @BeforeAll
    static void nothingLeaksInFromThisEnvironment() {
        List<ServiceConfiguration> services = SERVICES.stream().map(ServiceConfiguration::of).toList();
        List<String> leaking = System.getenv().keySet().stream()
                .filter(name -> !ServiceConfiguration.JVM_VARIABLES.contains(name))
                .filter(name -> services.stream().anyMatch(s -> s.propertyOf(name).isPresent())).sorted().toList();
        assertEquals(List.of(), leaking, "settings in the test's own environment: the test would not prove that the "
                + "deployment's settings suffice");
    }

    @Test
    void theServicesRunOnTheDevOverlaysSettingsAlone() throws Exception {
        RenderedDeploy rendered = RenderedDeploy.get();
        List<ServiceProcess> services = new ArrayList<>();
        String topicPrefix = "deploy-" + UUID.randomUUID() + "-";
        try {
            for (String service : SERVICES) {
                DeployedEnvironment deployed = DeployedEnvironment.kubernetes("dev", rendered.kubernetes("dev"), service);
                Map<String, String> env = new HashMap<>();
                deployed.env().forEach((name, value) -> env.put(name, INFRASTRUCTURE_HOST.matcher(value).replaceAll("127.0.0.1:")));
                env.put("JDK_JAVA_OPTIONS", imageJavaOptions(service));
                env.put("CLICKLAKE_TOPIC_PREFIX", topicPrefix);
                services.add(ServiceProcess.start(ROOT, service, env, Path.of("target", "deploy-dev")));
            }
            for (int i = 0; i < services.size(); i++) {
                ServiceProcess process = services.get(i);
                process.awaitReady(Duration.ofSeconds(120));
                assertEquals(Set.of("127.0.0.1"), process.listenAddresses(), SERVICES.get(i)
                        + ": outside a container (whose image sets QUARKUS_HTTP_HOST) a service listens on loopback only");
                for (String path : probePaths(rendered, SERVICES.get(i))) {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(process.managementUrl() + path))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), SERVICES.get(i) + " " + path + ": " + response.body());
                }
                metricsOnlyOnTheManagementInterface(SERVICES.get(i), process);
                assertEquals(0, runHealthcheck(SERVICES.get(i), process.managementUrl()),
                        SERVICES.get(i) + ": the Dockerfile's HEALTHCHECK failed against the ready service");
            }
            readersNeedTheOverlaysKey(rendered, services.get(SERVICES.indexOf("kpi-service")));
        } finally {
            for (ServiceProcess service : services) {
                service.close();
            }
        }
    }

    /**
     * Health and metrics answer on the management interface, whose port no Service or Ingress publishes, and not on
     * the API's port, where anyone who reaches the API could read them.
     */
    private static void metricsOnlyOnTheManagementInterface(String service, ServiceProcess process) throws Exception {
        for (String path : List.of("/q/metrics", "/q/health/ready")) {
            HttpResponse<String> onApiPort = HTTP.send(HttpRequest.newBuilder(URI.create(process.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(onApiPort.statusCode() == 404 || onApiPort.statusCode() == 401, service + ": " + path
                    + " on the API's port answered " + onApiPort.statusCode() + ": " + onApiPort.body());
        }
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(process.managementUrl() + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), service + ": /q/metrics on the management interface");
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), service + ": not Prometheus metrics");
    }

    /** kpi-service refuses an anonymous reader and lets in one with the reader key of the overlay's Secret. */
    private static void readersNeedTheOverlaysKey(RenderedDeploy rendered, ServiceProcess kpi) throws Exception {
        String keys = DeployedEnvironment.kubernetes("dev", rendered.kubernetes("dev"), "kpi-service").env()
                .get("CLICKLAKE_KPI_AUTH_API_KEYS");
        assertTrue(keys != null && !keys.isBlank(), "the dev overlay gives kpi-service no reader key");
        URI datasets = URI.create(kpi.baseUrl() + "/kpi/datasets");
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(datasets).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode(), "an anonymous reader");
        HttpResponse<String> keyed = HTTP.send(HttpRequest.newBuilder(datasets)
                .header("X-API-Key", keys.split(",")[0].strip()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, keyed.statusCode(), keyed.body());
    }

    /** The startup, readiness and liveness probe paths of the service's Deployment. */
    private static List<String> probePaths(RenderedDeploy rendered, String service) {
        var container = DeployedEnvironment.find(rendered.kubernetes("dev"), "Deployment", service).orElseThrow()
                .path("spec").path("template").path("spec").path("containers").get(0);
        List<String> paths = new ArrayList<>();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            paths.add(container.path(probe).path("httpGet").path("path").asText());
        }
        return paths;
    }

    /** The JVM options the image sets (ENV JDK_JAVA_OPTIONS), so that they are tried on this JDK too. */
    private static String imageJavaOptions(String service) throws Exception {
        Matcher env = Pattern.compile("(?m)^ENV JDK_JAVA_OPTIONS=\"([^\"]*)\"").matcher(dockerfile(service));
        return env.find() ? env.group(1) : "";
    }

    /** Runs the HEALTHCHECK's exec-form command, as Docker would inside the container, on the service's port. */
    private static int runHealthcheck(String service, String baseUrl) throws Exception {
        String joined = dockerfile(service).replace("\\\n", " ");
        Matcher healthcheck = Pattern.compile("(?m)^HEALTHCHECK .*?CMD (\\[.*])$").matcher(joined);
        if (!healthcheck.find()) {
            throw new AssertionError(service + ": no HEALTHCHECK in exec form");
        }
        String[] command = new ObjectMapper().readValue(healthcheck.group(1), String[].class);
        ProcessBuilder builder = new ProcessBuilder(Arrays.asList(command)).redirectErrorStream(true);
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static String dockerfile(String service) throws Exception {
        return Files.readString(ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
    }
}
