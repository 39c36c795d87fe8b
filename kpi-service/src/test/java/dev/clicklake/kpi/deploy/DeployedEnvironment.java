package dev.clicklake.kpi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The environment variables one deployment gives a service's container, with their values where the rendered
 * files hold them: from docker-compose.yml, or from a Kubernetes Deployment with its ConfigMaps and Secrets
 * ({@code envFrom} and {@code valueFrom} resolved). A reference that leads nowhere (a missing ConfigMap, Secret
 * or key) is a problem.
 *
 * @param where    e.g. {@code k8s-aks kpi-service}
 * @param env      name to value; a value that only the cluster knows (Key Vault) is {@link #FROM_CLUSTER}
 * @param problems references that lead nowhere
 */
public record DeployedEnvironment(String where, Map<String, String> env, List<String> problems) {

    static final String FROM_CLUSTER = "<synced from Key Vault>";

    public static DeployedEnvironment compose(JsonNode compose, String service) {
        JsonNode environment = compose.path("services").path(service).path("environment");
        Map<String, String> env = new LinkedHashMap<>();
        environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        List<String> problems = environment.isMissingNode() ? List.of("no service " + service) : List.of();
        return new DeployedEnvironment("compose " + service, env, problems);
    }

    public static DeployedEnvironment kubernetes(String overlay, List<JsonNode> objects, String service) {
        String where = "k8s-" + overlay + " " + service;
        Map<String, String> env = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Optional<JsonNode> container = find(objects, "Deployment", service)
                .flatMap(d -> stream(d.path("spec").path("template").path("spec").path("containers"))
                        .filter(c -> c.path("name").asText().equals(service)).findFirst());
        if (container.isEmpty()) {
            return new DeployedEnvironment(where, env, List.of("no Deployment " + service + " with a container " + service));
        }
        for (JsonNode source : container.get().path("envFrom")) {
            String prefix = source.path("prefix").asText("");
            Map<String, String> data = source.has("configMapRef")
                    ? configMap(objects, source.path("configMapRef").path("name").asText(), problems)
                    : secret(objects, source.path("secretRef").path("name").asText(), problems);
            data.forEach((k, v) -> env.put(prefix + k, v));
        }
        for (JsonNode variable : container.get().path("env")) {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (from.has("secretKeyRef") || from.has("configMapKeyRef")) {
                boolean isSecret = from.has("secretKeyRef");
                JsonNode ref = isSecret ? from.path("secretKeyRef") : from.path("configMapKeyRef");
                Map<String, String> data = isSecret ? secret(objects, ref.path("name").asText(), problems)
                        : configMap(objects, ref.path("name").asText(), problems);
                String key = ref.path("key").asText();
                if (!data.containsKey(key)) {
                    problems.add(name + ": " + ref.path("name").asText() + " has no key " + key);
                }
                env.put(name, data.getOrDefault(key, ""));
            } else {
                env.put(name, variable.path("value").asText(""));
            }
        }
        return new DeployedEnvironment(where, env, problems);
    }

    private static Map<String, String> configMap(List<JsonNode> objects, String name, List<String> problems) {
        Map<String, String> data = new LinkedHashMap<>();
        find(objects, "ConfigMap", name).ifPresentOrElse(
                cm -> cm.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText())),
                () -> problems.add("no ConfigMap " + name));
        return data;
    }

    /** A Secret of the overlay, or the one a SecretProviderClass syncs from Key Vault (its keys, not its values). */
    private static Map<String, String> secret(List<JsonNode> objects, String name, List<String> problems) {
        Map<String, String> data = new LinkedHashMap<>();
        Optional<JsonNode> secret = find(objects, "Secret", name);
        if (secret.isPresent()) {
            secret.get().path("data").fields().forEachRemaining(e -> data.put(e.getKey(), new String(
                    Base64.getDecoder().decode(e.getValue().asText().replaceAll("\\s", "")), StandardCharsets.UTF_8)));
            secret.get().path("stringData").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
            return data;
        }
        stream(objects).filter(o -> o.path("kind").asText().equals("SecretProviderClass"))
                .flatMap(spc -> stream(spc.path("spec").path("secretObjects")))
                .filter(so -> so.path("secretName").asText().equals(name))
                .flatMap(so -> stream(so.path("data")))
                .forEach(d -> data.put(d.path("key").asText(), FROM_CLUSTER));
        if (data.isEmpty()) {
            problems.add("no Secret " + name + " (nor a SecretProviderClass that syncs one)");
        }
        return data;
    }

    public static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst();
    }

    static java.util.stream.Stream<JsonNode> stream(Iterable<JsonNode> nodes) {
        return StreamSupport.stream(nodes.spliterator(), false);
    }
}
