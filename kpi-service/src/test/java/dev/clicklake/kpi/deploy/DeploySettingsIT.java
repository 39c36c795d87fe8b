package dev.clicklake.kpi.deploy;

import static dev.clicklake.kpi.deploy.RenderedDeploy.OVERLAYS;
import static dev.clicklake.kpi.deploy.RenderedDeploy.ROOT;
import static dev.clicklake.kpi.deploy.RenderedDeploy.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every setting docker-compose.yml and the Kubernetes overlays give a service is one that service reads
 * (a misspelt name would be silently ignored at run time), every reference in them resolves, and the names
 * and ports are the same in every deployment.
 */
class DeploySettingsIT {

    @Test
    void everySettingGivenToAServiceIsOneItReads() {
        List<String> unknown = new ArrayList<>();
        for (String service : SERVICES) {
            ServiceConfiguration configuration = ServiceConfiguration.of(service);
            for (DeployedEnvironment deployed : deployments(service)) {
                deployed.env().keySet().stream().filter(name -> configuration.propertyOf(name).isEmpty())
                        .forEach(name -> unknown.add(deployed.where() + ": " + name));
            }
        }
        assertEquals(List.of(), unknown, "settings no service reads: misspelt, or meant for another service");
    }

    @Test
    void everyConfigMapSecretAndKeyTheContainersReferExists() {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            deployments(service).forEach(d -> d.problems().forEach(p -> problems.add(d.where() + ": " + p)));
        }
        assertEquals(List.of(), problems);
    }

    /** So that ProductionProfileIT, which starts the services on the dev overlay's settings, covers compose's too. */
    @Test
    void composeAndTheDevClusterGiveEachServiceTheSameSettings() {
        RenderedDeploy rendered = RenderedDeploy.get();
        for (String service : SERVICES) {
            assertEquals(new TreeMap<>(DeployedEnvironment.compose(rendered.compose(), service).env()),
                    new TreeMap<>(DeployedEnvironment.kubernetes("dev", rendered.kubernetes("dev"), service).env()),
                    service);
        }
    }

    /**
     * TLS ends at the AKS ingress: kpi-service reads X-Forwarded-Proto/Host there, and only from the proxies the
     * overlay trusts (an empty trusted-proxies list would trust every client); nowhere else does it read them.
     */
    @Test
    void onlyTheAksOverlayTrustsForwardedHeadersAndOnlyFromItsProxies() {
        RenderedDeploy rendered = RenderedDeploy.get();
        var aks = DeployedEnvironment.kubernetes("aks", rendered.kubernetes("aks"), "kpi-service").env();
        assertEquals("true", aks.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        assertEquals("true", aks.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"));
        assertEquals("true", aks.get("QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST"));
        assertFalse(aks.getOrDefault("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "").isBlank(), "the ingress's addresses");
        assertTrue(aks.get("CLICKLAKE_KPI_ODATA_PUBLIC_BASE_URL").startsWith("https://"));
        for (DeployedEnvironment other : List.of(DeployedEnvironment.compose(rendered.compose(), "kpi-service"),
                DeployedEnvironment.kubernetes("dev", rendered.kubernetes("dev"), "kpi-service"))) {
            assertFalse(other.env().containsKey("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"), other.where());
        }
        assertEquals("false", ServiceConfiguration.of("kpi-service").applicationProperties
                .getProperty("quarkus.http.proxy.proxy-address-forwarding"));
    }

    @Test
    void theCheckTellsMisspeltNamesFromRealOnes() {
        ServiceConfiguration kpi = ServiceConfiguration.of("kpi-service");
        for (String real : List.of("CLICKLAKE_LAKE_ADLS_CONNECTION_STRING", "CLICKLAKE_KPI_DUCKDB_MEMORY_LIMIT",
                "QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG", "JDK_JAVA_OPTIONS")) {
            assertTrue(kpi.propertyOf(real).isPresent(), real);
        }
        for (String misspelt : List.of("CLICKLAKE_LAKE_ADLS_ENDPIONT", "CLICKLAKE_LAKE_ADLS_CONNECTIONSTRING",
                "KAFKA_SASL_JASS_CONFIG", "QUARKUS_DATASOURCE_JDBC_URI")) {
            assertFalse(kpi.propertyOf(misspelt).isPresent(), misspelt);
        }
        assertFalse(ServiceConfiguration.of("enrich-service").propertyOf("QUARKUS_DATASOURCE_PASSWORD").isPresent(),
                "enrich-service has no database");
    }

    /**
     * The API on quarkus.http.port and health and metrics on quarkus.management.port, the same in every deployment:
     * compose publishes the API only, the Deployments name both ports and probe the management one, the image
     * exposes both and its HEALTHCHECK asks the management one.
     */
    @Test
    void eachServiceListensOnItsLocalStackPortsEverywhere() throws IOException {
        RenderedDeploy rendered = RenderedDeploy.get();
        for (String service : SERVICES) {
            var properties = ServiceConfiguration.of(service).applicationProperties;
            String api = properties.getProperty("quarkus.http.port");
            String management = properties.getProperty("quarkus.management.port");
            List<String> expected = new ArrayList<>(List.of("compose " + api));
            List<String> found = new ArrayList<>();
            for (JsonNode mapping : rendered.compose().path("services").path(service).path("ports")) {
                found.add("compose " + mapping.asText().replaceAll("^.*:(\\d+)(/tcp)?$", "$1"));
            }
            for (String overlay : OVERLAYS) {
                expected.addAll(List.of("k8s-" + overlay + " http " + api, "k8s-" + overlay + " management " + management));
                for (int probe = 0; probe < 3; probe++) {
                    expected.add("k8s-" + overlay + " probe management");
                }
                DeployedEnvironment.find(rendered.kubernetes(overlay), "Deployment", service).ifPresent(d -> {
                    JsonNode container = d.path("spec").path("template").path("spec").path("containers").get(0);
                    for (JsonNode p : container.path("ports")) {
                        found.add("k8s-" + overlay + " " + p.path("name").asText() + " " + p.path("containerPort").asText());
                    }
                    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                        found.add("k8s-" + overlay + " probe " + container.path(probe).path("httpGet").path("port").asText());
                    }
                });
            }
            String dockerfile = Files.readString(ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
            expected.addAll(List.of("Dockerfile " + api + " " + management, "HEALTHCHECK " + management));
            Matcher expose = Pattern.compile("(?m)^EXPOSE (.+)$").matcher(dockerfile);
            while (expose.find()) {
                found.add("Dockerfile " + expose.group(1).strip());
            }
            Matcher health = Pattern.compile("QUARKUS_(?:HTTP|MANAGEMENT)_PORT:-(\\d+)").matcher(dockerfile);
            while (health.find()) {
                found.add("HEALTHCHECK " + health.group(1));
            }
            assertEquals(expected.stream().sorted().toList(), found.stream().sorted().toList(), service);
        }
    }

    private static List<DeployedEnvironment> deployments(String service) {
        RenderedDeploy rendered = RenderedDeploy.get();
        List<DeployedEnvironment> deployments = new ArrayList<>();
        deployments.add(DeployedEnvironment.compose(rendered.compose(), service));
        for (String overlay : OVERLAYS) {
            deployments.add(DeployedEnvironment.kubernetes(overlay, rendered.kubernetes(overlay), service));
        }
        return deployments;
    }
}
